import { isJsonMediaType } from '../../openapi/payload';
import type { ListenCheckId } from '../checks';
import { verifySignature } from '../signature';
import type { Validate } from './schema-validator';
import { first, type ExpectedWebhook } from './webhooks';
import type { JsonPath } from '../../openapi/json';

export interface Breach {
  check: ListenCheckId;
  message: string;
}

export interface ReceivedDelivery {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body parsed as JSON, or the parse error. */
  json: { value: unknown } | { error: string } | undefined;
}

export interface CheckOptions {
  validator: (schemaPath: JsonPath) => Validate;
  /** The signing secret for a scope, or undefined when none was given. */
  secret: (scope: string) => string | undefined;
}

/** Every way a delivery breaks its webhook's contract: required headers, payload schema, signature. */
export function checkDelivery(webhook: ExpectedWebhook, delivery: ReceivedDelivery, options: CheckOptions): Breach[] {
  const breaches: Breach[] = [];
  for (const header of webhook.headers) {
    if (header.required && first(delivery.headers[header.name.toLowerCase()]) === undefined) {
      breaches.push({ check: 'listen-required-header', message: `no ${header.name} header (the webhook declares it required)` });
    }
  }
  const body = webhook.body;
  if (body && isJsonMediaType(body.mediaType)) {
    if (delivery.body.length === 0) {
      breaches.push({ check: 'listen-payload-schema', message: `no body (expected ${body.mediaType})` });
    } else if (delivery.json === undefined || 'error' in delivery.json) {
      breaches.push({ check: 'listen-payload-schema', message: `the body is not JSON${delivery.json && 'error' in delivery.json ? ` (${delivery.json.error})` : ''}` });
    } else {
      let errors: string[];
      try {
        errors = options.validator(body.schemaPath)(delivery.json.value);
      } catch (error) {
        errors = [];
        breaches.push({ check: 'listen-payload-schema', message: `the payload schema cannot be compiled, so the body was not checked (${error instanceof Error ? error.message : String(error)})` });
      }
      if (errors.length > 0) {
        const shown = errors.slice(0, 3).join('; ');
        breaches.push({ check: 'listen-payload-schema', message: `the body does not match the payload schema: ${shown}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}` });
      }
    }
  }
  if (webhook.signature) {
    const secret = options.secret(webhook.signature.scope);
    if (secret !== undefined) {
      const why = verifySignature(webhook.signature.scheme, secret, delivery.body, delivery.headers);
      // A missing signature header that is declared required is reported once, as a missing header.
      const reported = why?.startsWith('no ') && breaches.some((breach) => breach.check === 'listen-required-header');
      if (why !== undefined && !reported) breaches.push({ check: 'listen-signature', message: why });
    }
  }
  return breaches;
}
