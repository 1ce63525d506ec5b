import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as repoRoot, runCli } from '../support/run-cli';

async function lintJson(file: string): Promise<Array<{ code: string; path: string[]; source: string }>> {
  const run = await runCli(['lint', '-f', 'json', file], { cwd: repoRoot });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return JSON.parse(run.stdout);
}

describe('lint a multi-file document', () => {
  it('named by a relative path, reports each finding in the file and at the node where it lives', async () => {
    const findings = (await lintJson('fixtures/consumer/multi-file/openapi.yaml'))
      .map((finding) => ({ code: finding.code, path: finding.path, source: finding.source }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const folder = join(repoRoot, 'fixtures', 'consumer', 'multi-file');
    expect(findings).toEqual(
      [
        { code: 'webhook-https', path: ['servers', '0', 'url'], source: join(folder, 'paths', 'github.yaml') },
        { code: 'webhook-path-kebab-case', path: ['paths', '/_webhooks/PayPal'], source: join(folder, 'openapi.yaml') },
        { code: 'webhook-security', path: ['notification', 'security'], source: join(folder, 'operations', 'adyen.yaml') },
        { code: 'webhook-x-internal', path: ['post'], source: join(folder, 'paths', 'github.yaml') },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });
});
