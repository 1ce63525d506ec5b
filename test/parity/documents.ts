import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { loadDocument } from '../../src/lint/load-document';
import { ourLinter, visible, type Visible } from './compare';
import { spectralOracle } from '../support/oracle';

export const repoRoot = resolve(__dirname, '..', '..');
export const githubWebhooks = require.resolve('@octokit/openapi-webhooks/generated/api.github.com.json');

/** Every OpenAPI-looking file (YAML or JSON) under `dir`, sorted. */
export function documentsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? documentsUnder(full) : /\.(ya?ml|json)$/i.test(name) ? [full] : [];
    });
}

/**
 * Where our results differ from the oracle's on purpose, by file (relative to the repository), and the fields that
 * differ; every other field of every result must still be equal.
 */
export const KNOWN_DIFFERENCES: Record<string, { why: string; fields: Array<keyof Visible>; onlyCodes?: string[] }> = {
  'fixtures/bad-input/bom.yaml': {
    why: "a UTF-8 byte order mark: we drop it before parsing, so positions count what the user sees; Spectral's YAML parser counts it",
    fields: ['range'],
  },
  'fixtures/bad-input/remote-ref.yaml': {
    why: 'a remote $ref: neither side fetches it (the oracle refuses http in tests); ours says how to allow it',
    fields: ['message'],
  },
  'test/corpus/documents/dropbox-sign/openapi.yaml': {
    why: "$refs to example files the corpus does not hold: ours says \"file not found\", Spectral's reader gives Node's ENOENT text",
    fields: ['message'],
    onlyCodes: ['invalid-ref'],
  },
};

/**
 * Lints `file` with our default linter (the CLI's: fast engine, Spectral when it cannot mirror it) and with the oracle
 * (stock spectral-core, see oracle.ts) and expects the same results, field for field, ranges included, in the same
 * order. A file our loader refuses fails the test: refusals are asserted by name where they are meant.
 */
export async function expectParity(file: string): Promise<'fast' | 'spectral'> {
  const document = await loadDocument(file);
  const { linter, traces } = ourLinter();
  const ours = visible(await linter.lint(document));
  const theirs = visible(await spectralOracle(file));
  const known = KNOWN_DIFFERENCES[relative(repoRoot, file)];
  const comparable = (results: Visible[]) =>
    known ? results.map((result) => (known.onlyCodes === undefined || known.onlyCodes.includes(String(result.code)) ? omit(result, known.fields) : result)) : results;
  if (!isDeepStrictEqual(comparable(ours), comparable(theirs))) expect(comparable(ours)).toEqual(comparable(theirs));
  if (known) expect(isDeepStrictEqual(ours, theirs), `${file}: the known difference (${known.why}) is gone; remove it from KNOWN_DIFFERENCES`).toBe(false);
  return traces.get(document.file)?.engine ?? 'spectral';
}

function omit(result: Visible, fields: Array<keyof Visible>): Visible {
  const copy = { ...result };
  for (const field of fields) delete copy[field];
  return copy;
}
