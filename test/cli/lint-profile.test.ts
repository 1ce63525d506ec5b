import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');

/** A GitHub-style webhook: fine under the bundled ruleset, not a Standard Webhooks one. */
const DOCUMENT = `openapi: 3.1.0
info: { title: Example, version: 1.0.0, x-webhook-retry: { attempts: 5 } }
webhooks:
  push:
    post:
      parameters:
        - { name: X-GitHub-Delivery, in: header, required: true, schema: { type: string } }
        - { name: X-Hub-Signature-256, in: header, required: true, schema: { type: string } }
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [type, timestamp, data], properties: { type: { type: string }, timestamp: { type: string }, data: { type: object }, version: { type: string } } } } } }
      responses: { '200': { description: OK } }
`;

function lint(...args: string[]) {
  const folder = mkdtempSync(join(tmpdir(), 'spectral-webhooks-profile-cli-'));
  writeFileSync(join(folder, 'api.yaml'), DOCUMENT);
  return spawnSync(process.execPath, [join(repoRoot, 'bin', 'spectral-webhooks.js'), 'lint', ...args, 'api.yaml'], { cwd: folder, encoding: 'utf8' });
}

describe('lint --profile standard-webhooks', () => {
  it('passes a GitHub-style document without the profile', { timeout: 60_000 }, () => {
    const run = lint('-f', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('fails it with the profile: the Standard Webhooks headers are missing', { timeout: 60_000 }, () => {
    const run = lint('-f', 'json', '--profile', 'standard-webhooks');
    expect(run.stderr).toBe('');
    const findings = JSON.parse(run.stdout) as Array<{ code: string; path: string[]; severity: number; message: string }>;
    expect(findings.map(({ code, path, severity, message }) => ({ code, path, severity, message }))).toEqual([
      {
        code: 'standard-webhooks-headers',
        path: ['webhooks', 'push', 'post'],
        severity: 0,
        message: 'webhook "push" (POST): Standard Webhooks requires the webhook-id, webhook-timestamp, webhook-signature headers; add them as required header parameters',
      },
    ]);
    expect(run.status).toBe(1);
  });

  it('rejects an unknown profile with exit 2', { timeout: 60_000 }, () => {
    const run = lint('--profile', 'cloudevents');
    expect(run.stderr).toContain("argument 'cloudevents' is invalid. Allowed choices are standard-webhooks.");
    expect(run.status).toBe(2);
  });
});
