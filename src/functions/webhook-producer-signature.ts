import { isObject, ownValue } from '../openapi/json';
import type { WebhookOperation } from '../openapi/webhook-operations';
import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, HEADER_OPTIONS_SCHEMA, matchingHeaders, producerScope, type HeaderOptions } from './producer';

/** `headers` carry a signature or a secret token. */
export type SignatureOptions = HeaderOptions;

export const DEFAULT_SIGNATURE_HEADERS = [
  'webhook-signature', 'X-Hub-Signature-256', 'X-Hub-Signature', 'Stripe-Signature', 'X-Shopify-Hmac-Sha256',
  'X-Twilio-Email-Event-Webhook-Signature', 'X-Twilio-Signature', 'x-apideck-signature', 'svix-signature',
  'X-Slack-Signature', 'X-Line-Signature', 'X-Square-Hmacsha256-Signature', 'Paddle-Signature', 'Typeform-Signature',
  'X-Gitlab-Token', 'X-Webhook-Secret', 'X-Webhook-Token',
];

/**
 * A name that ends in "signature" or "hmac", maybe followed by the algorithm (X-Acme-Signature, X-Signature-Ed25519,
 * X-Acme-Hmac-Sha256, X-Payload-Signature-V2): its companions (X-Slack-Signature-Timestamp, X-Signature-Key-Id) do not
 * count, as they sign nothing.
 */
export const DEFAULT_SIGNATURE_PATTERNS = ['(?:signature|hmac)(?:[-_]?(?:sha)?\\d+|[-_](?:v\\d+|sha\\d+|ed25519|rsa|signature|digest))*$'];

/** True when the operation's own `security` has a requirement naming at least one scheme. */
export function hasOwnSecurity(operation: WebhookOperation['operation']): boolean {
  const security = ownValue(operation, 'security');
  return Array.isArray(security) && security.some((requirement) => isObject(requirement) && Object.keys(requirement).length > 0);
}

/**
 * A webhook passes with a required header from the list (or matching a pattern), or with a security requirement on
 * the operation itself. The root `security` does not count: it says how clients call the API, not how the API signs
 * what it sends.
 */
export function checkSignature(_root: unknown, options: SignatureOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const headers = matchingHeaders(scope.root, item, options.headers, options.patterns);
    if (headers.some((header) => header.required) || hasOwnSecurity(item.operation)) continue;
    const optional = headers[0];
    if (optional) {
      results.push({
        message: `${describeWebhook(item)}: signature header "${optional.name}" is not required; mark it required: true so consumers can reject unsigned deliveries`,
        path: optional.jsonPath,
      });
    } else {
      results.push({
        message: `${describeWebhook(item)}: document how consumers verify the sender: a required signature header parameter (e.g. webhook-signature) or a security requirement on the operation`,
        path: item.jsonPath,
      });
    }
  }
  return results;
}

export default spectralFunction<SignatureOptions>(
  {
    input: DOCUMENT_INPUT,
    options: HEADER_OPTIONS_SCHEMA,
  },
  checkSignature,
);
