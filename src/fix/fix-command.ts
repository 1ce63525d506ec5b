import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { displayPath } from '../display-path';
import { escapeControlCharacters, ToolError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { DocumentSource } from '../fs/document-source';
import type { LinterOptions } from '../lint/linter';
import { lineAndColumn } from './document-files';
import { fixDocument, type FileChange, type FixResult } from './fix-document';
import { unifiedDiff } from './unified-diff';

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
  fix(file: string, displayName?: string): Promise<ISpectralDiagnostic[]>;
  /**
   * Fixes a document read from stdin (`lint - --fix`, as `eslint --fix-dry-run --stdin` serves editors): `path` is
   * where it would live (relative `$ref`s resolve from there); its fixed text goes to `fixedText` whole, nothing is
   * written. Returns what the linter reports afterwards.
   */
  fixStdin(path: string, text: string, displayName: string, fixedText: (text: string) => void): Promise<ISpectralDiagnostic[]>;
  /** One line: how many problems were fixed (or would be, in a dry run) and how many fixable ones were left. */
  summary(): string;
}

/** `lint --fix` and `lint --fix-dry-run`: the lint command hands each file here instead of linting it. */
export function createFixer(options: FixerOptions): Fixer {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const report = options.report ?? ((text: string) => void process.stderr.write(text));
  let fixedCount = 0;
  let refusedCount = 0;
  // One door for every read and write: the files a fix may read are the files it may write.
  const source = options.linterOptions?.source ?? new DocumentSource({ maxFileSize: options.linterOptions?.maxFileSize });
  const linterOptions = { ...options.linterOptions, source };
  // File names are shown relative to the run's folder (runLint's cwd, which the source holds).
  const display = (path: string): string => displayPath(path, source.cwd);
  return {
    async fix(file, displayName) {
      const result = await fixDocument(file, linterOptions, displayName);
      fixedCount += result.fixed.length;
      refusedCount += result.refused.length;
      if (options.dryRun) {
        for (const change of result.changes) out(unifiedFileDiff(change, source.cwd));
      } else {
        await writeChanges(result.changes, (path) => source.isInsideProject(path), source.cwd);
      }
      const lines = reportLines(result, options.dryRun, display);
      if (lines.length > 0) report(lines.join('\n') + '\n');
      return result.results;
    },
    async fixStdin(path, text, displayName, fixedText) {
      const mainPath = resolve(path);
      source.setOverlay(mainPath, text);
      const result = await fixDocument(mainPath, linterOptions, displayName);
      fixedCount += result.fixed.length;
      refusedCount += result.refused.length;
      fixedText(result.changes.find((change) => change.path === mainPath)?.after ?? text);
      const elsewhere = result.changes.filter((change) => change.path !== mainPath).map((change) => display(change.path));
      const lines = reportLines(result, options.dryRun, display);
      if (elsewhere.length > 0) lines.push(`not written (the document came from stdin): the fixes in ${elsewhere.join(', ')}`);
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


/** A git-style unified diff of one file (`--- a/file`, `+++ b/file`). */
export function unifiedFileDiff(change: FileChange, cwd = process.cwd()): string {
  const name = displayPath(change.path, cwd).split('\\').join('/');
  return unifiedDiff(`a/${name}`, `b/${name}`, change.before, change.after, 3);
}

/** One line per fix made and per fix refused, in document order (file, line, column): a reader walks the file once. */
function reportLines(result: FixResult, dryRun: boolean, display: (path: string) => string): string[] {
  const notes: Array<{ file: string; line: number; column: number; text: string }> = [];
  const verb = dryRun ? 'would fix' : 'fixed';
  for (const fix of result.fixed) {
    notes.push({ file: fix.finding.file, line: fix.line, column: fix.column, text: `${display(fix.finding.file)}:${fix.line}:${fix.column} ${verb} ${fix.finding.ruleId}: ${fix.description}` });
  }
  for (const refusal of result.refused) {
    const file = result.files.get(refusal.finding.file);
    const offset = file?.offsetOf(refusal.finding.path);
    const at = file && offset !== undefined ? lineAndColumn(file.text, offset) : undefined;
    const where = at ? `:${at.line}:${at.column}` : '';
    notes.push({ file: refusal.finding.file, line: at?.line ?? 0, column: at?.column ?? 0, text: `${display(refusal.finding.file)}${where} not fixed ${refusal.finding.ruleId}: ${refusal.reason}` });
  }
  const files = [...new Set(notes.map((note) => note.file))];
  notes.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || a.column - b.column);
  return notes.map((note) => escapeControlCharacters(note.text)); // file names and keys come from the documents
}

/**
 * Writes every changed file atomically, after checking that none changed on disk since it was read: a check of all
 * files first, so a multi-file fix is not half written because its last file was edited meanwhile. The check compares
 * bytes, and a UTF-8 byte order mark the file had is kept: only the bytes a fix meant to change are written changed.
 * A file outside the project (never read by a fix: a guard) is refused.
 */
export async function writeChanges(changes: FileChange[], isInsideProject: (path: string) => boolean = () => true, cwd = process.cwd()): Promise<void> {
  const display = (path: string): string => displayPath(path, cwd);
  const checked: Array<{ path: string; bytes: Buffer; since: { mtimeMs: number; size: number } }> = [];
  for (const change of changes) {
    if (!isInsideProject(change.path)) throw new ToolError('is outside the project; --fix writes no file there', display(change.path));
    const stats = await stat(change.path);
    const current = await readFile(change.path);
    const bom = current.subarray(0, 3).equals(UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
    // A file with CR-only line endings was read with LFs (read-text.ts, fromCrOnly): its CRs are written back.
    const crOnly = current.includes(0x0d) && !current.includes(0x0a);
    const encode = (text: string) => Buffer.concat([bom, Buffer.from(crOnly ? text.replace(/\n/g, '\r') : text, 'utf8')]);
    if (!current.equals(encode(change.before))) {
      throw new ToolError('changed on disk since it was read; not overwritten (run again)', display(change.path));
    }
    checked.push({ path: change.path, bytes: encode(change.after), since: { mtimeMs: stats.mtimeMs, size: stats.size } });
  }
  for (const { path, bytes, since } of checked) {
    await writeFileAtomic(path, bytes, { expectUnchangedSince: since }).catch((error: unknown) => {
      throw error instanceof ToolError ? new ToolError(error.message, display(path), undefined, undefined, { cause: error }) : error;
    });
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
