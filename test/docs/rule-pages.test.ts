import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';

const repoRoot = join(__dirname, '..', '..');
const SECTIONS = ['## Why', '## Incorrect', '## Correct', '## How to fix', '## Options', '## Related rules'];

/** Every rule's page, in the shape CONTRIBUTING.md describes, reachable from the rule's documentationUrl (which `explain` and SARIF show). */
describe('docs/rules pages', () => {
  const rules = Object.entries(ruleset.rules as Record<string, { severity?: string; documentationUrl?: string }>);

  it.each(rules)('%s has a page that starts with its id and severity', (id, rule) => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page), `docs/rules/${id}.md is missing`).toBe(true);
    const text = readFileSync(page, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines.slice(1, 5).some((line) => line.startsWith(`**Severity:** ${rule.severity} `) || line === `**Severity:** ${rule.severity}`)).toBe(true);
    const positions = SECTIONS.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((at) => at > 0), `sections ${SECTIONS.join(', ')} in order`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(rule.documentationUrl).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });
});
