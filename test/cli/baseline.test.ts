import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/** Scenarios for `lint --baseline` / `--update-baseline`, through the real binary (built by `npm test`). */

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Asynchronous, so the scenarios below run side by side: each spawn pays Spectral's start-up time. */
function run(args: string[], cwd: string): Promise<Run> {
  return runCli(args, { cwd, env: { NO_COLOR: '1' } });
}

function project(files: Record<string, string>): string {
  const folder = tempFolder('spectral-webhooks-baseline-');
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, relative)), { recursive: true });
    writeFileSync(join(folder, relative), content);
  }
  return folder;
}

const receiver = (path: string, method = 'post', extra = '') => `  ${path}:
    ${method}:
      x-internal: true${extra}
      responses:
        '204': { description: Received }
`;

/** An API with three findings: a GET receiver, a receiver outside /_webhooks/, a receiver that is not internal. */
const spec = (paths: string, preamble = '') => `${preamble}openapi: 3.1.0
info: { title: Legacy API, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
security: [{ apiKey: [] }]
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: X-Api-Key }
paths:
${paths}`;

const LEGACY = [
  receiver('/_webhooks/meta/messages', 'get'),
  receiver('/hooks/stripe'),
  `  /_webhooks/sendgrid:\n    post:\n      responses:\n        '204': { description: Received }\n`,
].join('');

const BASELINE = '.spectral-webhooks-baseline.json';

describe.concurrent('lint --baseline', { timeout: 120_000 }, () => {
  it('adopts the tool on a legacy spec: the baseline quiets old findings and a new bad endpoint still fails', async () => {
    const dir = project({ 'openapi.yaml': spec(LEGACY) });
    expect((await run(['lint', 'openapi.yaml'], dir)).status).toBe(1);

    const update = await run(['lint', 'openapi.yaml', '--update-baseline'], dir);
    expect(update.status).toBe(0);
    expect(update.stderr).toBe(`Baseline ${BASELINE} updated: it holds 3 findings (3 new findings added, 0 fixed findings removed).\n`);

    const clean = await run(['lint', 'openapi.yaml', '--baseline', BASELINE], dir);
    expect(clean.status).toBe(0);
    expect(clean.stderr).toBe(`Baseline ${BASELINE} suppressed 3 findings; 0 new findings reported.\n`);
    expect(clean.stdout).not.toContain('/_webhooks/meta/messages');

    writeFileSync(join(dir, 'openapi.yaml'), spec(LEGACY + receiver('/webhooks/github')));
    // -f json: stdout stays pure JSON, the baseline's notes go to stderr.
    const broken = await run(['lint', 'openapi.yaml', '-f', 'json', '--baseline', BASELINE], dir);
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout).map((result: { code: string; path: string[] }) => [result.code, result.path])).toEqual([['webhook-path-prefix', ['paths', '/webhooks/github']]]);
    expect(broken.stderr).toBe(`Baseline ${BASELINE} suppressed 3 findings; 1 new finding reported.\n`);
  });

  it('survives an unrelated edit that shifts every line of the file', async () => {
    const dir = project({ 'openapi.yaml': spec(LEGACY) });
    expect((await run(['lint', 'openapi.yaml', '--update-baseline'], dir)).status).toBe(0);
    const preamble = Array.from({ length: 25 }, (_, index) => `# change log line ${index + 1}\n`).join('');
    writeFileSync(join(dir, 'openapi.yaml'), spec(LEGACY, preamble));

    const shifted = await run(['lint', 'openapi.yaml', '--baseline', BASELINE], dir);
    expect(shifted.stderr).toBe(`Baseline ${BASELINE} suppressed 3 findings; 0 new findings reported.\n`);
    expect(shifted.status).toBe(0);
  });

  it('reports a renamed path as new and its old entry as fixed; --update-baseline then drops the old entry', async () => {
    const dir = project({ 'openapi.yaml': spec(LEGACY) });
    await run(['lint', 'openapi.yaml', '--update-baseline'], dir);
    writeFileSync(join(dir, 'openapi.yaml'), spec(LEGACY.replace('/hooks/stripe', '/hooks/stripe-payments')));

    const renamed = await run(['lint', 'openapi.yaml', '--baseline', BASELINE], dir);
    expect(renamed.status).toBe(1);
    expect(renamed.stdout).toContain('"/hooks/stripe-payments" looks like a webhook receiver');
    expect(renamed.stderr).toBe(
      [
        `Baseline ${BASELINE} suppressed 2 findings; 1 new finding reported.`,
        '1 baseline entry matches no finding any more: fixed, remove from baseline (run with --update-baseline):',
        '  fixed, remove from baseline: openapi.yaml webhook-path-prefix paths./hooks/stripe',
        '',
      ].join('\n'),
    );

    const update = await run(['lint', 'openapi.yaml', '--baseline', BASELINE, '--update-baseline'], dir);
    expect(update.stderr).toBe(`Baseline ${BASELINE} updated: it holds 3 findings (1 new finding added, 1 fixed finding removed).\n`);
    const baseline = readFileSync(join(dir, BASELINE), 'utf8');
    expect(baseline).toContain('"/hooks/stripe-payments"');
    expect(baseline).not.toContain('"/hooks/stripe"');
  });

  it('--update-baseline writes byte-identical files on a rerun and whatever order the files are given in', async () => {
    const dir = project({ 'a.yaml': spec(LEGACY), 'specs/b.yaml': spec(receiver('/webhooks/github') + receiver('/_webhooks/Meta')) });
    expect((await run(['lint', 'specs/b.yaml', 'a.yaml', '--update-baseline'], dir)).status).toBe(0);
    const first = readFileSync(join(dir, BASELINE));
    expect((await run(['lint', 'a.yaml', 'specs/b.yaml', '--update-baseline'], dir)).status).toBe(0);
    expect(readFileSync(join(dir, BASELINE)).equals(first)).toBe(true);

    const entries = JSON.parse(first.toString()).findings as Array<{ file: string; rule: string }>;
    expect(entries.map((entry) => `${entry.file} ${entry.rule}`)).toEqual([
      'a.yaml webhook-method-post',
      'a.yaml webhook-path-prefix',
      'a.yaml webhook-x-internal',
      'specs/b.yaml webhook-path-kebab-case',
      'specs/b.yaml webhook-path-prefix',
    ]);
    expect(first.toString()).not.toMatch(/"line"|"range"|"character"/);

    // Linting one file never declares the other file's entries fixed, and updating keeps them.
    const onlyB = await run(['lint', 'specs/b.yaml', '--baseline', BASELINE], dir);
    expect(onlyB.stderr).toBe(`Baseline ${BASELINE} suppressed 2 findings; 0 new findings reported.\n`);
    await run(['lint', 'specs/b.yaml', '--update-baseline'], dir);
    expect(readFileSync(join(dir, BASELINE)).equals(first)).toBe(true);
  });

  it('names files relative to the baseline, so it matches from any working directory', async () => {
    const dir = project({ 'specs/api.yaml': spec(LEGACY) });
    expect((await run(['lint', 'specs/api.yaml', '--baseline', 'ci/baseline.json', '--update-baseline'], dir)).stderr).toContain('it holds 3 findings');
    expect(readFileSync(join(dir, 'ci/baseline.json'), 'utf8')).toContain('"file":"../specs/api.yaml"');

    const fromSpecs = await run(['lint', 'api.yaml', '--baseline', '../ci/baseline.json'], join(dir, 'specs'));
    expect(fromSpecs.stderr).toBe('Baseline ../ci/baseline.json suppressed 3 findings; 0 new findings reported.\n');
    expect(fromSpecs.status).toBe(0);
  });

  it('fails with exit 2 and one line when the baseline file is missing or broken', async () => {
    const dir = project({ 'openapi.yaml': spec(LEGACY), 'broken.json': '{\n  "version": 1,\n  "findings": [oops]\n}\n' });
    const missing = await run(['lint', 'openapi.yaml', '--baseline', 'missing.json'], dir);
    expect(missing).toMatchObject({ status: 2, stdout: '' });
    expect(missing.stderr).toBe('spectral-webhooks: missing.json: baseline file not found (create it with --update-baseline)\n');
    const broken = await run(['lint', 'openapi.yaml', '--baseline', 'broken.json'], dir);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^spectral-webhooks: broken\.json:3:16: cannot parse baseline JSON/);
    expect(broken.stderr.split('\n')).toHaveLength(2);
  });
});
