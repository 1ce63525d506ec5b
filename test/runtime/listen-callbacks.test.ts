import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startCli } from '../support/live-cli';
import { tempProject } from '../support/run-cli';

/** OpenAPI 3.0 callbacks, an event-type header, an HMAC signature header and a `nullable` field. */
const CALLBACKS = `openapi: 3.0.3
info: { title: Acme events, version: "1" }
paths:
  /subscriptions:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { url: { type: string } } }
      callbacks:
        onEvent:
          '{$request.body#/url}/events':
            post:
              parameters:
                - { name: X-Acme-Event, in: header, required: true, schema: { type: string, enum: [order.paid, order.shipped] } }
                - { name: X-Acme-Signature-256, in: header, required: true, schema: { type: string } }
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, note]
                      properties:
                        id: { type: string, format: uuid }
                        note: { type: string, nullable: true }
              responses: { '202': { description: accepted } }
        onCancel:
          '{$request.body#/url}/cancellations':
            post:
              parameters:
                - { name: X-Acme-Signature-256, in: header, required: true, schema: { type: string } }
              requestBody:
                content:
                  application/json:
                    schema: { type: object, required: [id], properties: { id: { type: string } } }
              responses: { '200': { description: ok } }
      responses: { '201': { description: created } }
`;
const SECRET = 'acme hmac secret';

function post(url: string, path: string, payload: unknown, headers: Record<string, string>, secret = SECRET): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-acme-signature-256': signature, ...headers } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('listen: callbacks told apart by path and header, signed with HMAC', { timeout: 120_000 }, () => {
  it('matches each delivery, validates 3.0 schemas (nullable, formats), verifies HMAC signatures and answers as documented', async () => {
    const cwd = tempProject({ 'events.yaml': CALLBACKS, 'hmac.txt': `${SECRET}\n` });
    const cli = startCli(['listen', 'events.yaml', '--port', '0', '--count', '4', '--secret', 'X-Acme-Signature-256=file:hmac.txt'], { cwd });
    const [, url] = await cli.waitForStderr(/listening on (http:\S+) /);
    const id = '4b6f4c1e-8d1a-4f0e-9a57-0c2b7c1d9e11';
    expect(await post(url as string, '/acme/events', { id, note: null }, { 'x-acme-event': 'order.paid' })).toBe(202);
    expect(await post(url as string, '/acme/cancellations', { id }, {})).toBe(200);
    expect(await post(url as string, '/acme/events', { id: 'not-a-uuid', note: 'x' }, { 'x-acme-event': 'order.shipped' })).toBe(400);
    expect(await post(url as string, '/acme/cancellations', { id }, {}, 'a guessed secret')).toBe(401);
    const run = await cli.done;
    expect(run.stdout.split('\n')).toEqual([
      'delivery 1: POST /acme/events → callback "onEvent" (POST {$request.body#/url}/events) of POST /subscriptions: conforms (answered 202)',
      'delivery 2: POST /acme/cancellations → callback "onCancel" (POST {$request.body#/url}/cancellations) of POST /subscriptions: conforms (answered 200)',
      'delivery 3: POST /acme/events → callback "onEvent" (POST {$request.body#/url}/events) of POST /subscriptions: listen-payload-schema: the body does not match the payload schema: /id must match format "uuid" (answered 400)',
      'delivery 4: POST /acme/cancellations → callback "onCancel" (POST {$request.body#/url}/cancellations) of POST /subscriptions: listen-signature: X-Acme-Signature-256 is not the HMAC-SHA256 of the body with the given secret (answered 401)',
      '4 deliveries, 2 breaking the contract.',
      '',
    ]);
    expect(run.status).toBe(1);
  });
});
