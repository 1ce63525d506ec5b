import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';


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
  return lintWith({}, ...args);
}

function lintWith(files: Record<string, string>, ...args: string[]) {
  const folder = tempFolder('spectral-webhooks-profile-cli-');
  writeFileSync(join(folder, 'api.yaml'), DOCUMENT);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return runCli(['lint', ...args, 'api.yaml'], { cwd: folder });
}

describe('lint --profile standard-webhooks', () => {
  it('passes a GitHub-style document without the profile', { timeout: 60_000 }, async () => {
    const run = await lint('-f', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('fails it with the profile: the Standard Webhooks headers are missing', { timeout: 60_000 }, async () => {
    const run = await lint('-f', 'json', '--profile', 'standard-webhooks');
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

  it("adds the profile's rules under a config, whose own rules keep the last word", { timeout: 60_000 }, async () => {
    const config = 'extends: [spectral-webhooks]\nrules:\n  standard-webhooks-headers: warn\n';
    const run = await lintWith({ '.spectral.yaml': config }, '-f', 'json', '--profile', 'standard-webhooks');
    expect(run.stderr).toBe('');
    const findings = JSON.parse(run.stdout) as Array<{ code: string; severity: number }>;
    expect(findings.map(({ code, severity }) => ({ code, severity }))).toEqual([{ code: 'standard-webhooks-headers', severity: 1 }]);
    expect(run.status).toBe(0);
  });

  it('refuses the profile with a config only Spectral can load (exit 2), and says what to do', { timeout: 60_000 }, async () => {
    const run = await lintWith({ '.spectral.yaml': 'extends: [spectral-webhooks, "spectral:oas"]\n' }, '--profile', 'standard-webhooks');
    expect(run.stderr).toBe(
      'spectral-webhooks: --profile cannot be combined with this config ruleset (extend spectral-webhooks/standard-webhooks in the config instead, or pass --no-config)\n',
    );
    expect(run.status).toBe(2);
  });

  it('rejects an unknown profile with exit 2', { timeout: 60_000 }, async () => {
    const run = await lint('--profile', 'cloudevents');
    expect(run.stderr).toContain("argument 'cloudevents' is invalid. Allowed choices are standard-webhooks.");
    expect(run.status).toBe(2);
  });
});
