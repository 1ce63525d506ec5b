import { isObject, ownValue } from '../openapi/json';
import { isEmptySchema, jsonPayloads, requestBodyOf, schemaProperties, type SchemaProperty } from '../openapi/payload';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, optionsSchema, producerScope } from './producer';

export interface EnvelopeOptions {
  /** Standard Webhooks allows the event data "squashed as part of the top-level object" instead of under `data`. */
  allowSquashedData: boolean;
}

/** The envelope's properties and the JSON type each one has when its schema says. */
const ENVELOPE: Array<[name: string, type: string]> = [
  ['type', 'string'],
  ['timestamp', 'string'],
  ['data', 'object'],
];

/**
 * The JSON payload of each webhook is a Standard Webhooks envelope: required `type` (string), `timestamp` (string,
 * an RFC 3339 date-time) and `data` (object). A payload with no schema to read is left to
 * webhook-producer-payload-schema.
 */
export function checkStandardWebhooksEnvelope(_root: unknown, options: EnvelopeOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const where = describeWebhook(item);
    for (const payload of jsonPayloads(scope.root, requestBodyOf(scope.root, item.operation, item.jsonPath))) {
      if (isEmptySchema(payload.schema)) continue;
      const properties = schemaProperties(scope.root, payload.schema);
      const expected = ENVELOPE.filter(([name]) => !(name === 'data' && options.allowSquashedData));
      const notRequired = expected.filter(([name]) => properties.get(name)?.required !== true).map(([name]) => name);
      if (notRequired.length > 0) {
        const list = notRequired.join(', ');
        results.push({
          message: `${where}: the payload is not a Standard Webhooks envelope; declare and require ${list} (e.g. { "type": "invoice.paid", "timestamp": "2022-11-03T20:26:10Z", "data": {...} })`,
          path: payload.schemaPath,
        });
      }
      for (const [name, type] of expected) {
        const declared = declaredType(properties.get(name));
        if (declared !== undefined && !declared.includes(type)) {
          results.push({ message: `${where}: envelope property ${name} is ${declared.join(' | ')}; Standard Webhooks sends it as ${type === 'object' ? 'an object' : 'a string'}`, path: payload.schemaPath });
        }
      }
    }
  }
  return results;
}

function declaredType(property: SchemaProperty | undefined): string[] | undefined {
  const schema = property?.schema;
  if (!isObject(schema)) return undefined;
  const type = ownValue(schema, 'type');
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string');
  return undefined;
}

export default spectralFunction<EnvelopeOptions>(
  { input: DOCUMENT_INPUT, options: optionsSchema({ allowSquashedData: { type: 'boolean' } }) },
  checkStandardWebhooksEnvelope,
);
