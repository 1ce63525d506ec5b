import type { SpecVersion } from '../../openapi/document';
import type { JsonObject, JsonPath } from '../../openapi/json';

/** Why a value does not match a schema, as short lines (`/data/amount must be integer`); empty when it matches. */
export type Validate = (value: unknown) => string[];

/**
 * Ajv validators for the schemas of one description. The (resolved) document is added whole and each schema compiled
 * by its JSON pointer, so `$ref`s left in it (circular ones) resolve against the document. OpenAPI 3.1 schemas are
 * JSON Schema 2020-12 (Ajv2020); 3.0 and 2.0 ones are read as draft-07, whose keywords they share, with `nullable`
 * (Ajv knows it) and OpenAPI's own formats (int32, int64, ...) added.
 */
export function schemaValidators(root: JsonObject, version: SpecVersion): (schemaPath: JsonPath) => Validate {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Loaded here, on first use: lint never needs Ajv.
  const Ajv = (version === 'oas3.1' ? require('ajv/dist/2020') : require('ajv')) as { default: typeof import('ajv').default };
  const addFormats = (require('ajv-formats') as { default: typeof import('ajv-formats').default }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv.default({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  const documentId = 'openapi:document';
  ajv.addSchema(root, documentId);
  const cache = new Map<string, Validate>();
  return (schemaPath) => {
    const pointer = `#/${schemaPath.map((segment) => encodeURIComponent(String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
    const cached = cache.get(pointer);
    if (cached) return cached;
    const compiled = ajv.getSchema(`${documentId}${pointer}`);
    if (!compiled) throw new Error(`no schema at ${pointer}`);
    const validate: Validate = (value) =>
      compiled(value) ? [] : (compiled.errors ?? []).map((error) => `${error.instancePath || '(the body)'} ${error.message ?? 'is not valid'}${describeParams(error.params)}`);
    cache.set(pointer, validate);
    return validate;
  };
}

/** The one detail an error's message leaves out: which property is missing or extra, which values are allowed. */
function describeParams(params: Record<string, unknown>): string {
  if (Array.isArray(params.allowedValues)) return ` (${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')})`;
  if (typeof params.additionalProperty === 'string') return ` ("${params.additionalProperty}")`;
  return '';
}
