import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from '../support/live-cli';
import { REPO_ROOT, runCli, tempProject } from '../support/run-cli';
import { deliver, ORDER_PAID, ORDER_REFUNDED, PRODUCER_SECRET } from '../support/webhook-producer';

const SPEC = join(REPO_ROOT, 'fixtures', 'runtime', 'producer.yaml');
const ENV = { ACME_WEBHOOK_SECRET: PRODUCER_SECRET };
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+) /;

/** Starts `listen` on a free port and returns it with the base URL to deliver to. */
async function listen(args: string[], cwd?: string) {
  const cli = startCli(['listen', SPEC, '--port', '0', '--secret', 'env:ACME_WEBHOOK_SECRET', ...args], { env: ENV, cwd });
  const [, url] = await cli.waitForStderr(LISTENING);
  return { cli, url: url as string };
}

describe('listen: a producer that keeps the contract, and one that breaks it', { timeout: 120_000 }, () => {
  it('checks conforming deliveries of two webhooks, answers 204, prints a line each and exits 0', async () => {
    const { cli, url } = await listen(['--count', '2']);
    expect(await deliver(url, ORDER_PAID)).toBe(204);
    expect(await deliver(url, ORDER_REFUNDED, { path: '/acme/hooks' })).toBe(204);
    const run = await cli.done;
    expect(run.stdout).toBe(
      [
        'delivery 1: POST / → webhook "orderPaid" (POST): conforms (answered 204)',
        'delivery 2: POST /acme/hooks → webhook "orderRefunded" (POST): conforms (answered 204)',
        '2 deliveries, all conforming.',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toMatch(/^spectral-webhooks: listening on http:\/\/127\.0\.0\.1:\d+ for 2 webhooks of fixtures\/runtime\/producer\.yaml \(until 2 deliveries\)\n$/);
    expect(run.status).toBe(0);
  });

  it('names a wrong payload, a missing header, a bad signature and an unknown event, and exits 1', async () => {
    const { cli, url } = await listen(['--count', '5', '-f', 'json']);
    expect(await deliver(url, ORDER_PAID)).toBe(204);
    expect(await deliver(url, { ...ORDER_PAID, data: { order_id: 'ord_2', amount: '12.00' } })).toBe(400);
    expect(await deliver(url, ORDER_REFUNDED, { omit: ['webhook-id'] })).toBe(400);
    expect(await deliver(url, ORDER_PAID, { secret: `whsec_${Buffer.from('not the secret').toString('base64')}` })).toBe(401);
    expect(await deliver(url, { type: 'order.shipped', data: {} })).toBe(404);
    const run = await cli.done;
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string; path: string[]; severity: number }>;
    expect(findings.map(({ code, message, path, severity }) => ({ code, message, path, severity }))).toEqual([
      { code: 'listen-payload-schema', message: 'delivery 2 (POST /, webhook "orderPaid" (POST)): the body does not match the payload schema: /data/amount must be integer', path: ['webhooks', 'orderPaid', 'post'], severity: 0 },
      { code: 'listen-required-header', message: 'delivery 3 (POST /, webhook "orderRefunded" (POST)): no webhook-id header (the webhook declares it required)', path: ['webhooks', 'orderRefunded', 'post'], severity: 0 },
      { code: 'listen-signature', message: 'delivery 4 (POST /, webhook "orderPaid" (POST)): webhook-signature does not verify (No matching signature found)', path: ['webhooks', 'orderPaid', 'post'], severity: 0 },
      { code: 'listen-unknown-webhook', message: 'delivery 5 (POST /): matches no webhook of the description by method, path, event-type header or payload field (it declares webhook "orderPaid" (POST), webhook "orderRefunded" (POST))', path: ['webhooks'], severity: 0 },
    ]);
    // With -f, the per-delivery lines go to stderr, beside the report.
    expect(run.stderr).toContain('delivery 1: POST / → webhook "orderPaid" (POST): conforms (answered 204)\n');
  });

  it('keeps what arrived with --record, one JSON line per delivery', async () => {
    const cwd = tempProject();
    const { cli, url } = await listen(['--count', '1', '--record', 'deliveries.jsonl'], cwd);
    await deliver(url, ORDER_PAID);
    expect((await cli.done).status).toBe(0);
    const lines = readFileSync(join(cwd, 'deliveries.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string) as { method: string; url: string; body: string; webhook: string; answered: number; headers: Record<string, string>; findings: unknown[] };
    expect(line).toMatchObject({ method: 'POST', url: '/', webhook: 'webhook "orderPaid" (POST)', answered: 204, findings: [] });
    expect(JSON.parse(line.body)).toEqual(ORDER_PAID);
    expect(line.headers['webhook-signature']).toMatch(/^v1,/);
  });
});

describe('listen: what it cannot do is one line and exit 2', { timeout: 120_000 }, () => {
  it('refuses a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = await runCli(['listen', SPEC, '--port', String(port)]);
      expect(run).toMatchObject({ status: 2, stdout: '' });
      expect(run.stderr).toBe(`spectral-webhooks: port ${port} on 127.0.0.1 is in use (choose another with --port, or --port 0 for any free one)\n`);
    } finally {
      blocker.close();
    }
  });

  it('names a secret that is missing', async () => {
    const run = await runCli(['listen', SPEC, '--port', '0', '--secret', 'file:no-such-secret.txt'], { cwd: tempProject() });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: --secret file:no-such-secret.txt: cannot read the file (it does not exist)\n');
  });

  it('refuses a description that declares no webhooks', async () => {
    const cwd = tempProject({ 'api.yaml': 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths: {}\n' });
    const run = await runCli(['listen', 'api.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: api.yaml: the description declares no webhooks or callbacks to listen for (webhooks, x-webhooks, callbacks)\n');
  });

  it('fails when --timeout comes before --count deliveries', async () => {
    const { cli, url } = await listen(['--count', '2', '--timeout', '3s']);
    await deliver(url, ORDER_PAID);
    const run = await cli.done;
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\nspectral-webhooks: timed out after 3 s: 1 of 2 deliveries arrived\n$/);
  });
});
