import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * One finding as a baseline remembers it. No line numbers: an edit elsewhere in the file moves lines, not JSON paths,
 * so a baseline survives it. The message is kept as a short hash, so two different problems at one node stay apart
 * and a changed message (another scheme name, another suggestion) counts as a new finding.
 */
export interface BaselineEntry {
  /** The file the finding is in, relative to the baseline file's folder, with forward slashes. */
  file: string;
  rule: string;
  /** JSON path of the finding, as Spectral reports it. */
  path: Array<string | number>;
  hash: string;
}

/** The parts of a Spectral result a baseline reads. */
export interface BaselineFinding {
  code: string | number;
  path: Array<string | number>;
  message: string;
  source?: string;
}

export const HASH_LENGTH = 8;

/** Name used for a finding with no source file (a document from stdin without --stdin-filepath). */
export const NO_SOURCE = '<stdin>';

export function messageHash(message: string): string {
  return createHash('sha256').update(message).digest('hex').slice(0, HASH_LENGTH);
}

/** `file` (absolute, or relative to the working directory) as a baseline names it: relative to `baseDir`, with `/`. */
export function baselineFileName(file: string, baseDir: string): string {
  if (file === NO_SOURCE) return file;
  const absolute = isAbsolute(file) ? file : resolve(file);
  return relative(baseDir, absolute).split(sep).join('/');
}

export function entryOf(finding: BaselineFinding, baseDir: string): BaselineEntry {
  return {
    file: baselineFileName(finding.source ?? NO_SOURCE, baseDir),
    rule: String(finding.code),
    path: finding.path.map((segment) => segment),
    hash: messageHash(finding.message),
  };
}

/** Identity of an entry: two findings with the same key are the same finding. */
export function entryKey(entry: BaselineEntry): string {
  return JSON.stringify([entry.file, entry.rule, entry.path, entry.hash]);
}

/**
 * Code-unit order, not `localeCompare`: the file must come out byte-identical on every machine, whatever its locale.
 * Files first, then rule, then path, so a diff of the baseline reads file by file.
 */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const ka = entryKey(a);
  const kb = entryKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
