import { Command, Option } from 'commander';
import { json, stylish, type Formatter } from '@stoplight/spectral-formatters';
import type { ISpectralDiagnostic, RulesetDefinition } from '@stoplight/spectral-core';
import { applyBaselineOptions, type BaselineCliOptions } from '../baseline/run';
import { ToolError } from '../errors';
import { loadDocument } from '../lint/load-document';
import { createLinter, type LinterOptions } from '../lint/linter';
import standardWebhooks from '../../rules/profiles/standard-webhooks';
import { createFixer } from '../fix/fix-command';
import { parseSeverity, SEVERITY_NAMES } from './severity';

const FORMATTERS: Record<string, Formatter> = { stylish, json };

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TOOL_ERROR = 2;

interface LintOptions extends BaselineCliOptions {
  format: string;
  failSeverity: string;
  allowRemoteRefs: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  profile?: string;
}

export function lintCommand(): Command {
  return new Command('lint')
    .description('lint OpenAPI documents against the webhook guideline')
    .argument('<files...>', 'OpenAPI documents (YAML or JSON)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATTERS)).default('stylish'))
    .addOption(new Option('-F, --fail-severity <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITY_NAMES]).default('error'))
    .option('--allow-remote-refs', 'fetch $refs over http(s) (off: a lint run never touches the network)', false)
    .option('--baseline <file>', 'report and fail only on findings this baseline file does not hold')
    .option('--update-baseline', 'write the baseline (--baseline file, default .spectral-webhooks-baseline.json) from the current findings')
    .option('--fix', 'repair what the fixable rules report (see `rules`), write the files, then report what remains')
    .option('--fix-dry-run', 'like --fix, but print a unified diff per file and write nothing')
    .addOption(new Option('--profile <profile>', 'add an opt-in profile to the ruleset (standard-webhooks: Standard Webhooks v1 headers and envelope)').choices(['standard-webhooks']))
    .addHelpText('after', '\nExamples:\n  $ spectral-webhooks lint openapi.yaml\n  $ spectral-webhooks lint -f json -F warn specs/api.yaml specs/events.json\n  $ spectral-webhooks lint --fix-dry-run openapi.yaml   # show the fixes as a diff\n  $ spectral-webhooks lint --fix openapi.yaml           # apply them\n')
    .action(async (files: string[], options: LintOptions) => {
      process.exitCode = await runLint(files, options);
    });
}

async function runLint(files: string[], options: LintOptions): Promise<number> {
  const linterOptions: LinterOptions = { allowRemoteRefs: options.allowRemoteRefs, ...profileRuleset(options.profile) };
  const linter = createLinter(linterOptions);
  const allResults: ISpectralDiagnostic[] = [];
  const fixer = options.fix || options.fixDryRun ? createFixer({ dryRun: Boolean(options.fixDryRun), linterOptions }) : undefined;
  for (const file of files) {
    if (fixer) {
      allResults.push(...(await fixer.fix(file)));
      continue;
    }
    const document = await loadDocument(file);
    allResults.push(...(await linter.lint(document)));
  }
  const { results, notes } = await applyBaselineOptions(allResults, files, options);
  for (const note of notes) process.stderr.write(note + '\n');
  const failSeverity = parseSeverity(options.failSeverity);
  const formatter = FORMATTERS[options.format] as Formatter;
  const output = formatter(results, { failSeverity });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  if (fixer) process.stderr.write(`${fixer.summary()}\n`);
  return results.some((result) => result.severity <= failSeverity) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A profile's ruleset: the bundled one plus the profile's rules (so linted by Spectral, not the fast engine). */
function profileRuleset(profile: string | undefined): Pick<LinterOptions, 'ruleset'> {
  return profile === 'standard-webhooks' ? { ruleset: standardWebhooks as RulesetDefinition } : {};
}

export { ToolError };
