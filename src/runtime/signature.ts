import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_SIGNATURE_PATTERNS } from '../functions/webhook-producer-signature';
import type { HeaderParameter } from '../openapi/parameters';

/**
 * How deliveries to an operation are signed, read from its header parameters:
 * - Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` (Svix's `svix-*` names work the same way);
 *   signed and verified with the `standardwebhooks` library, timestamp included, so stale deliveries can be refused;
 * - Stripe: `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, timestamp included too;
 * - HMAC: another signature header (`X-Hub-Signature-256`, `X-Acme-Signature`): HMAC-SHA256 of the raw body, sent as
 *   `sha256=<hex>` (GitHub's form, the most common one; other encodings are not guessed).
 */
export type SignatureScheme =
  | { kind: 'standard-webhooks'; prefix: 'webhook' | 'svix'; header: string }
  | { kind: 'stripe'; header: string }
  | { kind: 'hmac-sha256'; header: string };

/** Whether the scheme signs a timestamp, so that a receiver can refuse a stale (replayed) delivery. */
export function signsTimestamp(scheme: SignatureScheme): boolean {
  return scheme.kind !== 'hmac-sha256';
}

/** Stripe's and Standard Webhooks' default tolerance for a delivery's timestamp. */
const TOLERANCE_SECONDS = 5 * 60;

export function signatureScheme(headers: readonly HeaderParameter[]): SignatureScheme | undefined {
  const names = new Set(headers.map((header) => header.name.toLowerCase()));
  for (const prefix of ['webhook', 'svix'] as const) {
    if (['id', 'timestamp', 'signature'].every((part) => names.has(`${prefix}-${part}`))) {
      return { kind: 'standard-webhooks', prefix, header: `${prefix}-signature` };
    }
  }
  const patterns = DEFAULT_SIGNATURE_PATTERNS.map((source) => new RegExp(source, 'i'));
  const header = headers.find((each) => patterns.some((pattern) => pattern.test(each.name)));
  return header === undefined ? undefined : schemeOfHeader(header.name);
}

function schemeOfHeader(name: string): SignatureScheme {
  return name.toLowerCase() === 'stripe-signature' ? { kind: 'stripe', header: name } : { kind: 'hmac-sha256', header: name };
}

/** How an operation's deliveries are signed, and the scope its secret is looked up by (`--secret <scope>=...`). */
export interface Signing {
  scheme: SignatureScheme;
  /** The signature header's name, or the apiKey security scheme's name when one declares the header. */
  scope: string;
}

/**
 * The signing of an operation: from its header parameters, else from an apiKey security scheme that names a signature
 * header (see credentialPlan's signatureSchemes).
 */
export function signingOf(headers: readonly HeaderParameter[], signatureSchemes: ReadonlyArray<{ scheme: string; header: string }>): Signing | undefined {
  const fromHeaders = signatureScheme(headers);
  if (fromHeaders) return { scheme: fromHeaders, scope: fromHeaders.header };
  const [fromScheme] = signatureSchemes;
  return fromScheme ? { scheme: schemeOfHeader(fromScheme.header), scope: fromScheme.scheme } : undefined;
}

/** Whether a header name looks like a signature header (an apiKey scheme may name one). */
export function isSignatureHeaderName(name: string): boolean {
  return DEFAULT_SIGNATURE_PATTERNS.some((source) => new RegExp(source, 'i').test(name));
}

/** The signing secret as its key: a `whsec_`-prefixed base64 secret for Standard Webhooks, raw bytes otherwise. */
function standardWebhook(secret: string): import('standardwebhooks').Webhook {
  // Loaded on first use: lint never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Webhook } = require('standardwebhooks') as typeof import('standardwebhooks');
  // The library takes the base64 secret with or without its `whsec_` prefix.
  return new Webhook(secret);
}

/** The headers that sign `body` under `scheme`: id, timestamp and signature for Standard Webhooks, one header for HMAC. */
export function signatureHeaders(scheme: SignatureScheme, secret: string, body: string, id: string, timestamp: Date): Record<string, string> {
  if (scheme.kind === 'hmac-sha256') return { [scheme.header]: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
  if (scheme.kind === 'stripe') {
    const seconds = Math.floor(timestamp.getTime() / 1000);
    return { [scheme.header]: `t=${seconds},v1=${createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex')}` };
  }
  const signature = standardWebhook(secret).sign(id, timestamp, body);
  return {
    [`${scheme.prefix}-id`]: id,
    [`${scheme.prefix}-timestamp`]: String(Math.floor(timestamp.getTime() / 1000)),
    [`${scheme.prefix}-signature`]: signature,
  };
}

/** Checks a delivery's signature; returns why it does not verify, or undefined when it does. */
export function verifySignature(scheme: SignatureScheme, secret: string, body: Buffer, headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  if (scheme.kind === 'hmac-sha256') {
    const sent = header(scheme.header);
    if (sent === undefined) return `no ${scheme.header} header`;
    const expected = createHmac('sha256', secret).update(body).digest();
    const given = sent.replace(/^sha256=/i, '').trim();
    const decoded = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
    return decoded.length === expected.length && timingSafeEqual(decoded, expected) ? undefined : `${scheme.header} is not the HMAC-SHA256 of the body with the given secret`;
  }
  if (scheme.kind === 'stripe') return verifyStripe(scheme.header, header(scheme.header), secret, body);
  const { prefix } = scheme;
  const id = header(`${prefix}-id`);
  const timestamp = header(`${prefix}-timestamp`);
  const signature = header(`${prefix}-signature`);
  const missing = [[`${prefix}-id`, id], [`${prefix}-timestamp`, timestamp], [`${prefix}-signature`, signature]].filter(([, value]) => value === undefined).map(([name]) => name);
  if (missing.length > 0) return `no ${missing.join(', ')} header${missing.length > 1 ? 's' : ''}`;
  try {
    // The library reads webhook-* names; Svix's are the same values under svix-*.
    standardWebhook(secret).verify(body.toString('utf8'), { 'webhook-id': id as string, 'webhook-timestamp': timestamp as string, 'webhook-signature': signature as string });
    return undefined;
  } catch (error) {
    return `${prefix}-signature does not verify (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Stripe's scheme: any `v1` entry matches the HMAC of `<t>.<body>`, and `t` is within the tolerance. */
function verifyStripe(name: string, sent: string | undefined, secret: string, body: Buffer): string | undefined {
  if (sent === undefined) return `no ${name} header`;
  const entries = sent.split(',').map((part) => part.trim().split('=')) as Array<[string, string | undefined]>;
  const timestamp = entries.find(([key]) => key === 't')?.[1];
  if (timestamp === undefined || !/^\d+$/.test(timestamp)) return `${name} has no t=<timestamp>`;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const signed = entries.some(([key, value]) => key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/i.test(value) && timingSafeEqual(Buffer.from(value, 'hex'), expected));
  if (!signed) return `${name} has no v1 signature that is the HMAC-SHA256 of "<t>.<body>" with the given secret`;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return `${name} is signed, but its timestamp is more than 5 minutes away (a replay?)`;
  return undefined;
}
