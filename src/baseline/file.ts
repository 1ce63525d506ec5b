import { Json } from '@stoplight/spectral-parsers';
import { ToolError } from '../errors';
import { readDocumentText } from '../fs/read-text';
import { checkDocumentLimits } from '../fs/document-limits';
import { compareEntries, HASH_LENGTH, type BaselineEntry } from './entry';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.spectral-webhooks-baseline.json';

/**
 * The baseline as text: valid JSON, entries sorted, one entry per line, so a diff or a merge conflict shows exactly
 * the findings that came and went. `JSON.stringify(value, null, 2)` would spread each path over several lines; that is
 * why the layout is written here by hand (each entry is still `JSON.stringify`'d).
 */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort(compareEntries);
  const lines = sorted.map((entry) => '    ' + JSON.stringify({ file: entry.file, rule: entry.rule, path: entry.path, hash: entry.hash }));
  const findings = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": ${findings}\n}\n`;
}

/**
 * Reads a baseline file; a missing, unparsable or malformed one is a ToolError (exit 2) that says what to do. It is
 * read through the documents' checked read (src/fs/read-text.ts): only a regular file, within --max-file-size, UTF-8
 * (a byte order mark dropped), and nested no deeper than a document may be.
 */
export async function readBaseline(file: string, options: { missingOk?: boolean; displayName?: string; maxFileSize?: number } = {}): Promise<BaselineEntry[]> {
  const shown = options.displayName ?? file;
  let text: string;
  try {
    text = await readDocumentText(file, shown, { maxFileSize: options.maxFileSize });
  } catch (error) {
    const code = ((error as { cause?: NodeJS.ErrnoException }).cause ?? (error as NodeJS.ErrnoException)).code;
    if (code === 'ENOENT' && options.missingOk) return [];
    if (code === 'ENOENT') throw new ToolError('baseline file not found (create it with --update-baseline)', shown, undefined, undefined, { cause: error });
    throw error;
  }
  checkDocumentLimits(text, shown, true);
  return parseBaseline(text, shown);
}

export function parseBaseline(text: string, file: string): BaselineEntry[] {
  // Spectral's JSON parser, not JSON.parse: it gives the line and column of a syntax error on every Node version.
  const parsed = Json.parse(text);
  const fatal = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (fatal) {
    const { line, character } = fatal.range.start;
    throw new ToolError(`cannot parse baseline JSON: ${fatal.message} (fix it, or delete it and run --update-baseline)`, file, line + 1, character + 1);
  }
  const data: unknown = parsed.data;
  const bad = (what: string) =>
    new ToolError(`not a spectral-webhooks baseline: ${what} (delete it and run --update-baseline)`, file, 1, 1);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('expected an object with "version" and "findings"');
  const { version, findings } = data as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) throw bad(`unsupported version ${JSON.stringify(version)} (this tool reads version ${BASELINE_VERSION})`);
  if (!Array.isArray(findings)) throw bad('"findings" is not a list');
  return findings.map((finding, index) => {
    if (!isEntry(finding)) throw bad(`findings[${index}] is not {file, rule, path, hash}`);
    return { file: finding.file, rule: finding.rule, path: finding.path, hash: finding.hash };
  });
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<BaselineEntry>;
  return (
    typeof entry.file === 'string' &&
    typeof entry.rule === 'string' &&
    typeof entry.hash === 'string' &&
    entry.hash.length === HASH_LENGTH &&
    Array.isArray(entry.path) &&
    entry.path.every((segment) => typeof segment === 'string' || typeof segment === 'number')
  );
}
