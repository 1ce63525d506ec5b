import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ToolError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { compareWithBaseline, describeEntry, updateBaseline, type BaselineScope } from './baseline';
import { compareEntries, type BaselineFinding } from './entry';
import { DEFAULT_BASELINE_FILE, formatBaseline, readBaseline } from './file';

export interface BaselineCliOptions {
  /** `--baseline <file>`: report and fail only on findings the file does not hold. */
  baseline?: string;
  /** `--update-baseline`: write the baseline (the `--baseline` file, or the default one) from this run's findings. */
  updateBaseline?: boolean;
  /** `--max-file-size`: a baseline is refused past it, as a document is. */
  maxFileSize?: number;
}

export interface BaselineOutcome<F> {
  /** The findings to report and to decide the exit code on. */
  results: F[];
  /** Lines for people (stderr, so machine formats on stdout stay clean). */
  notes: string[];
}

const plural = (count: number, noun: string) => `${count} ${count === 1 ? noun : noun.replace(/y$/, 'ie') + 's'}`;

/** The lint command's baseline step: without either option, results pass through untouched. */
export async function applyBaselineOptions<F extends BaselineFinding>(
  results: F[],
  lintedFiles: readonly string[],
  options: BaselineCliOptions,
  cwd: string = process.cwd(),
): Promise<BaselineOutcome<F>> {
  if (options.baseline === undefined && !options.updateBaseline) return { results, notes: [] };
  const file = resolve(cwd, options.baseline ?? DEFAULT_BASELINE_FILE);
  const scope: BaselineScope = { baseDir: dirname(file), files: lintedFiles };
  const shown = options.baseline ?? DEFAULT_BASELINE_FILE;
  // A baseline that names a document of this run would be read as JSON (a confusing parse error) or overwritten.
  if (lintedFiles.some((linted) => resolve(cwd, linted) === file)) {
    throw new ToolError('--baseline names a document this run lints; give the baseline file (e.g. .spectral-webhooks-baseline.json)', shown);
  }

  if (options.updateBaseline) {
    const before = await readBaseline(file, { missingOk: true, displayName: shown, maxFileSize: options.maxFileSize });
    await mkdir(dirname(file), { recursive: true }); // asking for the baseline there is asking for its folder too
    const update = updateBaseline(results, before, scope);
    await writeFileAtomic(file, formatBaseline(update.entries)).catch((error: unknown) => {
      throw error instanceof ToolError ? new ToolError(error.message, shown) : error;
    });
    const changes = `${plural(update.added, 'new finding')} added, ${plural(update.removed, 'fixed finding')} removed`;
    return { results: [], notes: [`Baseline ${shown} updated: it holds ${plural(update.entries.length, 'finding')} (${changes}).`] };
  }

  const comparison = compareWithBaseline(results, await readBaseline(file, { displayName: shown, maxFileSize: options.maxFileSize }), scope);
  const notes = [`Baseline ${shown} suppressed ${plural(comparison.suppressed, 'finding')}; ${plural(comparison.newFindings.length, 'new finding')} reported.`];
  if (comparison.fixed.length > 0) {
    const count = comparison.fixed.length;
    notes.push(`${plural(count, 'baseline entry')} ${count === 1 ? 'matches' : 'match'} no finding any more: fixed, remove from baseline (run with --update-baseline):`);
    for (const entry of [...comparison.fixed].sort(compareEntries)) notes.push(`  fixed, remove from baseline: ${describeEntry(entry)}`);
  }
  return { results: comparison.newFindings, notes };
}
