import { printPath, PrintStyle } from '@stoplight/spectral-runtime';
import { baselineFileName, entryKey, entryOf, NO_SOURCE, type BaselineEntry, type BaselineFinding } from './entry';

/** What a run covers: only baseline entries of these files can be matched, or declared fixed, by it. */
export interface BaselineScope {
  /** Folder of the baseline file: entries name files relative to it. */
  baseDir: string;
  /** The documents linted in this run (absolute, or relative to the working directory). */
  files: readonly string[];
}

export interface BaselineComparison<F> {
  /** Findings the baseline does not hold: the ones to report and fail on. */
  newFindings: F[];
  /** How many findings the baseline held, and so kept quiet. */
  suppressed: number;
  /** Entries of files this run linted that no finding matched any more: fixed, to remove from the baseline. */
  fixed: BaselineEntry[];
}

/**
 * Splits findings into those the baseline holds and new ones. Entries count: a baseline holding one finding keeps one
 * quiet, and a second identical finding is new. A file the run did not touch keeps its entries untouched: linting one
 * document never declares another document's findings fixed.
 */
export function compareWithBaseline<F extends BaselineFinding>(findings: readonly F[], baseline: readonly BaselineEntry[], scope: BaselineScope): BaselineComparison<F> {
  const inScope = scopeFiles(findings, scope);
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline) {
    if (!inScope.has(entry.file)) continue;
    const key = entryKey(entry);
    remaining.set(key, [...(remaining.get(key) ?? []), entry]);
  }
  const newFindings: F[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    const held = remaining.get(entryKey(entryOf(finding, scope.baseDir)));
    if (held && held.length > 0) {
      held.pop();
      suppressed += 1;
    } else {
      newFindings.push(finding);
    }
  }
  return { newFindings, suppressed, fixed: [...remaining.values()].flat() };
}

export interface BaselineUpdate {
  entries: BaselineEntry[];
  added: number;
  removed: number;
}

/** The baseline after this run: this run's files get exactly their current findings; other files keep theirs. */
export function updateBaseline(findings: readonly BaselineFinding[], baseline: readonly BaselineEntry[], scope: BaselineScope): BaselineUpdate {
  const inScope = scopeFiles(findings, scope);
  const comparison = compareWithBaseline(findings, baseline, scope);
  const entries = [
    ...baseline.filter((entry) => !inScope.has(entry.file)),
    ...findings.map((finding) => entryOf(finding, scope.baseDir)),
  ];
  return { entries, added: comparison.newFindings.length, removed: comparison.fixed.length };
}

/** The linted documents and every file a finding points into (a `$ref`-ed file of a multi-file document). */
function scopeFiles(findings: readonly BaselineFinding[], scope: BaselineScope): Set<string> {
  const files = new Set(scope.files.map((file) => baselineFileName(file, scope.baseDir)));
  for (const finding of findings) files.add(baselineFileName(finding.source ?? NO_SOURCE, scope.baseDir));
  return files;
}

/** `openapi.yaml webhook-method-post paths./_webhooks/meta.get`: an entry as people read it. */
export function describeEntry(entry: BaselineEntry): string {
  return `${entry.file} ${entry.rule} ${printPath(entry.path, PrintStyle.Dot)}`;
}
