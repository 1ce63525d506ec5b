import { isObject, ownValue } from '../openapi/json';
import { jsonPayloads, requestBodyOf, schemaProperties, schemaStringValues } from '../openapi/payload';
import { describeWebhook, webhooksAnchor, type WebhookOperation } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, matchingHeaders, optionsSchema, producerScope, STRING_LIST } from './producer';

export interface VersionedPayloadOptions {
  /** Top-level payload properties that carry a version. */
  properties: string[];
  /** Payload properties that name the event type; a versioned value (`invoice.paid.v2`) counts. */
  typeProperties: string[];
  /** Regular expressions (case-insensitive) a header name may match to carry a version. */
  headerPatterns: string[];
}

export const DEFAULT_VERSION_PROPERTIES = [
  'version', 'api_version', 'apiVersion', 'schema_version', 'schemaVersion', 'event_version', 'eventVersion',
  'payload_version', 'payloadVersion', 'webhook_version', 'webhookVersion', 'eventTypeVersion', 'event_type_version',
  'specversion', 'cloudEventVersion', 'cloudEventsVersion',
];
export const DEFAULT_TYPE_PROPERTIES = ['type', 'event', 'event_type', 'eventType'];
export const DEFAULT_VERSION_HEADER_PATTERNS = ['version'];

/**
 * `invoice.paid.v2`, `v1.user.created`: a version at either end. A version in the middle names a product
 * (GitHub's `projects-v2-item-created` is an event of Projects v2), not a payload version.
 */
const VERSIONED_NAME = /^v\d+[._:/-]|[._:/-]v\d+$/i;
/** `application/vnd.acme.v1+json`, `application/json; version=2`, `application/json;v=1`. */
const VERSIONED_MEDIA_TYPE = /(^|[./-])v\d+\+json|;\s*v(ersion)?\s*=/i;

/** Why a webhook counts as versioned, or undefined. */
export function payloadVersion(root: unknown, item: WebhookOperation, options: VersionedPayloadOptions): string | undefined {
  if (VERSIONED_NAME.test(item.name)) return `event name ${item.name}`;
  const header = matchingHeaders(root, item, [], options.headerPatterns)[0];
  if (header) return `header ${header.name}`;
  for (const payload of jsonPayloads(root, requestBodyOf(root, item.operation, item.jsonPath))) {
    if (VERSIONED_MEDIA_TYPE.test(payload.mediaType)) return `media type ${payload.mediaType}`;
    const properties = schemaProperties(root, payload.schema);
    const property = options.properties.find((name) => properties.has(name));
    if (property) return `property ${property}`;
    for (const name of options.typeProperties) {
      const value = schemaStringValues(root, properties.get(name)?.schema).find((candidate) => VERSIONED_NAME.test(candidate));
      if (value) return `${name} ${value}`;
    }
  }
  return undefined;
}

/**
 * Versioning is usually one decision for all of a document's webhooks, so a document where no webhook shows a
 * version gets one finding (at `webhooks`, else `x-webhooks`), not one per webhook. Where some webhooks show a
 * version, each one that does not is reported.
 */
export function checkVersionedPayload(_root: unknown, options: VersionedPayloadOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const unversioned = scope.checked.filter((item) => payloadVersion(scope.root, item, options) === undefined);
  if (unversioned.length === 0) return [];
  const advice = 'add a version property (e.g. api_version), a versioned event type (invoice.paid.v2), a versioned media type (application/vnd.acme.v1+json) or a version header';
  const anchor = webhooksAnchor(scope.root, scope.all);
  if (unversioned.length === scope.checked.length && unversioned.length > 1 && anchor && isContainer(scope.root, anchor)) {
    return [{ message: `none of the ${unversioned.length} webhooks shows a payload version consumers can branch on; ${advice}`, path: anchor }];
  }
  return unversioned.map((item) => ({ message: `${describeWebhook(item)}: the payload shows no version consumers can branch on; ${advice}`, path: item.jsonPath }));
}

function isContainer(root: unknown, anchor: Array<string | number>): boolean {
  return anchor.length === 1 && isObject(root) && isObject(ownValue(root, String(anchor[0])));
}

export default spectralFunction<VersionedPayloadOptions>(
  {
    input: DOCUMENT_INPUT,
    options: optionsSchema({ properties: STRING_LIST, typeProperties: STRING_LIST, headerPatterns: STRING_LIST }),
  },
  checkVersionedPayload,
);
