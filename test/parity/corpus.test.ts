import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR as corpusRoot } from '../corpus/corpus';
import { documentsUnder, expectParity } from './documents';

// Our CLI's linter vs the oracle (stock spectral-core) on every real document of the corpus (test/corpus/documents).
// Stock Spectral takes 3-11 s on each corpus document over 1 MB; those run with PARITY_FULL=1 (`npm run test:parity`),
// which CI's .ci/run does, so that `npm test` stays quick.
const full = process.env.PARITY_FULL === '1';
const all = documentsUnder(corpusRoot);
const documents = full ? all : all.filter((file) => statSync(file).size <= 1_000_000);

describe('parity with stock Spectral: the corpus', () => {
  it('holds the corpus', () => expect(all.length).toBeGreaterThan(20));

  it.each(documents.map((file) => [relative(corpusRoot, file), file]))('%s', async (_name, file) => {
    await expectParity(file);
  }, 120_000);
});

if (documents.length < all.length) console.warn(`corpus parity: ${all.length - documents.length} documents over 1 MB skipped (PARITY_FULL=1 runs them)`);
