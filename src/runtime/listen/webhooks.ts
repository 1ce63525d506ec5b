import type { SpecVersion } from '../../openapi/document';
import { isObject, ownEntries, ownValue, type JsonObject } from '../../openapi/json';
import { headerParameters, type HeaderParameter } from '../../openapi/parameters';
import { schemaProperties, schemaStringValues } from '../../openapi/payload';
import { describeWebhook, webhookOperations, type WebhookOperation } from '../../openapi/webhook-operations';
import { credentialPlan } from '../credentials';
import { requestBodyShape, type RequestBodyShape } from '../sample';
import { signingOf, type Signing } from '../signature';

/** A webhook or callback the description declares, with what `listen` needs to recognise and check its deliveries. */
export interface ExpectedWebhook {
  item: WebhookOperation;
  /** `webhook "orderPaid" (POST)`. */
  label: string;
  headers: HeaderParameter[];
  body?: RequestBodyShape;
  signature?: Signing;
  /** The status a conforming delivery is answered with: the first documented 2xx, else 200. */
  status: number;
  /** Literal path endings a delivery's URL may have: the name, a callback expression's literal tail. */
  pathEndings: string[];
  /** Event-type headers (lower-case name → the values that name this webhook). */
  eventHeaders: Map<string, Set<string>>;
  /** Payload fields that name the event (`type`, `event`, ...) → the values that name this webhook. */
  eventFields: Map<string, Set<string>>;
}

const EVENT_HEADER = /(event|topic|type)/i;
const EVENT_FIELD = /^(type|event|event_?type|eventType|event-type|topic|kind|name)$/i;

export function expectedWebhooks(root: JsonObject, version: SpecVersion): ExpectedWebhook[] {
  return webhookOperations(root).map((item) => {
    const headers = headerParameters(root, item.pathItem, item.pathItemPath, item.operation, item.jsonPath);
    const body = requestBodyShape(root, version, item.operation, item.jsonPath, item.pathItem);
    const signature = signingOf(headers, credentialPlan(root, item.operation, item.jsonPath).signatureSchemes);
    const eventHeaders = new Map<string, Set<string>>();
    for (const header of headers) {
      if (!EVENT_HEADER.test(header.name) || /^content-type$/i.test(header.name)) continue;
      const values = new Set(schemaStringValues(root, ownValue(header.parameter, 'schema') ?? header.parameter));
      values.add(item.name);
      eventHeaders.set(header.name.toLowerCase(), values);
    }
    const eventFields = new Map<string, Set<string>>();
    if (body) {
      for (const [name, property] of schemaProperties(root, body.schema)) {
        const values = schemaStringValues(root, property.schema);
        if (EVENT_FIELD.test(name) && values.length > 0) eventFields.set(name, new Set(values));
      }
    }
    return {
      item,
      label: describeWebhook(item),
      headers,
      body,
      signature,
      status: successStatus(item.operation),
      pathEndings: pathEndings(item),
      eventHeaders,
      eventFields,
    };
  });
}

function successStatus(operation: JsonObject): number {
  const responses = ownValue(operation, 'responses');
  const codes = isObject(responses) ? ownEntries(responses).map(([code]) => code) : [];
  const documented = codes.find((code) => /^2\d\d$/.test(code));
  return documented === undefined ? 200 : Number(documented);
}

/** `/order-paid` for a webhook named order-paid; `/events` for a callback `{$request.body#/url}/events`. */
function pathEndings(item: WebhookOperation): string[] {
  const endings = [`/${item.name}`];
  if (item.expression !== undefined) {
    const tail = item.expression.replace(/^.*\}/, '');
    if (tail.startsWith('/') && tail.length > 1) endings.push(tail.replace(/\?.*$/, ''));
  }
  return endings;
}

export interface Delivery {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
}

export interface Match {
  webhook: ExpectedWebhook;
  /** What tied the delivery to it: "path /order-paid", "header x-acme-event: order.paid", "payload type order.paid". */
  evidence: string[];
}

/**
 * The webhook a delivery is for: among those with its method, the one with the most evidence (its path ending, an
 * event-type header, an event-type payload field); with no evidence at all, the only webhook with that method.
 */
export function matchDelivery(webhooks: ExpectedWebhook[], delivery: Delivery): Match | undefined {
  const candidates = webhooks.filter((webhook) => webhook.item.method.toUpperCase() === delivery.method);
  let best: Match | undefined;
  for (const webhook of candidates) {
    const evidence: string[] = [];
    const path = delivery.path.toLowerCase().replace(/\/+$/, '');
    const ending = webhook.pathEndings.find((each) => path.endsWith(each.toLowerCase()));
    if (ending !== undefined) evidence.push(`path ${ending}`);
    for (const [name, values] of webhook.eventHeaders) {
      const value = first(delivery.headers[name]);
      if (value !== undefined && values.has(value)) evidence.push(`header ${name}: ${value}`);
    }
    if (isObject(delivery.json)) {
      for (const [name, values] of webhook.eventFields) {
        const value = ownValue(delivery.json, name);
        if (typeof value === 'string' && values.has(value)) evidence.push(`payload ${name} ${value}`);
      }
    }
    if (evidence.length > 0 && (best === undefined || evidence.length > best.evidence.length)) best = { webhook, evidence };
  }
  if (best) return best;
  const [only] = candidates;
  return candidates.length === 1 && only ? { webhook: only, evidence: [`the only ${delivery.method} webhook`] } : undefined;
}

export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

