import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/run-cli';
import { CLEAN, ERROR_AND_WARNING } from '../support/cli-documents';

/**
 * Habits users bring from `spectral lint` and ESLint (issue #14): each scenario runs the real binary and checks what
 * the user sees: stdout, stderr, exit status.
 */
describe('habits from spectral lint and ESLint', { timeout: 120_000 }, () => {
  it('rules --profile standard-webhooks shows the profile rules in force, as lint --profile runs them', async () => {
    const cwd = tempProject({});
    const inForce = async (args: string[]) =>
      Object.fromEntries((JSON.parse((await runCli(['rules', '--format', 'json', ...args], { cwd })).stdout) as Array<{ id: string; inForce: string }>).map((row) => [row.id, row.inForce]));
    expect((await inForce([]))['standard-webhooks-headers']).toBe('off');
    expect((await inForce(['--profile', 'standard-webhooks']))['standard-webhooks-headers']).toBe('error');
    const table = await runCli(['rules', '--profile', 'standard-webhooks'], { cwd });
    expect(table).toMatchObject({ status: 0, stderr: '' });
    expect(table.stdout).toMatch(/^standard-webhooks-headers\s+error\s+error\s/m);
    expect(table.stdout).toContain('(no config: the rules as they ship and --profile standard-webhooks)');
  });

  it("a misspelt id of one of Spectral's own rules in a config gets a did-you-mean", async () => {
    const cwd = tempProject({
      'openapi.yaml': CLEAN,
      '.spectral.yaml': 'extends: [spectral:oas, spectral-webhooks]\nrules:\n  operation-operationid: off\n',
    });
    const run = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      'spectral-webhooks: .spectral.yaml:3:26: unknown rule "operation-operationid": no ruleset this config extends defines it (did you mean operation-operationId?)\n',
    );
  });

  it('--fix notes come in document order', async () => {
    const cwd = tempProject({
      'openapi.yaml': `openapi: 3.1.0
info: { title: Hooks, version: 1.0.0 }
servers:
  - url: http://hooks.example.com
security:
  - key: []
paths:
  /_webhooks/stripe:
    post:
      responses: { '204': { description: Received } }
  /hooks/github:
    post:
      x-internal: true
      responses: { '204': { description: Received } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`,
    });
    const run = await runCli(['lint', '--fix-dry-run', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      [
        'openapi.yaml:4:5 would fix webhook-https: replaced "http://hooks.example.com" with "https://hooks.example.com"',
        'openapi.yaml:9:5 would fix webhook-x-internal: set x-internal: true',
        'openapi.yaml:11:3 would fix webhook-path-prefix: renamed "/hooks/github" to "/_webhooks/github"',
        '3 problems would be fixed',
        '',
      ].join('\n'),
    );
  });

  void ERROR_AND_WARNING;
});
