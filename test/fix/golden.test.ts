import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { fixDocument } from '../../src/fix/fix-document';
import { unifiedFileDiff } from '../../src/fix/fix-command';
import { readTree, REPO_ROOT, spectralWebhooks, tempCopy } from './support';

/**
 * Golden files: fixtures/fix/<case>/ holds `input.<ext>` and `expected.<ext>` (or, for a multi-file document, the
 * folders `input/` and `expected/` with `openapi.yaml` as the main file) and `expected-report.txt`: what
 * `lint --fix` prints on stderr, then `exit <status>`. The fixed files must equal the expected ones byte for byte.
 */
const CASES_DIR = join(REPO_ROOT, 'fixtures', 'fix');
const cases = readdirSync(CASES_DIR).sort();

interface Case {
  name: string;
  /** The input, as a folder (multi-file) or a single file. */
  input: string;
  main: string;
  expected: Record<string, string>;
  report: string;
}

function loadCase(name: string): Case {
  const dir = join(CASES_DIR, name);
  const report = readFileSync(join(dir, 'expected-report.txt'), 'utf8');
  if (existsSync(join(dir, 'input'))) {
    return { name, input: join(dir, 'input'), main: 'openapi.yaml', expected: readTree(join(dir, 'expected')), report };
  }
  const inputName = readdirSync(dir).find((file) => file.startsWith('input.')) as string;
  const ext = inputName.slice('input.'.length);
  return { name, input: join(dir, inputName), main: inputName, expected: { [inputName]: readFileSync(join(dir, `expected.${ext}`), 'utf8') }, report };
}

describe('lint --fix golden files', () => {
  it('has the cases the issue asks for', () => {
    expect(cases).toEqual(expect.arrayContaining(['crlf', 'guideline-incorrect', 'json', 'multi-file', 'refs', 'refused', 'yaml-comments-anchors-flow']));
  });

  it.each(cases)('%s: the fixed files equal the expected ones, and the report says what was done', async (name) => {
    const testCase = loadCase(name);
    const folder = tempCopy(testCase.input);
    const run = await spectralWebhooks(['lint', '--fix', testCase.main], folder);
    expect(readTree(folder)).toEqual(testCase.expected);
    expect(`${run.stderr}exit ${run.status}\n`).toBe(testCase.report);
  });

  it.each(cases)('%s: the dry run writes nothing, and its diff turns the input into the expected output', async (name) => {
    const testCase = loadCase(name);
    const folder = tempCopy(testCase.input);
    const before = readTree(folder);
    const result = await fixDocument(join(folder, testCase.main));
    expect(readTree(folder)).toEqual(before);
    const patched = { ...before };
    for (const change of result.changes) {
      const relativePath = change.path.slice(folder.length + 1).split('\\').join('/');
      const applied = applyPatch(before[relativePath] as string, unifiedFileDiff(change));
      expect(applied, relativePath).not.toBe(false);
      patched[relativePath] = applied as string;
    }
    expect(patched).toEqual(testCase.expected);
  });
});
