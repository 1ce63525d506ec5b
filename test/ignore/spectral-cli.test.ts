import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * x-lint-ignore is honoured by the rules themselves, so stock `spectral lint` with `extends` on our built ruleset
 * must say exactly what our CLI says: the same suppressed findings, the same webhook-lint-ignore warnings.
 */

const REPO_ROOT = resolve(__dirname, '..', '..');
const SPECTRAL = join(REPO_ROOT, 'node_modules', '.bin', 'spectral');
const OUR_CLI = join(REPO_ROOT, 'bin', 'spectral-webhooks.js');

const SPEC = `openapi: 3.1.0
info: { title: Example, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
paths:
  /_webhooks/meta:
    get:
      x-internal: true
      x-lint-ignore:
        webhook-method-post: Meta verifies the endpoint with a GET handshake
      responses: { '200': { description: Challenge echoed } }
  /_webhooks/stripe:
    get:
      x-internal: true
      responses: { '204': { description: Received } }
  /_webhooks/sendgrid:
    post:
      x-internal: true
      x-lint-ignore: [webhook-methd-post]
      responses: { '204': { description: Received } }
  /_webhooks/github:
    post:
      x-internal: true
      x-lint-ignore: webhook-method-post
      responses: { '204': { description: Received } }
  /hooks/legacy-partner:
    x-lint-ignore:
      webhook-path-prefix: Partner hard-coded this URL
    post:
      x-internal: true
      responses: { '204': { description: Received } }
`;

interface Result {
  code: string;
  path: string[];
  message: string;
}

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') fail(error);
      else done({ stdout, stderr });
    });
  });
}

const summary = (results: Result[]) => results.map((result) => `${result.code} ${result.path.join(' > ')}`).sort();
const comparable = (results: Result[]) => results.map((result) => JSON.stringify([result.code, result.path, result.message])).sort();

describe('x-lint-ignore under the real Spectral CLI', { timeout: 120_000 }, () => {
  it('extends the built ruleset and reports exactly what spectral-webhooks reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spectral-webhooks-extends-'));
    writeFileSync(join(dir, '.spectral.yaml'), `extends:\n  - ${JSON.stringify(join(REPO_ROOT, 'dist', 'rules', 'index.js'))}\n`);
    writeFileSync(join(dir, 'openapi.yaml'), SPEC);

    const [spectral, ours] = await Promise.all([
      run(SPECTRAL, ['lint', '-f', 'json', '--quiet', 'openapi.yaml'], dir),
      run(process.execPath, [OUR_CLI, 'lint', '-f', 'json', 'openapi.yaml'], dir),
    ]);
    const spectralResults = JSON.parse(spectral.stdout) as Result[];
    expect(summary(spectralResults)).toEqual([
      'webhook-lint-ignore paths > /_webhooks/github > post > x-lint-ignore',
      'webhook-lint-ignore paths > /_webhooks/sendgrid > post > x-lint-ignore > 0',
      'webhook-method-post paths > /_webhooks/stripe > get',
    ]);
    expect(spectralResults.find((result) => result.path.includes('/_webhooks/sendgrid'))?.message).toContain('did you mean "webhook-method-post"?');
    expect(spectralResults.find((result) => result.path.includes('/_webhooks/github'))?.message).toContain('suppresses nothing');
    const ourResults = JSON.parse(ours.stdout) as Result[];
    expect(comparable(ourResults)).toEqual(comparable(spectralResults));
  });
});
