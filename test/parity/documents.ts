import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { loadDocument } from '../../src/lint/load-document';
import { ourLinter, stockSpectral, visible } from './compare';

export const repoRoot = resolve(__dirname, '..', '..');
export const corpusRoot = resolve(repoRoot, '..', 'shared', 'corpus');
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
 * Lints `file` with our default linter and with stock Spectral (our ruleset through `extends`) and expects the same
 * results, field for field and in the same order. Returns which engine ours used. A file that is not a lintable
 * OpenAPI document (loadDocument refuses it) is reported as such; both sides share that code path.
 */
export async function expectParity(file: string): Promise<'fast' | 'spectral' | 'not-openapi'> {
  let document;
  try {
    document = await loadDocument(file);
  } catch {
    return 'not-openapi';
  }
  const { linter, traces } = ourLinter();
  const ours = visible(await linter.lint(document));
  const engine = traces.get(document.file)?.engine ?? 'spectral';
  if (engine === 'spectral') return engine; // Spectral on both sides
  const theirs = visible(await stockSpectral.lint(await loadDocument(file)));
  if (!isDeepStrictEqual(ours, theirs)) expect(ours).toEqual(theirs);
  return engine;
}
