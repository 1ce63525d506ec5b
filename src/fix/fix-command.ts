import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { createTwoFilesPatch } from 'diff';
import { ToolError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { LinterOptions } from '../lint/linter';
import { fixDocument, type FileChange, type FixResult } from './fix-document';

export interface FixerOptions {
  /** Print a unified diff per file instead of writing. */
  dryRun: boolean;
  linterOptions?: LinterOptions;
  /** Where the diffs go (stdout). */
  out?: (text: string) => void;
  /** Where the report of what was fixed and what was not goes (stderr, so stdout stays the chosen format). */
  report?: (text: string) => void;
}

export interface Fixer {
  /** Fixes one document (and the files its `$ref`s reach); returns what the linter reports afterwards. */
  fix(file: string): Promise<ISpectralDiagnostic[]>;
  /** One line: how many problems were fixed (or would be, in a dry run) and how many fixable ones were left. */
  summary(): string;
}

/** `lint --fix` and `lint --fix-dry-run`: the lint command hands each file here instead of linting it. */
export function createFixer(options: FixerOptions): Fixer {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const report = options.report ?? ((text: string) => void process.stderr.write(text));
  let fixedCount = 0;
  let refusedCount = 0;
  return {
    async fix(file) {
      const result = await fixDocument(file, options.linterOptions);
      fixedCount += result.fixed.length;
      refusedCount += result.refused.length;
      if (options.dryRun) {
        for (const change of result.changes) out(unifiedDiff(change));
      } else {
        await writeChanges(result.changes);
      }
      const lines = reportLines(result, options.dryRun);
      if (lines.length > 0) report(lines.join('\n') + '\n');
      return result.results;
    },
    summary() {
      const verb = options.dryRun ? 'would be fixed' : 'fixed';
      const problems = `${fixedCount} problem${fixedCount === 1 ? '' : 's'} ${verb}`;
      return refusedCount === 0 ? problems : `${problems}, ${refusedCount} fixable problem${refusedCount === 1 ? '' : 's'} left (see above why)`;
    },
  };
}

function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') || shown === '' ? path : shown;
}

/** A git-style unified diff of one file (`--- a/file`, `+++ b/file`). */
export function unifiedDiff(change: FileChange): string {
  const name = display(change.path).split('\\').join('/');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, change.before, change.after, undefined, undefined, { context: 3 });
  return patch.replace(/^=+\r?\n/, '');
}

function reportLines(result: FixResult, dryRun: boolean): string[] {
  const lines: string[] = [];
  const verb = dryRun ? 'would fix' : 'fixed';
  for (const fix of result.fixed) {
    lines.push(`${display(fix.finding.file)}:${fix.line}:${fix.column} ${verb} ${fix.finding.ruleId}: ${fix.description}`);
  }
  for (const refusal of result.refused) {
    const file = result.files.get(refusal.finding.file);
    const offset = file?.offsetOf(refusal.finding.path);
    const where = file && offset !== undefined ? `:${lineAndColumn(file.text, offset)}` : '';
    lines.push(`${display(refusal.finding.file)}${where} not fixed ${refusal.finding.ruleId}: ${refusal.reason}`);
  }
  return lines;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}

/**
 * Writes every changed file atomically, after checking that none changed on disk since it was read: a check of all
 * files first, so a multi-file fix is not half written because its last file was edited meanwhile.
 */
export async function writeChanges(changes: FileChange[]): Promise<void> {
  const checked: Array<{ change: FileChange; since: { mtimeMs: number; size: number } }> = [];
  for (const change of changes) {
    const stats = await stat(change.path);
    const current = await readFile(change.path, 'utf8');
    if (current !== change.before) throw new ToolError('changed on disk since it was read; not overwritten (run again)', display(change.path));
    checked.push({ change, since: { mtimeMs: stats.mtimeMs, size: stats.size } });
  }
  for (const { change, since } of checked) {
    await writeFileAtomic(change.path, change.after, { expectUnchangedSince: since }).catch((error: unknown) => {
      throw error instanceof ToolError ? new ToolError(error.message, display(change.path), undefined, undefined, { cause: error }) : error;
    });
  }
}
