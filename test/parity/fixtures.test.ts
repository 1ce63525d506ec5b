import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsUnder, expectParity, githubWebhooks, repoRoot } from './documents';

// Fast engine vs stock Spectral on every fixture (multi-file ones by absolute name, as json-ref-resolver needs) and on
// GitHub's 4.8 MB webhook description (one Spectral run: several seconds).
describe('parity with stock Spectral: fixtures and GitHub webhooks', () => {
  const fixtures = documentsUnder(`${repoRoot}/fixtures`).filter((file) => !/\/(paths|shared)\//.test(file));

  it.each(fixtures.map((file) => [relative(repoRoot, file), file]))('%s', async (_name, file) => {
    const engine = await expectParity(file);
    // Our own fixtures must not fall back to Spectral (others, e.g. broken inputs, may).
    if (/\/fixtures\/(parity|examples)\//.test(file)) expect(engine).toBe('fast');
  });

  it('GitHub webhooks (@octokit/openapi-webhooks)', async () => {
    expect(await expectParity(githubWebhooks)).toBe('fast');
  }, 120_000);
});
