import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import ruleset from '../../rules';
import { createLinter, type LintTrace } from '../../src/lint/linter';
import type { LoadedDocument } from '../../src/lint/load-document';

/** What users see of a result, in Spectral's order. */
export function visible(results: ISpectralDiagnostic[]): Array<Record<string, unknown>> {
  return results.map((result) => ({
    code: result.code,
    path: result.path,
    message: result.message,
    severity: result.severity,
    source: result.source,
    range: result.range,
    documentationUrl: result.documentationUrl,
  }));
}

/** Stock Spectral with our ruleset through `extends`, as a user's .spectral.yaml would run it. */
export const stockSpectral = createLinter({ ruleset: { extends: [ruleset as never] }, engine: 'spectral' });

/** Our default linter (fast engine, Spectral when it cannot mirror it) and how it linted each document. */
export function ourLinter() {
  const traces = new Map<string, LintTrace>();
  const linter = createLinter({}, (document: LoadedDocument, how) => traces.set(document.file, how));
  return { linter, traces };
}
