import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { createLinter, type LintTrace } from '../../src/lint/linter';
import type { LoadedDocument } from '../../src/lint/load-document';

/** What users see of a result. */
export type Visible = Partial<Pick<ISpectralDiagnostic, 'code' | 'path' | 'message' | 'severity' | 'source' | 'range' | 'documentationUrl'>>;

/** What users see of each result, in the order given. */
export function visible(results: ISpectralDiagnostic[]): Visible[] {
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

/** Our default linter (fast engine, Spectral when it cannot mirror it) and how it linted each document. */
export function ourLinter() {
  const traces = new Map<string, LintTrace>();
  const linter = createLinter({}, (document: LoadedDocument, how) => traces.set(document.file, how));
  return { linter, traces };
}
