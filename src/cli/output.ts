import { statSync, type Stats } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import type { Formatter } from '@stoplight/spectral-formatters';
import type { DiagnosticSeverity } from '@stoplight/types';
import { displayPath } from '../display-path';
import { ToolError } from '../errors';
import { FIXABLE_RULES } from '../fix/fixable';
import { escapeTeamcity, forTerminal, githubActions } from './output-safety';

/** Every format of @stoplight/spectral-formatters, by the name spectral-cli gives it (`gitlab` is its alias too). */
export const FORMAT_NAMES = [
  'stylish',
  'json',
  'junit',
  'sarif',
  'github-actions',
  'code-climate',
  'gitlab',
  'markdown',
  'html',
  'text',
  'teamcity',
  'pretty',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats people read: they show paths relative to the working directory. */
const RELATIVE_PATH_FORMATS = new Set<FormatName>(['stylish', 'pretty', 'text', 'markdown', 'html']);

/** Plain terminal text, which --fix-dry-run's diffs may share stdout with (markup and data formats may not). */
export const TERMINAL_TEXT_FORMATS: ReadonlySet<FormatName> = new Set<FormatName>(['stylish', 'pretty', 'text']);

/** Formats read in a terminal or a text log: control characters in names and keys are escaped, long cells shortened. */
const TERMINAL_FORMATS = new Set<FormatName>(['stylish', 'pretty', 'text', 'markdown']);

/** The docs link the library's formatters give a rule: its own, or its ruleset's with `#<rule-id>`. */
function documentationUrl(ruleset: Ruleset, code: string): string | undefined {
  const rule = ruleset.rules[code] as { documentationUrl?: string | null; owner?: { definition?: { documentationUrl?: string } } } | undefined;
  if (rule?.documentationUrl) return rule.documentationUrl;
  const owner = rule?.owner?.definition?.documentationUrl;
  return owner ? `${owner}#${code}` : undefined;
}

/** The file name the library's github-actions formatter shows: @stoplight/path's relative (normalised, `/`). */
function relativeLikeSpectral(from: string, to: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@stoplight/path') as typeof import('@stoplight/path')).relative(from, to);
}

/**
 * Formats that get no per-result documentationUrl, as spectral-cli does by default: JSON keeps its documented six
 * keys, SARIF has helpUri per rule, and stylish/pretty would add a long URL column (stylish lists links once instead).
 * The others (html, junit, text, teamcity) turn it into a link or a trailing note per finding.
 */
const WITHOUT_DOCS_URL = new Set<FormatName>(['stylish', 'pretty', 'json', 'sarif']);

/** Loaded on first use: most runs need one formatter, and the library pulls in SARIF and HTML builders. */
function formatter(name: FormatName): Formatter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const formatters = require('@stoplight/spectral-formatters') as typeof import('@stoplight/spectral-formatters');
  const byName: Record<FormatName, Formatter> = {
    stylish: formatters.stylish,
    json: formatters.json,
    junit: formatters.junit,
    sarif: formatters.sarif,
    'github-actions': formatters.githubActions,
    'code-climate': formatters.codeClimate,
    gitlab: formatters.codeClimate,
    markdown: formatters.markdown,
    html: formatters.html,
    text: formatters.text,
    teamcity: formatters.teamcity,
    pretty: formatters.pretty,
  };
  return byName[name];
}

export interface OutputTarget {
  format: FormatName;
  /** A file to write, or undefined for stdout. */
  file?: string;
}

/**
 * Which format goes where, as spectral-cli decides it: `-o FILE` with one format writes that format to FILE;
 * `-o.<format> FILE` names a file per format; at most one format is left for stdout.
 */
export function planOutputs(formats: FormatName[], output: string | undefined, outputPerFormat: Record<string, string>): OutputTarget[] {
  const unique = [...new Set(formats)];
  for (const format of Object.keys(outputPerFormat)) {
    if (!unique.includes(format as FormatName)) {
      throw new ToolError(`-o.${format} names an output for a format that is not selected (add -f ${format})`);
    }
  }
  if (output !== undefined && unique.length > 1) {
    throw new ToolError(`-o FILE takes one format, but ${unique.length} are selected (give each its own file with -o.<format> FILE)`);
  }
  const targets = unique.map((format) => ({ format, file: toFileOrStdout(outputPerFormat[format] ?? (unique.length === 1 ? output : undefined)) }));
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw new ToolError(
      `formats ${toStdout.map((target) => target.format).join(', ')} would all print to stdout (write all but one to a file with -o.<format> FILE)`,
    );
  }
  return targets;
}

/** `-o -` and `-o /dev/stdout` mean stdout: written through the process's own stream, never opened as a path. */
const STDOUT_NAMES = new Set(['-', '/dev/stdout']);
/** `-o /dev/null` discards the report: written in place, since a rename would replace the device with a file. */
export const DISCARD = '/dev/null';

function toFileOrStdout(file: string | undefined): string | undefined {
  return file === undefined || STDOUT_NAMES.has(file) ? undefined : file;
}

export interface RenderContext {
  results: ISpectralDiagnostic[];
  ruleset: Ruleset;
  failSeverity: DiagnosticSeverity;
  version: string;
  cwd: string;
  /** Whether stdout is the destination (colour is kept there and stripped in files). */
  toStdout: boolean;
  /** -q: no summary, no docs links, no "no problems" line. */
  quiet: boolean;
  filesLinted: number;
  /** --show-documentation-url: every finding carries its rule's docs link (`documentationUrl` in -f json), as in spectral lint. */
  showDocumentationUrl?: boolean;
}

/** The text of one report. JSON keeps Spectral's contract: `{code, path, message, severity, range, source}`. */
export function render(format: FormatName, context: RenderContext): string {
  const { results, ruleset, failSeverity, version, cwd } = context;
  const shown = results.map((result) => {
    let copy: ISpectralDiagnostic = { ...result };
    if (context.showDocumentationUrl) copy.documentationUrl ??= ruleset.rules[String(result.code)]?.documentationUrl ?? undefined;
    else if (WITHOUT_DOCS_URL.has(format)) delete copy.documentationUrl;
    if (RELATIVE_PATH_FORMATS.has(format) && copy.source) copy.source = displayPath(copy.source, cwd);
    // Names and keys come from the documents: escaped so they cannot forge output (src/cli/output-safety.ts).
    if (TERMINAL_FORMATS.has(format)) copy = forTerminal(copy);
    if (format === 'teamcity' && copy.source) copy.source = escapeTeamcity(copy.source);
    return copy;
  });
  let text =
    format === 'github-actions'
      ? githubActions(shown, cwd, (code) => documentationUrl(ruleset, code), relativeLikeSpectral)
      : formatter(format)(shown, { failSeverity }, { ruleset, spectralVersion: version });
  if (format === 'sarif') text = brandSarif(text, version);
  if (format === 'code-climate' || format === 'gitlab') text = oneBasedPositions(text);
  if (format === 'stylish') text = finishStylish(text, context);
  if (!context.toStdout) text = stripVTControlCharacters(text);
  return text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
}

/** The library names the tool "spectral"; code scanning should show who really reported it. */
function brandSarif(text: string, version: string): string {
  const log = JSON.parse(text) as { runs: Array<{ tool: { driver: Record<string, unknown> } }> };
  for (const run of log.runs) {
    Object.assign(run.tool.driver, {
      name: 'spectral-webhooks',
      version,
      informationUri: 'https://github.com/spectral-webhooks/spectral-webhooks',
    });
  }
  return JSON.stringify(log, null, 2);
}

/**
 * The library writes Spectral's 0-based lines and columns into `positions`; the Code Climate spec (and GitLab, which
 * shows the line) counts from 1, like every other format here.
 */
function oneBasedPositions(text: string): string {
  type Position = { line: number; column: number };
  const issues = JSON.parse(text) as Array<{ location: { positions: { begin: Position; end: Position } } }>;
  for (const { location } of issues) {
    for (const position of [location.positions.begin, location.positions.end]) {
      position.line += 1;
      position.column += 1;
    }
  }
  return JSON.stringify(issues, null, '\t');
}

/** Stylish plus what people need next: one docs link per rule that fired (under the summary), or a clean message. */
function finishStylish(text: string, context: RenderContext): string {
  const { results, ruleset, quiet } = context;
  if (results.length === 0) {
    if (quiet) return '';
    const files = `${context.filesLinted} file${context.filesLinted === 1 ? '' : 's'}`;
    return `No problems found in ${files}.\n`;
  }
  if (quiet) {
    // The summary is the library's last line ("✖ 3 problems (...)"); -q keeps only the findings.
    const lines = text.replace(/\n+$/, '').split('\n');
    if (stripVTControlCharacters(lines[lines.length - 1] ?? '').startsWith('\u2716')) lines.pop();
    return `${lines.join('\n').replace(/\n+$/, '')}\n`;
  }
  const links = new Map<string, string>();
  for (const result of results) {
    const code = String(result.code);
    const url = ruleset.rules[code]?.documentationUrl;
    if (url && !links.has(code)) links.set(code, url);
  }
  const fixable = results.filter((result) => FIXABLE_RULES.has(String(result.code))).length;
  if (fixable > 0) {
    // ESLint's habit: say what --fix could take off the list (some fixes may still be refused as unsafe).
    const note = `  ${fixable} of them potentially fixable with the \`--fix\` option (\`--fix-dry-run\` shows the changes).`;
    text = `${text.replace(/\n+$/, '')}\n${note}\n`;
  }
  if (links.size === 0) return text;
  const width = Math.max(...[...links.keys()].map((code) => code.length));
  const lines = [...links].sort(([a], [b]) => a.localeCompare(b)).map(([code, url]) => `  ${code.padEnd(width)}  ${url}`);
  return `${text.replace(/\n+$/, '')}\n\nRule docs (or run: spectral-webhooks explain <rule-id>):\n${lines.join('\n')}\n`;
}

/** Writes a report atomically (a reader never sees half a file); `/dev/null` takes it in place and drops it. */
export async function writeReport(file: string, text: string): Promise<void> {
  if (file === DISCARD) return;
  const { writeFileAtomic } = await import('../fs/atomic-write');
  await writeFileAtomic(file, text);
}

/**
 * Refuses, before anything is linted, a report file that could not be written or must not be: a folder that does not
 * exist (Spectral's CLI fails there too; ESLint creates it, but a mistyped `-o` path should answer at once instead of
 * leaving a stray folder), a folder or anything else that is not a regular file (a device node would be replaced by
 * a file), and two reports naming one file.
 */
export function assertReportTargets(targets: OutputTarget[], cwd: string): void {
  const seen = new Set<string>();
  for (const { file } of targets) {
    if (file === undefined || file === DISCARD) continue;
    const path = resolve(cwd, file);
    if (seen.has(path)) throw new ToolError('two reports would be written to this one file (give each format its own file)', file);
    seen.add(path);
    const folder = dirname(path);
    const shown = relative(cwd, folder) || '.';
    const folderStats = statOrUndefined(folder);
    if (folderStats && !folderStats.isDirectory()) throw new ToolError(`cannot write the report: ${shown} is a file, not a folder`, file);
    if (!folderStats) throw new ToolError(`cannot write the report: folder ${shown} does not exist (create it first, e.g. mkdir -p ${shown})`, file);
    const stats = statOrUndefined(path);
    if (stats?.isDirectory()) throw new ToolError('cannot write the report: is a folder (give a file name)', file);
    if (stats && !stats.isFile()) {
      throw new ToolError('cannot write the report: not a regular file (a device, FIFO or socket); give a file name, - for stdout, or /dev/null', file);
    }
  }
}

/**
 * Refuses a report that would overwrite a file the run reads: an input document (`lint -f json -o spec.yaml
 * spec.yaml` would replace the spec by its own report) or the baseline. Compared by device and inode, so another
 * spelling, a symbolic link or a hard link to the same file is caught too.
 */
export function assertReportsSpareInputs(targets: OutputTarget[], inputs: readonly string[], cwd: string): void {
  const byIdentity = new Map<string, string>();
  for (const input of inputs) {
    const stats = statOrUndefined(resolve(cwd, input));
    if (stats) byIdentity.set(`${stats.dev}:${stats.ino}`, input);
  }
  for (const { file } of targets) {
    if (file === undefined || file === DISCARD) continue;
    const stats = statOrUndefined(resolve(cwd, file));
    const input = stats && byIdentity.get(`${stats.dev}:${stats.ino}`);
    if (input !== undefined) {
      throw new ToolError(`the report would overwrite ${relative(cwd, resolve(cwd, input)) || input}, which this run reads (choose another -o file)`, file);
    }
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // missing (or unreadable): the caller decides; a later write says why it fails
  }
}
