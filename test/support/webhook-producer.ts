import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const PRODUCER_SECRET = `whsec_${Buffer.from('producer test signing secret').toString('base64')}`;

export interface DeliveryOptions {
  /** Sign with this secret (default PRODUCER_SECRET). */
  secret?: string;
  /** Headers to leave out (e.g. webhook-id). */
  omit?: string[];
  path?: string;
}

/** Sends one Standard Webhooks delivery, as a producer would, and returns the status it was answered with. */
export function deliver(baseUrl: string, payload: unknown, options: DeliveryOptions = {}): Promise<number> {
  const body = JSON.stringify(payload);
  const id = `msg_${randomUUID()}`;
  const now = new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new Webhook(options.secret ?? PRODUCER_SECRET).sign(id, now, body),
  };
  for (const name of options.omit ?? []) delete headers[name];
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(options.path ?? '/', baseUrl), { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export const ORDER_PAID = { type: 'order.paid', timestamp: '2026-01-01T00:00:00Z', data: { order_id: 'ord_1', amount: 1200 } };
export const ORDER_REFUNDED = { type: 'order.refunded', timestamp: '2026-01-01T00:00:00Z', data: { order_id: 'ord_1', reason: 'fraudulent' } };
