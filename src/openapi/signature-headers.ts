/** Header names that carry a webhook signature or a shared secret, as producers name them. */
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

const KNOWN = new Set(DEFAULT_SIGNATURE_HEADERS.map((name) => name.toLowerCase()));
const PATTERNS = DEFAULT_SIGNATURE_PATTERNS.map((source) => new RegExp(source, 'i'));

/** True for a header that carries a webhook signature or secret under the default names and patterns. */
export function isSignatureHeader(name: string): boolean {
  return KNOWN.has(name.toLowerCase()) || PATTERNS.some((pattern) => pattern.test(name));
}
