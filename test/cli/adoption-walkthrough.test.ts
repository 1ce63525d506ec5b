import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runProgram, type CliRun } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * The README's "Adopting spectral-webhooks on an existing API" walkthrough, run step by step on its fixture (a spec
 * with 100 findings). Every line of output the README quotes is asserted here, so the README cannot drift.
 */

const REPO_ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(REPO_ROOT, 'fixtures', 'adoption', 'legacy-api.yaml');
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

function run(args: string[], cwd: string): Promise<CliRun> {
  return runCli(args, { cwd, env: { NO_COLOR: '1' } });
}

/** Asserts the CLI printed `line` and that the README quotes it. */
function quoted(output: string, line: string): void {
  expect(output).toContain(line);
  expect(README, `README quotes: ${line}`).toContain(line);
}

describe('README adoption walkthrough', { timeout: 180_000 }, () => {
  it('the fixture is what its generator writes', async () => {
    const dir = tempFolder('spectral-webhooks-generate-');
    copyFileSync(join(REPO_ROOT, 'fixtures', 'adoption', 'generate-legacy-api.cjs'), join(dir, 'generate.cjs'));
    expect((await runProgram(process.execPath, [join(dir, 'generate.cjs')], { cwd: dir })).status).toBe(0);
    expect(readFileSync(join(dir, 'legacy-api.yaml'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('adopt with 100 findings, commit a baseline, then CI fails only on a new bad receiver', async () => {
    const dir = tempFolder('spectral-webhooks-adopt-');
    const spec = join(dir, 'openapi.yaml');
    copyFileSync(FIXTURE, spec);

    // 1. The first run: 100 findings, exit 1.
    const first = await run(['lint', 'openapi.yaml', '-f', 'json'], dir);
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout)).toHaveLength(100);

    // 2. Record them.
    const update = await run(['lint', 'openapi.yaml', '--update-baseline'], dir);
    expect(update.status).toBe(0);
    quoted(update.stderr, 'Baseline .spectral-webhooks-baseline.json updated: it holds 100 findings (100 new findings added, 0 fixed findings removed).');
    const baseline = readFileSync(join(dir, '.spectral-webhooks-baseline.json'), 'utf8');
    const entries = baseline.split('\n').filter((line) => line.startsWith('    {"file":"openapi.yaml"'));
    expect(entries).toHaveLength(100);
    // The README shows one entry as an example.
    quoted(baseline, entries.find((line) => line.includes('/_webhooks/box/verify'))!.trim());

    // 3. CI with the committed baseline passes.
    const ci = await run(['lint', 'openapi.yaml', '--baseline', '.spectral-webhooks-baseline.json'], dir);
    expect(ci.status).toBe(0);
    quoted(ci.stderr, 'Baseline .spectral-webhooks-baseline.json suppressed 100 findings; 0 new findings reported.');

    // 4. A pull request adds a receiver that breaks the guideline: CI fails on it, and only on it.
    const original = readFileSync(spec, 'utf8');
    const withNew = original.replace(
      'components:\n',
      "  /hooks/acme/order-shipped:\n    post:\n      x-internal: true\n      responses: { '204': { description: Received } }\ncomponents:\n",
    );
    writeFileSync(spec, withNew);
    const pr = await run(['lint', 'openapi.yaml', '--baseline', '.spectral-webhooks-baseline.json'], dir);
    expect(pr.status).toBe(1);
    quoted(pr.stderr, 'Baseline .spectral-webhooks-baseline.json suppressed 100 findings; 1 new finding reported.');
    quoted(pr.stdout, '"/hooks/acme/order-shipped" looks like a webhook receiver (hook word "hooks" in the path, acknowledgement-only response); move it under /_webhooks/ (e.g. /_webhooks/acme/order-shipped)');
    expect(pr.stdout.match(/ error | warning /g)).toHaveLength(1);

    // 5. Another pull request fixes an old finding: CI passes and says which entry to drop.
    writeFileSync(spec, original.replace('  /_webhooks/sendgrid/user-deleted:\n    post:\n', '  /_webhooks/sendgrid/user-deleted:\n    post:\n      x-internal: true\n'));
    const fixed = await run(['lint', 'openapi.yaml', '--baseline', '.spectral-webhooks-baseline.json'], dir);
    expect(fixed.status).toBe(0);
    quoted(fixed.stderr, 'Baseline .spectral-webhooks-baseline.json suppressed 99 findings; 0 new findings reported.');
    quoted(fixed.stderr, '  fixed, remove from baseline: openapi.yaml webhook-x-internal paths./_webhooks/sendgrid/user-deleted.post');
    const refreshed = await run(['lint', 'openapi.yaml', '--baseline', '.spectral-webhooks-baseline.json', '--update-baseline'], dir);
    quoted(refreshed.stderr, 'Baseline .spectral-webhooks-baseline.json updated: it holds 99 findings (0 new findings added, 1 fixed finding removed).');
  });
});
