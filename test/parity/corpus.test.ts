import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'vitest';
import { corpusRoot, documentsUnder, expectParity } from './documents';

// Fast engine vs stock Spectral on every real document of ../shared/corpus. A document the fast engine hands to
// Spectral (parser diagnostics, a broken or cyclic $ref it reads through) is Spectral on both sides and not re-run.
// Stock Spectral takes 3-11 s on each corpus document over 1 MB; those run with PARITY_FULL=1 (`npm run test:parity`),
// which CI's .ci/run does, so that `npm test` stays quick.
const full = process.env.PARITY_FULL === '1';
const all = documentsUnder(corpusRoot);
const documents = full ? all : all.filter((file) => statSync(file).size <= 1_000_000);

describe.skipIf(documents.length === 0)(`parity with stock Spectral: corpus (${corpusRoot})`, () => {
  it.each(documents.map((file) => [relative(corpusRoot, file), file]))('%s', async (_name, file) => {
    await expectParity(file);
  }, 120_000);
});

if (documents.length < all.length) console.warn(`corpus parity: ${all.length - documents.length} documents over 1 MB skipped (PARITY_FULL=1 runs them)`);
if (all.length === 0) console.warn(`corpus not found at ${corpusRoot}: corpus parity skipped`);
