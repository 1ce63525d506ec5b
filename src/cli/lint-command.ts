import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import type { DiagnosticSeverity } from '@stoplight/types';
import { describeError, escapeControlCharacters, ToolError } from '../errors';
import type { RulesetInForce } from '../config/ruleset-in-force';
import { displayPath } from '../display-path';
import type { BaselineCliOptions } from '../baseline/run';
import { expandInputs, type LintInputs } from './inputs';
import {
  assertReportsSpareInputs,
  assertReportTargets,
  FORMAT_NAMES,
  planOutputs,
  render,
  TERMINAL_TEXT_FORMATS,
  writeReport,
  type FormatName,
  type OutputTarget,
} from './output';
import { parseSeverity, SEVERITY_NAMES } from './severity';
import { interruptible, letPendingSignalsIn } from '../signals';
import { DEFAULT_MAX_TIME_MS, parseDuration, startWatchdog } from './watchdog';
import { parseFileSize } from '../fs/read-text';

// DiagnosticSeverity.Warning (@stoplight/types is imported for types only: the CLI bundle needs none of its code).
const WARNING = 1;

/** How many files are read ahead of the one being linted, and the largest file read ahead. */
const READ_AHEAD = 8;
const READ_AHEAD_MAX_BYTES = 1024 * 1024;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // missing or unreadable: the read says so, in turn
  }
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TOOL_ERROR = 2;

export interface LintOptions extends BaselineCliOptions {
  format: FormatName[];
  output?: string;
  outputFor: Record<string, string>;
  failSeverity: string;
  maxWarnings?: number;
  displayOnlyFailures: boolean;
  quiet: boolean;
  verbose: boolean;
  ignoreUnknownFormat: boolean;
  allowEmptyInput: boolean;
  stdinFilepath?: string;
  ruleset?: string;
  config: boolean;
  allowRemoteRefs: boolean;
  maxFileSize?: number;
  /** `--max-time`, in milliseconds. */
  maxTime?: number;
  fix?: boolean;
  fixDryRun?: boolean;
  profile?: string;
  showDocumentationUrl: boolean;
  ignorePattern?: string[];
  ignore: boolean;
  printConfig: boolean;
}

/** A hidden option that `-o.<format> FILE` (spectral-cli's spelling) is rewritten to before commander parses argv. */
export const OUTPUT_FOR_OPTION = '--output-for';

const EXAMPLES = `
Examples:
  $ spectral-webhooks lint openapi.yaml
  $ spectral-webhooks lint "specs/**/*.yaml" api/                    globs and directories
  $ spectral-webhooks lint -F warn --max-warnings 0 openapi.yaml      fail on any warning
  $ spectral-webhooks lint -f json -o lint.json openapi.yaml          machine-readable report
  $ spectral-webhooks lint -f stylish -f sarif -o.sarif lint.sarif openapi.yaml
                                                                      terminal output plus a SARIF file
  $ spectral-webhooks lint -f github-actions openapi.yaml             annotations in a pull request
  $ cat openapi.yaml | spectral-webhooks lint - --stdin-filepath openapi.yaml
  $ spectral-webhooks lint --fix-dry-run openapi.yaml                 show the fixes as a diff
  $ spectral-webhooks lint --fix openapi.yaml                         apply them
  $ spectral-webhooks lint --baseline .spectral-webhooks-baseline.json openapi.yaml
                                                                      fail only on findings not in the baseline

Exit status: 0 no finding at or above --fail-severity, 1 findings (or more warnings than --max-warnings),
2 the tool could not do its job (bad arguments, unreadable or unparsable file, bad config).
`;

export function lintCommand(): Command {
  return new Command('lint')
    .description('lint OpenAPI documents (files, globs, directories, or - for stdin) against the webhook guideline')
    .argument('<files...>', 'OpenAPI documents (YAML or JSON): files, globs, directories, or - for stdin')
    .addOption(
      // No commander default: it would print "(default: [])" after the text's own "(default: stylish)".
      new Option('-f, --format <format>', `output format, repeatable: ${FORMAT_NAMES.join(', ')} (default: stylish)`).argParser(collectFormat),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout (several formats: -o.<format> <file> each)')
    .addOption(new Option(`${OUTPUT_FOR_OPTION} <format=file>`).hideHelp().argParser(collectOutputFor))
    .addOption(
      new Option('-F, --fail-severity <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITY_NAMES]).default('error'),
    )
    .option('--max-warnings <number>', 'also fail (exit 1) when there are more than this many warnings', parseMaxWarnings)
    .option('-D, --display-only-failures', 'show only findings at or above --fail-severity', false)
    .option('-q, --quiet', 'print findings only: no summary, no docs links, no "no problems" line (as spectral-cli; for errors only, as eslint --quiet, use -D)', false)
    .option('-v, --verbose', 'say which config and files are used and skipped; print stack traces of tool errors (as spectral lint -v)', false)
    .option('--ignore-unknown-format', 'skip files that are not OpenAPI documents: named ones instead of failing (exit 2), glob matches without the unrecognized-format warning', false)
    .option('--fail-on-unmatched-globs', 'a glob that matches nothing fails the run (exit 2): the default here, accepted as in spectral lint')
    .addOption(new Option('-e, --encoding <encoding>', 'text encoding of the documents: utf8 only (as spectral lint -e utf8)').argParser(parseEncoding))
    .option('--resolver <file>', 'spectral lint\'s custom $ref resolver: refused (exit 2); local and file $refs are resolved inside the project, --allow-remote-refs fetches http(s)', refuseResolver)
    .option('--show-documentation-url', 'add each finding\'s rule docs link to the report (as spectral lint: a documentationUrl key in -f json)', false)
    .option('--ignore-pattern <pattern>', 'skip files matching this .gitignore-style pattern when expanding globs and directories, repeatable', collectPattern)
    .option('--no-ignore', 'do not read .spectral-webhooks-ignore (and drop --ignore-pattern)')
    .option('--color', 'force colour in the terminal report (as FORCE_COLOR=1)')
    .option('--no-color', 'no colour (as NO_COLOR=1)')
    .option('--print-config', 'print the rules in force for these files (after the config and --profile) as JSON, and lint nothing', false)
    .option('--allow-empty-input', 'exit 0 when no file matches the given globs or directories', false)
    .option('--stdin-filepath <path>', 'the file name to show (and resolve relative $refs from) for a document read from stdin (-)')
    .option('-r, --ruleset <file>', 'a Spectral ruleset to layer over the webhook rules (default: .spectral.{yaml,yml,json,js,mjs} found in cwd or a parent, up to the git root)')
    .option('--no-config', 'ignore any .spectral.* ruleset found in cwd or its parents')
    .option('--allow-remote-refs', 'fetch $refs over http(s) (off: a lint run never touches the network)', false)
    .option('--max-file-size <size>', 'refuse documents larger than this (e.g. 512KB, 50MB; default 50MB)', parseFileSize)
    .option('--max-time <duration>', 'stop a run that takes longer than this (e.g. 90s, 5m; default 10m)', parseMaxTime)
    .option('--baseline <file>', 'report and fail only on findings this baseline file does not hold')
    .option('--update-baseline', 'write the baseline (--baseline file, default .spectral-webhooks-baseline.json) from the current findings')
    .option('--fix', 'repair what the fixable rules report (see `rules`), write the files, then report what remains')
    .option('--fix-dry-run', 'like --fix, but print a unified diff per file and write nothing')
    .addOption(new Option('--profile <profile>', 'add an opt-in profile to the ruleset (standard-webhooks: Standard Webhooks v1 headers and envelope)').choices(['standard-webhooks']))
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], parsed: LintOptions) => {
      const options: LintOptions = { ...parsed, format: parsed.format ?? [], outputFor: parsed.outputFor ?? {} };
      if (options.printConfig) {
        const { printConfig } = await import('./print-config');
        process.exitCode = await printConfig(files, options);
        return;
      }
      process.exitCode = await runLint(files, options);
    });
}

function collectFormat(value: string, previous: FormatName[] = []): FormatName[] {
  if (!(FORMAT_NAMES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
  }
  return [...previous, value as FormatName];
}

function collectOutputFor(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  const format = value.slice(0, at);
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('use -o.<format> <file>, e.g. -o.sarif report.sarif');
  if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new InvalidArgumentError(`-o.${format}: unknown format (allowed: ${FORMAT_NAMES.join(', ')})`);
  }
  return { ...previous, [format]: value.slice(at + 1) };
}

/** spectral lint's -e choices; documents are read as UTF-8 (with a check), so only UTF-8 and its ASCII subset are taken. */
function parseEncoding(value: string): string {
  if (['utf8', 'utf-8', 'ascii'].includes(value.toLowerCase())) return 'utf8';
  throw new InvalidArgumentError('only UTF-8 documents are read (utf8, utf-8, ascii); save the file as UTF-8');
}

function refuseResolver(): never {
  throw new InvalidArgumentError(
    'custom $ref resolvers are not supported: spectral-webhooks resolves local and file $refs inside the project itself (--allow-remote-refs fetches http(s) ones)',
  );
}

function collectPattern(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

/** Rewrites spectral-cli's `-o.<format> FILE` / `--output.<format>=FILE` into the hidden option commander understands. */
export function rewriteOutputPerFormat(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const match = /^(?:-o|--output)\.([^=\s]+)(?:=(.*))?$/.exec(token);
    if (!match) {
      out.push(token);
      continue;
    }
    const file = match[2] ?? argv[++i];
    if (file === undefined || file === '') throw new ToolError(`${token} needs a file name (e.g. ${token} report.${match[1]})`);
    out.push(OUTPUT_FOR_OPTION, `${match[1]}=${file}`);
  }
  return out;
}

/** Runs `lint` and returns the exit status; tool failures are thrown as ToolError (exit 2, one line). */
export async function runLint(patterns: string[], options: LintOptions, cwd = process.cwd()): Promise<number> {
  const log = verboseLog(options);
  const plan = checkOptions(patterns, options, cwd);
  const inputs = await collectInputs(patterns, options, plan, cwd, log);
  // Spectral and the rules load only once arguments are known good: a usage error answers at once.
  const { loadRulesetInForce } = await import('../config/ruleset-in-force');
  const rules = await loadRulesetInForce(options, cwd, log);
  const outcome = await lintInputs(inputs, rules, options, plan, cwd, log);
  // Nothing linted: the lines above said why; no report (an empty one would read as "all clean").
  if (outcome.failures > 0 && outcome.linted.length === 0) return EXIT_TOOL_ERROR;
  const results = await applyBaseline(outcome, options, cwd);
  return report(results, outcome, rules, options, plan, cwd, log);
}

/** What the options decide before any file is read: where reports go and which severity fails the run. */
interface LintPlan {
  targets: OutputTarget[];
  failSeverity: number;
  /** --fix or --fix-dry-run on stdin: stdout holds the fixed document, so a report meant for stdout goes to stderr. */
  fixingStdin: boolean;
}

type Log = (line: string) => void;

function verboseLog(options: LintOptions): Log {
  return (line) => {
    if (options.verbose) process.stderr.write(`spectral-webhooks: ${escapeControlCharacters(line)}\n`);
  };
}

/** Step 1: the options alone, checked before anything is read (a usage error answers at once, exit 2). */
function checkOptions(patterns: string[], options: LintOptions, cwd: string): LintPlan {
  const formats: FormatName[] = options.format.length > 0 ? options.format : ['stylish'];
  const targets = planOutputs(formats, options.output, options.outputFor);
  assertReportTargets(targets, cwd);
  const failSeverity = parseSeverity(options.failSeverity);
  if (options.fix && options.fixDryRun) {
    throw new ToolError('--fix writes the fixes and --fix-dry-run only shows them: pass one of them');
  }
  // --fix or --fix-dry-run on stdin: the fixed text is the output (ESLint's `--fix-dry-run --stdin`, for editors).
  const fixingStdin = Boolean(options.fix || options.fixDryRun) && patterns.includes('-');
  if (fixingStdin && patterns.length > 1) {
    throw new ToolError('--fix on stdin (-) prints the fixed document: lint no other file in the same run');
  }
  if (options.stdinFilepath !== undefined && !patterns.includes('-')) {
    throw new ToolError('--stdin-filepath names the document read from stdin: add - to the files (e.g. lint - --stdin-filepath api.yaml)');
  }
  return { targets, failSeverity, fixingStdin };
}

/** Step 2: the files the patterns name (globs, folders, `-`), with the checks that need them. */
async function collectInputs(patterns: string[], options: LintOptions, plan: LintPlan, cwd: string, log: Log): Promise<LintInputs> {
  const ignore = { patterns: options.ignore === false ? [] : (options.ignorePattern ?? []), useFile: options.ignore !== false };
  const inputs = await expandInputs(patterns, cwd, ignore);
  assertReportsSpareInputs(plan.targets, [...inputs.files, ...(options.baseline === undefined ? [] : [options.baseline])], cwd);
  for (const { file, why } of inputs.skipped) log(`skipped ${displayPath(file, cwd)}: ${why}`);
  if (inputs.unmatched.length > 0 && !options.allowEmptyInput) {
    const list = inputs.unmatched.map((pattern) => `"${pattern}"`).join(', ');
    throw new ToolError(`no OpenAPI document matches ${list} (check the pattern, or pass --allow-empty-input)`);
  }
  return inputs;
}

/** What linting (or fixing) the inputs gave. */
interface LintOutcome {
  results: ISpectralDiagnostic[];
  /** Display names of the documents linted. */
  linted: string[];
  /** Paths of the files linted (stdin is not one): the baseline's scope. */
  lintedFiles: string[];
  /** Documents that could not be linted (each had its line on stderr). */
  failures: number;
  /** --fix's one-line summary. */
  fixSummary?: string;
}

/**
 * Step 4: each document in turn, linted, or fixed with --fix/--fix-dry-run. A file that cannot be linted gets its one
 * line at once and the run goes on, so one run names every bad file and still reports the others (exit 2 then).
 */
async function lintInputs(inputs: LintInputs, rules: RulesetInForce, options: LintOptions, plan: LintPlan, cwd: string, log: Log): Promise<LintOutcome> {
  const { NotOpenApiError, parseDocument } = await import('../lint/load-document');
  const { unrecognizedFormat } = await import('../lint/unrecognized-format');
  const { createLinter } = await import('../lint/linter');
  // The one door every document, $ref-ed file and --fix edit goes through (checked reads, the project boundary).
  const { DocumentSource } = await import('../fs/document-source');
  const source = new DocumentSource({ cwd, maxFileSize: options.maxFileSize });
  const linterOptions = { allowRemoteRefs: options.allowRemoteRefs, source, ruleset: rules };
  const linter = createLinter(linterOptions, (_document, how) => log(`  engine: ${how.engine}${how.reason ? ` (${how.reason})` : ''}`));
  const fixer =
    options.fix || options.fixDryRun
      ? (await import('../fix/fix-command')).createFixer({ dryRun: Boolean(options.fixDryRun), linterOptions, out: diffOutput(plan.targets) })
      : undefined;
  const watchdog = longRun(inputs, rules, options) ? startWatchdog(options.maxTime ?? DEFAULT_MAX_TIME_MS) : undefined;
  const outcome: LintOutcome = { results: [], linted: [], lintedFiles: [], failures: 0 };
  const lintOne = async (run: () => Promise<ISpectralDiagnostic[]>, name: string, skippable: boolean, file?: string): Promise<void> => {
    try {
      log(`linting ${name}`);
      watchdog?.working(name);
      outcome.results.push(...(await run()));
      outcome.linted.push(name);
      if (file !== undefined) outcome.lintedFiles.push(file);
    } catch (error) {
      if (error instanceof NotOpenApiError && (options.ignoreUnknownFormat || skippable)) {
        log(`skipped ${name}: ${error.message}`);
        return;
      }
      outcome.failures++;
      process.stderr.write(`spectral-webhooks: ${describeError(error)}\n`);
      if (options.verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
  };
  if (inputs.stdin) {
    const name = options.stdinFilepath ?? '<stdin>';
    const stdinSource = options.stdinFilepath === undefined ? '<stdin>' : resolve(cwd, options.stdinFilepath);
    const fixStdin = async () => {
      const text = await source.readStdin(name);
      // Without --stdin-filepath, JSON is edited as JSON (a YAML edit would break it), anything else as YAML.
      const path = resolve(cwd, options.stdinFilepath ?? (/^\uFEFF?\s*[{[]/.test(text) ? 'stdin.json' : 'stdin.yaml'));
      return fixer!.fixStdin(path, text, name, (fixed) => process.stdout.write(fixed));
    };
    await lintOne(fixer ? fixStdin : async () => linter.lint(parseDocument(await source.readStdin(name), stdinSource, name)), name, false);
  }
  // Files are read a few ahead of the one being linted: with many small specs, waiting on each read in turn left the
  // process idle for a quarter of the run. Linting stays one file at a time, in order. (--fix reads its own files.)
  const reads = new Map<number, Promise<{ text: string } | { error: unknown }>>();
  const readAhead = (index: number, current: number) => {
    const file = inputs.files[index];
    if (fixer || file === undefined || reads.has(index)) return;
    // Only small files are held ahead, so memory stays that of the file being linted.
    if (index !== current && fileSize(file) > READ_AHEAD_MAX_BYTES) return;
    reads.set(
      index,
      source.readDocument(file, displayPath(file, cwd)).then(
        (text) => ({ text }),
        (error: unknown) => ({ error }),
      ),
    );
  };
  for (const [index, file] of inputs.files.entries()) {
    for (let ahead = index; ahead < index + READ_AHEAD; ahead++) readAhead(ahead, index);
    const name = displayPath(file, cwd);
    const read = reads.get(index);
    reads.delete(index);
    const run = fixer
      ? () => fixer.fix(file, name)
      : async () => {
          const outcome = await read!;
          if ('error' in outcome) throw outcome.error;
          const document = await interruptible(() => parseDocument(outcome.text, resolve(file), name));
          return await interruptible(() => linter.lint(document));
        };
    // A glob's match that is not OpenAPI gets spectral lint's unrecognized-format warning (a named file is an error).
    const asSpectral = inputs.fromGlob.has(file) && !options.ignoreUnknownFormat;
    const runOrWarn = asSpectral
      ? () => run().catch(async (error: unknown) => (error instanceof NotOpenApiError ? [await unrecognizedFormat(file, formatNames(rules, file))] : Promise.reject(error)))
      : run;
    await lintOne(runOrWarn, name, inputs.fromDirectory.has(file), file);
  }
  if (fixer) outcome.fixSummary = fixer.summary();
  return outcome;
}

/**
 * Step 5, the baseline (src/baseline): only findings it does not hold are reported and decide the exit status. Its
 * scope is the files that were linted: --update-baseline keeps the entries of a file that could not be.
 */
async function applyBaseline(outcome: LintOutcome, options: LintOptions, cwd: string): Promise<ISpectralDiagnostic[]> {
  const { applyBaselineOptions } = await import('../baseline/run');
  const { results, notes } = await applyBaselineOptions(outcome.results, outcome.lintedFiles, options, cwd);
  for (const note of notes) process.stderr.write(`${escapeControlCharacters(note)}\n`);
  return results;
}

/** Step 6: the reports, in every format asked for, the closing lines on stderr, and the exit status. */
async function report(results: ISpectralDiagnostic[], outcome: LintOutcome, rules: RulesetInForce, options: LintOptions, plan: LintPlan, cwd: string, log: Log): Promise<number> {
  const { failSeverity } = plan;
  const warnings = results.filter((result) => result.severity === WARNING).length;
  const failed = results.some((result) => result.severity <= failSeverity);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const shown = options.displayOnlyFailures ? results.filter((result) => result.severity <= failSeverity) : results;
  const filesLinted = outcome.linted.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('../../../package.json') as { version: string };
  await letPendingSignalsIn(); // a run cancelled while it linted writes no report
  for (const target of plan.targets) {
    const text = render(target.format, {
      results: shown,
      ruleset: rules.formatterRuleset(),
      failSeverity: failSeverity as DiagnosticSeverity,
      version,
      cwd,
      toStdout: target.file === undefined,
      quiet: options.quiet,
      filesLinted,
      showDocumentationUrl: options.showDocumentationUrl,
    });
    if (target.file === undefined) {
      // With --fix on stdin, stdout holds the fixed document: the report goes to stderr.
      const out = plan.fixingStdin ? process.stderr : process.stdout;
      await new Promise<void>((done) => out.write(text, () => done()));
    } else {
      await writeReport(resolve(cwd, target.file), text);
      log(`wrote ${target.format} report to ${target.file}`);
    }
  }
  if (outcome.fixSummary !== undefined) process.stderr.write(`${outcome.fixSummary}\n`);
  if (tooManyWarnings) {
    process.stderr.write(`spectral-webhooks: too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
  }
  if (outcome.failures > 0) {
    const { failures } = outcome;
    process.stderr.write(`spectral-webhooks: ${failures} of ${failures + filesLinted} files could not be linted (see above); the report covers the other ${filesLinted}\n`);
    return EXIT_TOOL_ERROR;
  }
  return failed || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The names of the document formats the rules in force for `file` apply to, as Spectral lists them. */
function formatNames(rules: RulesetInForce, file: string): string[] {
  // Once each: our rules and an extended Spectral ruleset may hold the same format from two copies of spectral-formats.
  return [...new Set([...rules.spectralRuleset().fromSource(file).formats].map((format) => format.displayName ?? format.name))];
}

/** Whether this run may take long enough to need the watchdog (src/cli/watchdog.ts), which costs ~30 ms to start. */
function longRun(inputs: LintInputs, rules: RulesetInForce, options: LintOptions): boolean {
  if (options.maxTime !== undefined || options.fix || options.fixDryRun || inputs.stdin) return true;
  if (typeof rules.compiled === 'string') return true; // Spectral's engine: custom rules, custom patterns
  return inputs.files.some((file) => fileSize(file) > READ_AHEAD_MAX_BYTES);
}

function parseMaxTime(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError(`"${value}" is not a duration (use e.g. 90s, 5m or 500ms)`);
  return ms;
}

/**
 * Where --fix-dry-run's diffs go: stdout, unless stdout carries a report that is not plain terminal text (`-f json`
 * with no `-o`), which the diffs would make unparsable; then stderr.
 */
function diffOutput(targets: OutputTarget[]): ((text: string) => void) | undefined {
  const onStdout = targets.find((target) => target.file === undefined);
  if (onStdout === undefined || TERMINAL_TEXT_FORMATS.has(onStdout.format)) return undefined;
  return (text) => void process.stderr.write(text);
}
