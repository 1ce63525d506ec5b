import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTEN_CHECKS, PROBE_CHECKS, RUNTIME_CHECKS, runtimeRulesetInfo } from '../../src/runtime/checks';
import { REPO_ROOT, runCli } from '../support/run-cli';

const SECTIONS = ['## Why', '## Incorrect', '## Correct', '## How to fix', '## Options', '## Related rules'];
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The checks of probe and listen have pages like the rules' (the shape CONTRIBUTING.md describes), which explain prints and README links. */
describe('docs/rules pages of the probe and listen checks', { timeout: 120_000 }, () => {
  it.each(RUNTIME_CHECKS.map((check) => [check.id, check] as const))('%s has a page with its id, severity and sections, linked from README', (id, check) => {
    const page = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page), `docs/rules/${id}.md is missing`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    expect(text).toContain(`\n**Severity:** ${check.severity} · **Command:** \`spectral-webhooks ${id.split('-')[0]}\``);
    const positions = SECTIONS.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(README).toContain(`| [\`${id}\`](docs/rules/${id}.md) | ${check.severity} |`);
    expect(runtimeRulesetInfo([check]).rules[id]?.documentationUrl).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });

  it('names probe checks probe-* and listen checks listen-*', () => {
    expect(PROBE_CHECKS.every((check) => check.id.startsWith('probe-'))).toBe(true);
    expect(LISTEN_CHECKS.every((check) => check.id.startsWith('listen-'))).toBe(true);
  });

  it('explain prints a check page, offline', async () => {
    const run = await runCli(['explain', 'probe-https-only']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(readFileSync(join(REPO_ROOT, 'docs', 'rules', 'probe-https-only.md'), 'utf8'));
  });
});
