import { jsonPayloads, requestBodyOf, schemaProperties } from '../openapi/payload';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, matchingHeaders, optionsSchema, producerScope, STRING_LIST, type HeaderOptions } from './producer';

export interface IdempotencyOptions extends HeaderOptions {
  /** Top-level payload properties that identify the event. */
  properties: string[];
}

export const DEFAULT_IDEMPOTENCY_HEADERS = [
  'webhook-id', 'X-GitHub-Delivery', 'Idempotency-Key', 'X-Idempotency-Key', 'x-apideck-idempotency-key', 'svix-id',
  'X-Shopify-Webhook-Id', 'X-Shopify-Event-Id', 'X-Gitlab-Event-UUID', 'I-Twilio-Idempotency-Token', 'X-Event-Id',
  'X-Webhook-Id', 'X-Delivery-Id', 'X-Message-Id',
];

export const DEFAULT_IDEMPOTENCY_PATTERNS = ['idempoten', 'delivery(-?id)?$', 'event-?id$', 'webhook-?id$'];

export const DEFAULT_IDEMPOTENCY_PROPERTIES = [
  'id', 'event_id', 'eventId', 'delivery_id', 'deliveryId', 'webhook_id', 'webhookId', 'message_id', 'messageId',
  'notification_id', 'notificationId', 'idempotency_key', 'idempotencyKey',
];

/**
 * A webhook passes with a required id header, or a required id-like property at the top of every JSON payload.
 * A matching header or property that is declared but not required is reported as such: a consumer cannot
 * de-duplicate on a value that may be missing.
 */
export function checkIdempotency(_root: unknown, options: IdempotencyOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const idProperties = new Set(options.properties);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const where = describeWebhook(item);
    const headers = matchingHeaders(scope.root, item, options.headers, options.patterns);
    if (headers.some((header) => header.required)) continue;

    const payloads = jsonPayloads(scope.root, requestBodyOf(scope.root, item.operation, item.jsonPath));
    const ids = payloads.map((payload) => [...schemaProperties(scope.root, payload.schema)].filter(([name]) => idProperties.has(name)));
    if (payloads.length > 0 && ids.every((found) => found.some(([, property]) => property.required))) continue;

    const optionalHeader = headers[0];
    const optionalProperty = ids.flat()[0];
    if (optionalHeader) {
      results.push({ message: `${where}: id header "${optionalHeader.name}" is not required; mark it required: true so consumers can de-duplicate every delivery`, path: optionalHeader.jsonPath });
    } else if (optionalProperty) {
      const payload = payloads.find((_, index) => ids[index]?.some(([name]) => name === optionalProperty[0]));
      results.push({
        message: `${where}: payload property "${optionalProperty[0]}" is not required; list it in the schema's required properties so consumers can de-duplicate every delivery`,
        path: payload ? payload.schemaPath : item.jsonPath,
      });
    } else {
      results.push({
        message: `${where}: no event id to de-duplicate retried deliveries; add a required header such as webhook-id or a required payload property such as id`,
        path: item.jsonPath,
      });
    }
  }
  return results;
}

export default spectralFunction<IdempotencyOptions>(
  { input: DOCUMENT_INPUT, options: optionsSchema({ headers: STRING_LIST, patterns: STRING_LIST, properties: STRING_LIST }) },
  checkIdempotency,
);
