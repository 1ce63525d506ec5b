import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_SIGNATURE_PATTERNS } from '../functions/webhook-producer-signature';
import type { HeaderParameter } from '../openapi/parameters';

/**
 * How deliveries to an operation are signed, read from its header parameters:
 * - Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` (Svix's `svix-*` names work the same way);
 *   signed and verified with the `standardwebhooks` library, timestamp included, so stale deliveries can be refused;
 * - HMAC: another signature header (`X-Hub-Signature-256`, `X-Acme-Signature`): HMAC-SHA256 of the raw body, sent as
 *   `sha256=<hex>` (GitHub's form, the most common one; other encodings are not guessed).
 */
export type SignatureScheme =
  | { kind: 'standard-webhooks'; prefix: 'webhook' | 'svix'; header: string }
  | { kind: 'hmac-sha256'; header: string };

export function signatureScheme(headers: readonly HeaderParameter[]): SignatureScheme | undefined {
  const names = new Set(headers.map((header) => header.name.toLowerCase()));
  for (const prefix of ['webhook', 'svix'] as const) {
    if (['id', 'timestamp', 'signature'].every((part) => names.has(`${prefix}-${part}`))) {
      return { kind: 'standard-webhooks', prefix, header: `${prefix}-signature` };
    }
  }
  const patterns = DEFAULT_SIGNATURE_PATTERNS.map((source) => new RegExp(source, 'i'));
  const header = headers.find((each) => patterns.some((pattern) => pattern.test(each.name)));
  return header ? { kind: 'hmac-sha256', header: header.name } : undefined;
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
