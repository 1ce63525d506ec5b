import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/fix/unified-diff';

const CORPUS = join(__dirname, '..', 'corpus', 'documents');

/** The `diff` package's own unified diff, without its `====` line (what --fix-dry-run printed before). */
function packageDiff(before: string, after: string): string {
  return createTwoFilesPatch('a/f.yaml', 'b/f.yaml', before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

/** A deterministic pseudo-random edit of some lines: renamed, inserted after, removed. */
function editLines(text: string, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const roll = next();
    if (roll < 0.02) continue;
    if (roll < 0.05) out.push(line.replace(/[a-z]/, 'X'));
    else out.push(line);
    if (roll > 0.97) out.push('      x-internal: true');
  }
  return out.join('\n');
}

describe('unified diff of a fix', () => {
  it('prints what the diff package prints for a change in the middle, at the start, at the end, and without a final newline', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', ''].join('\n');
    for (const after of [before.replace('f\n', 'F\n'), before.replace('a\n', 'A\n'), before.replace('l\n', 'l\nm\n'), before.slice(0, -1), before.replace('c\n', 'c\nx\n').replace('k\n', '')]) {
      expect(unifiedDiff('a/f.yaml', 'b/f.yaml', before, after)).toBe(packageDiff(before, after));
    }
  });

  it.each(['dracor/api.yaml', 'adyen/Webhooks-v1.yaml', 'apideck/webhook.yml'])('applies back to the fixed text (%s, random edits)', (name) => {
    const before = readFileSync(join(CORPUS, name), 'utf8');
    for (const seed of [1, 2, 3]) {
      const after = editLines(before, seed);
      const patch = unifiedDiff('a/f.yaml', 'b/f.yaml', before, after);
      expect(applyPatch(before, patch)).toBe(after);
      // Hunks show changed lines only where they changed: no more changed lines than the package's minimal diff has.
      const changed = (diff: string) => diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;
      expect(changed(patch)).toBeLessThanOrEqual(changed(packageDiff(before, after)) * 1.1 + 2);
    }
  });

  it('matches 20,000 renamed paths line by line, each rename a removed and an added line', () => {
    const keys = Array.from({ length: 20_000 }, (_, index) => `  /hooks/Event${index}:\n    post:\n      summary: Event ${index}\n`);
    const before = `paths:\n${keys.join('')}`;
    const after = before.replace(/\/hooks\/Event(\d+)/g, '/_webhooks/event-$1');
    const patch = unifiedDiff('a/f.yaml', 'b/f.yaml', before, after);
    expect(patch.split('\n').filter((line) => line.startsWith('-  /hooks/'))).toHaveLength(20_000);
    expect(patch.split('\n').filter((line) => line.startsWith('+  /_webhooks/'))).toHaveLength(20_000);
    expect(applyPatch(before, patch)).toBe(after);
  });
});
