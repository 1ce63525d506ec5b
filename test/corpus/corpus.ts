import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import profile from '../../rules/profiles/standard-webhooks';
import { loadDocument } from '../../src/lint/load-document';
import { createLinter, type Linter } from '../../src/lint/linter';

const repoRoot = resolve(__dirname, '..', '..');

/** The real-world corpus: public OpenAPI documents kept in the repository, with their sources and licences (SOURCES.md). */
export const CORPUS_DIR = join(repoRoot, 'test', 'corpus', 'documents');

/** GitHub's webhook descriptions: the OpenAPI 3.1 document with `webhooks` (261 of them, 4.8 MB). */
export const GITHUB_WEBHOOKS = join(repoRoot, 'node_modules', '@octokit', 'openapi-webhooks', 'generated', 'api.github.com.json');

/** Every OpenAPI document of the corpus, as `folder/file`. */
export function corpusDocuments(): string[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) => readdirSync(join(CORPUS_DIR, folder.name)).filter((file) => /\.(json|ya?ml)$/.test(file)).map((file) => `${folder.name}/${file}`))
    .sort();
}

/** Findings per rule, for the producer rules (webhook-producer-*, standard-webhooks-*) only. */
export type Summary = Record<string, number>;

/**
 * The bundled ruleset, as users run it (the fast engine where it can, Spectral otherwise), and the Standard Webhooks
 * profile (a ruleset of its own, so always Spectral). Consumer rules' counts belong to their own tests and are left
 * out, so each area's changes stay its own.
 */
let bundled: Linter | undefined;
let withProfile: Linter | undefined;

export async function producerSummary(file: string, ruleset: 'bundled' | 'standard-webhooks' = 'bundled'): Promise<Summary> {
  const linter = ruleset === 'bundled' ? (bundled ??= createLinter()) : (withProfile ??= createLinter({ ruleset: profile as RulesetDefinition }));
  const results = await linter.lint(await loadDocument(file));
  const summary: Summary = {};
  for (const result of results) {
    const code = String(result.code);
    if (!code.startsWith('webhook-producer-') && !code.startsWith('standard-webhooks-')) continue;
    summary[code] = (summary[code] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(summary).sort(([a], [b]) => a.localeCompare(b)));
}
