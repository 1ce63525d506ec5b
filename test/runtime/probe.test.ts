import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempProject } from '../support/run-cli';
import {
  CONSUMER_SECRET,
  CONSUMER_TOKEN,
  RECEIVER_PATH,
  startHttpConsumer,
  startHttpsConsumer,
  testCertificate,
  type BrokenPromise,
  type RunningServer,
} from '../support/webhook-servers';

const SPEC = join(REPO_ROOT, 'fixtures', 'runtime', 'consumer.yaml');
const SECRETS = { ACME_TOKEN: CONSUMER_TOKEN, ACME_WEBHOOK_SECRET: CONSUMER_SECRET };
const SECRET_ARGS = ['--secret', 'acmeToken=env:ACME_TOKEN', '--secret', 'webhook-signature=env:ACME_WEBHOOK_SECRET', '--rate', '200'];

const SWAGGER_GITHUB = `swagger: '2.0'
info: { title: GitHub receiver, version: '1' }
host: hooks.example.com
schemes: [https]
securityDefinitions:
  basicAuth: { type: basic }
  queryKey: { type: apiKey, in: query, name: key }
paths:
  /_webhooks/github/{tenant}:
    post:
      x-internal: true
      security: [{ basicAuth: [], queryKey: [] }]
      consumes: [application/json]
      parameters:
        - { name: tenant, in: path, required: true, type: string, enum: [acme] }
        - { name: X-GitHub-Event, in: header, required: true, type: string, enum: [push] }
        - { name: X-Hub-Signature-256, in: header, required: true, type: string }
        - name: payload
          in: body
          required: true
          schema: { type: object, required: [ref], properties: { ref: { type: string, example: refs/heads/main } } }
      responses: { '200': { description: ok } }
`;

interface ProbeJson {
  code: string;
  message: string;
  path: string[];
  severity: number;
  range: { start: { line: number } };
}

describe('probe: a consumer that keeps its promises, and one per broken promise', { timeout: 120_000 }, () => {
  let tls: { key: string; cert: string };
  let caFile: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    tls = await testCertificate();
    caFile = join(tempProject({ 'ca.pem': tls.cert }), 'ca.pem');
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  const https = async (broken?: BrokenPromise) => {
    const server = await startHttpsConsumer(tls, broken);
    servers.push(server);
    return server;
  };

  it('probes an HTTPS consumer that keeps every promise and exits 0', async () => {
    const server = await https();
    const run = await runCli(['probe', SPEC, '--target', server.url, '--ca', caFile, ...SECRET_ARGS], { env: SECRETS });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`All promises kept: 7 requests (7 checks) to 1 receiver at ${server.url}.\n`);
    expect(run.status).toBe(0);
  });

  const cases: Array<{ broken: BrokenPromise; code: string; message: RegExp; args?: string[] }> = [
    { broken: 'slow', code: 'probe-valid-delivery-acknowledged', message: /a valid delivery no answer within the 2 s budget \(--timeout\); expected 2xx$/, args: ['--timeout', '2s'] },
    { broken: 'acknowledge', code: 'probe-valid-delivery-acknowledged', message: /a valid delivery answered 500; expected 2xx$/ },
    { broken: 'auth', code: 'probe-auth-required', message: /without credentials answered 204; expected 401 or 403$/ },
    { broken: 'credentials', code: 'probe-bad-credentials-refused', message: /with wrong credentials answered 204; expected 401 or 403$/ },
    { broken: 'signature', code: 'probe-bad-signature-refused', message: /with a wrong webhook-signature answered 204; expected 401 or 403$/ },
    { broken: 'method', code: 'probe-method-refused', message: /GET \S+ with method GET, which the description does not document answered 204; expected 405 \(or 404\)$/ },
    { broken: 'replay', code: 'probe-replay-refused', message: /replayed \(same webhook-id, timestamp 1 hour old, correctly signed\) answered 204; expected a 4xx refusal/ },
    { broken: 'https', code: 'probe-https-only', message: /over plain HTTP \(http:\/\/127\.0\.0\.1:\d+, with wrong credentials\) answered 401: the receiver is served over plain HTTP/ },
  ];
  for (const { broken, code, message, args = [] } of cases) {
    it(`names ${code} for a consumer that breaks it (${broken}), and exits 1`, async () => {
      const server = await https(broken);
      const run = await runCli(['probe', SPEC, '--target', server.url, '--ca', caFile, '-f', 'json', ...SECRET_ARGS, ...args], { env: SECRETS });
      expect(run.stderr).toBe('');
      const findings = JSON.parse(run.stdout) as ProbeJson[];
      expect(findings.map((finding) => finding.code)).toEqual([code]);
      const [finding] = findings as [ProbeJson];
      expect(finding.message).toMatch(message);
      expect(finding.message.startsWith(`POST ${RECEIVER_PATH}: `)).toBe(true);
      expect(finding.path).toEqual(['paths', RECEIVER_PATH, 'post']);
      expect(finding.range.start.line).toBe(8); // 0-based: the `post:` line of the receiver
      expect(run.status).toBe(1);
    });
  }
});

describe('probe: a plain-HTTP target', { timeout: 120_000 }, () => {
  it('probes every other promise, says that HTTPS was not checked, and exits 0', async () => {
    const server = await startHttpConsumer();
    try {
      const run = await runCli(['probe', SPEC, '--target', server.url, ...SECRET_ARGS], { env: SECRETS });
      expect(run.stderr).toBe(`spectral-webhooks: POST ${RECEIVER_PATH}: probe-https-only not checked: the target is plain HTTP (give the https:// URL to check it)\n`);
      expect(run.stdout).toBe(`All promises kept: 6 requests (6 checks) to 1 receiver at ${server.url}.\n`);
      expect(run.status).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('probe: secrets stay out of what it prints', { timeout: 120_000 }, () => {
  it('masks an API key sent in the query in findings and --verbose lines', async () => {
    // This consumer serves another path: every request gets a 404, so every check reports its request.
    const server = await startHttpConsumer();
    try {
      const cwd = tempProject({ 'swagger.yaml': SWAGGER_GITHUB });
      const env = { BASIC: 'hooks:pa55', KEY: 'k-123', HUB: 'hub secret' };
      const args = ['--secret', 'basicAuth=env:BASIC', '--secret', 'queryKey=env:KEY', '--secret', 'X-Hub-Signature-256=env:HUB', '--rate', '200'];
      const run = await runCli(['probe', 'swagger.yaml', '--target', server.url, '--verbose', '-f', 'json', ...args], { cwd, env });
      expect(run.status).toBe(1);
      const findings = JSON.parse(run.stdout) as ProbeJson[];
      expect(findings[0]?.message).toBe(`POST /_webhooks/github/{tenant}: POST ${server.url}/_webhooks/github/acme?key=<secret queryKey> a valid delivery answered 404; expected 2xx`);
      expect(run.stderr).toContain(`probe-valid-delivery-acknowledged: POST ${server.url}/_webhooks/github/acme?key=<secret queryKey> → answered 404\n`);
      expect(run.stdout + run.stderr).not.toContain('k-123');
    } finally {
      await server.close();
    }
  });
});

describe('probe: what it cannot do is one line and exit 2', { timeout: 120_000 }, () => {
  it('refuses a secret given on the command line', async () => {
    const run = await runCli(['probe', SPEC, '--target', 'http://127.0.0.1:9', '--secret', 'hunter2']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/give where the secret is, not the secret: env:NAME or file:PATH/);
  });

  it('names a missing secret', async () => {
    const run = await runCli(['probe', SPEC, '--target', 'http://127.0.0.1:9', '--secret', 'webhook-signature=env:ACME_WEBHOOK_SECRET'], { env: SECRETS });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: POST /_webhooks/acme/order-paid (security scheme "acmeToken") needs a secret: pass --secret acmeToken=env:NAME (or file:PATH), never the secret itself\n');
  });

  it('names an environment variable that is not set', async () => {
    const run = await runCli(['probe', SPEC, '--target', 'http://127.0.0.1:9', '--secret', 'env:NOT_SET_ANYWHERE'], { env: { NOT_SET_ANYWHERE: undefined } });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: --secret env:NOT_SET_ANYWHERE: the environment variable NOT_SET_ANYWHERE is not set\n');
  });

  it('stops at an unreachable target', async () => {
    // A port that was just free: nothing listens there.
    const server = await startHttpConsumer();
    await server.close();
    const run = await runCli(['probe', SPEC, '--target', server.url, ...SECRET_ARGS], { env: SECRETS });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^spectral-webhooks: cannot reach ${server.url.replace(/\./g, '\\.')}: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+ \\(is the service running\\? check --target\\)\\n$`));
  });

  it('stops at a certificate it cannot trust', async () => {
    const server = await startHttpsConsumer(await testCertificate());
    try {
      const run = await runCli(['probe', SPEC, '--target', server.url, ...SECRET_ARGS], { env: SECRETS });
      expect(run).toMatchObject({ status: 2, stdout: '' });
      expect(run.stderr).toMatch(/^spectral-webhooks: TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: self[- ]signed certificate \(trust its certificate authority with --ca FILE, or pass --insecure for a development server\)\n$/);
    } finally {
      await server.close();
    }
  });

  it('refuses a description with no receivers', async () => {
    const cwd = tempProject({ 'api.yaml': 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /orders:\n    get:\n      responses: { "200": { description: ok } }\n' });
    const run = await runCli(['probe', 'api.yaml', '--target', 'http://127.0.0.1:9'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: api.yaml: the description has no webhook receivers to probe (no path under /_webhooks/, none the receiver heuristic recognises)\n');
  });
});

describe('probe --dry-run', { timeout: 120_000 }, () => {
  it('prints every request with its secrets masked and sends nothing', async () => {
    const run = await runCli(['probe', SPEC, '--target', 'https://shop.example.com', '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('spectral-webhooks: dry run: 7 requests to 1 receiver printed, none sent\n');
    const blocks = run.stdout.split(/\n(?=# )/);
    expect(blocks.map((block) => block.split('\n')[0])).toEqual([
      '# probe-valid-delivery-acknowledged: POST /_webhooks/acme/order-paid a valid delivery',
      '# probe-auth-required: POST /_webhooks/acme/order-paid without credentials',
      '# probe-bad-credentials-refused: POST /_webhooks/acme/order-paid with wrong credentials',
      '# probe-bad-signature-refused: POST /_webhooks/acme/order-paid with a wrong webhook-signature',
      '# probe-method-refused: POST /_webhooks/acme/order-paid with method GET, which the description does not document',
      '# probe-replay-refused: POST /_webhooks/acme/order-paid replayed (same webhook-id, timestamp 1 hour old, correctly signed)',
      '# probe-https-only: POST /_webhooks/acme/order-paid over plain HTTP (http://shop.example.com, with wrong credentials)',
    ]);
    const valid = blocks[0] as string;
    expect(valid).toContain('POST https://shop.example.com/_webhooks/acme/order-paid\n');
    expect(valid).toContain('authorization: <secret acmeToken>\n');
    expect(valid).toContain('webhook-signature: <signed with secret webhook-signature>\n');
    expect(valid).toContain('x-spectral-webhooks-probe: probe-valid-delivery-acknowledged\n');
    const body = JSON.parse(valid.slice(valid.indexOf('\n\n') + 2)) as { type: string; data: { order_id: string } };
    expect(body).toMatchObject({ type: 'order.paid', data: { order_id: 'ord_123' } });
  });

  it('sends HTTP basic, an API key in the query and an HMAC signature as an OpenAPI 2.0 description says', async () => {
    const cwd = tempProject({ 'swagger.yaml': SWAGGER_GITHUB });
    const env = { BASIC: 'hooks:pa55', KEY: 'k-123', HUB: 'hub secret' };
    const args = ['--secret', 'basicAuth=env:BASIC', '--secret', 'queryKey=env:KEY', '--secret', 'X-Hub-Signature-256=env:HUB'];
    const run = await runCli(['probe', 'swagger.yaml', '--target', 'https://hooks.example.com/base/', '--dry-run', ...args], { cwd, env });
    expect(run.status).toBe(0);
    const blocks = run.stdout.split(/\n(?=# )/);
    expect(blocks[0]).toBe(
      [
        '# probe-valid-delivery-acknowledged: POST /_webhooks/github/{tenant} a valid delivery',
        'POST https://hooks.example.com/base/_webhooks/github/acme?key=<secret queryKey>',
        'x-github-event: push',
        'content-type: application/json',
        'x-spectral-webhooks-probe: probe-valid-delivery-acknowledged',
        'authorization: <secret basicAuth>',
        'x-hub-signature-256: <signed with secret X-Hub-Signature-256>',
        '',
        '{"ref":"refs/heads/main"}',
        '',
      ].join('\n'),
    );
    expect(blocks.map((block) => block.split(':')[0])).toEqual([
      '# probe-valid-delivery-acknowledged',
      '# probe-auth-required',
      '# probe-bad-credentials-refused',
      '# probe-bad-signature-refused',
      '# probe-method-refused',
      '# probe-replay-refused',
      '# probe-https-only',
    ]);
    expect(run.stdout).not.toMatch(/pa55|k-123|aG9va3M6cGE1NQ/);
  });

  it('builds the body from a schema in another file ($ref across files, as lint reads them)', async () => {
    const cwd = tempProject({
      'api.yaml': [
        'openapi: 3.1.0',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /_webhooks/acme:',
        '    post:',
        '      requestBody:',
        '        content:',
        '          application/json:',
        "            schema: { $ref: './schemas/event.yaml' }",
        '      responses: { "204": { description: ok } }',
        '',
      ].join('\n'),
      'schemas/event.yaml': "type: object\nrequired: [kind, count]\nproperties:\n  kind: { const: acme.ping }\n  count: { type: integer, minimum: 3 }\n  $defs: { type: string }\n",
    });
    const run = await runCli(['probe', 'api.yaml', '--target', 'http://127.0.0.1:9', '--dry-run'], { cwd });
    expect(run.status).toBe(0);
    const valid = run.stdout.split(/\n(?=# )/)[0] as string;
    expect(JSON.parse(valid.slice(valid.indexOf('\n\n') + 2))).toMatchObject({ kind: 'acme.ping', count: 3 });
  });

  it('probes a receiver the classifier recognises outside /_webhooks/, and leaves the API\'s own paths alone', async () => {
    const cwd = tempProject({
      'api.yaml': [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths:',
        '  /hooks/stripe:',
        '    post:',
        '      parameters:',
        '        - { name: Stripe-Signature, in: header, required: true, schema: { type: string } }',
        '      requestBody: { content: { application/json: { schema: { type: object } } } }',
        '      responses: { "200": { description: ok } }',
        '  /orders:',
        '    post:',
        '      requestBody: { content: { application/json: { schema: { type: object } } } }',
        '      responses: { "201": { description: created } }',
        '',
      ].join('\n'),
    });
    const run = await runCli(['probe', 'api.yaml', '--target', 'http://127.0.0.1:9', '--dry-run'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^(POST|GET) \S+/gm)).toEqual([
      'POST http://127.0.0.1:9/hooks/stripe',
      'POST http://127.0.0.1:9/hooks/stripe',
      'POST http://127.0.0.1:9/hooks/stripe',
      'GET http://127.0.0.1:9/hooks/stripe',
      'POST http://127.0.0.1:9/hooks/stripe',
    ]);
  });

  it('never prints a secret it was given', async () => {
    const run = await runCli(['probe', SPEC, '--target', 'https://shop.example.com', '--dry-run', ...SECRET_ARGS], { env: SECRETS });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(CONSUMER_TOKEN);
    expect(run.stdout).not.toContain(Buffer.from(CONSUMER_TOKEN).toString('base64'));
  });
});

