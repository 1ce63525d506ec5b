import type { IncomingHttpHeaders } from 'node:http';

export interface OutgoingRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** What came back: an HTTP answer, no answer in time, or no connection (refused, reset, TLS failure, ...). */
export type Outcome =
  | { kind: 'answer'; status: number; headers: IncomingHttpHeaders; ms: number }
  /** `ms` is the budget that ran out. */
  | { kind: 'timeout'; ms: number }
  | { kind: 'no-connection'; code: string; message: string; tls: boolean };

export interface ClientOptions {
  timeoutMs: number;
  /** PEM certificates to trust besides the system's (a test or staging CA). */
  ca?: string;
  /** Accept any certificate (development only). */
  insecure?: boolean;
}

/** OpenSSL and Node codes for a certificate or handshake failure: the service is there, TLS is not right. */
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|EPROTO$|HOSTNAME_MISMATCH)/;

/**
 * Sends one request with node's http/https and waits for the status line: redirects are not followed (probe sends only
 * to the target), no connection is reused (each check stands alone), and the body of the answer is read and dropped.
 */
export async function send(request: OutgoingRequest, options: ClientOptions): Promise<Outcome> {
  const https = request.url.protocol === 'https:';
  const transport = https ? await import('node:https') : await import('node:http');
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const outgoing = transport.request(
      request.url,
      { method: request.method, headers, agent: false, ...(https ? { ca: options.ca, rejectUnauthorized: !options.insecure } : {}) },
      (response) => {
        finish({ kind: 'answer', status: response.statusCode ?? 0, headers: response.headers, ms: Date.now() - started });
        response.resume();
        response.on('error', () => undefined);
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', ms: options.timeoutMs });
      outgoing.destroy();
    }, options.timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'ERROR';
      finish({ kind: 'no-connection', code, message: error.message, tls: https && TLS_CODES.test(code) });
    });
    outgoing.end(body);
  });
}

/**
 * At most `perSecond` requests start each second, one at a time. Hand-written: a few lines, where the rate-limit
 * packages are ESM-only or bring timers and queues this sequential loop does not need.
 */
export function rateLimiter(perSecond: number): () => Promise<void> {
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const wait = next - now;
    next = Math.max(now, next) + interval;
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  };
}
