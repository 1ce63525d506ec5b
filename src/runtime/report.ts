import { resolve } from 'node:path';
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import { assertReportsSpareInputs, assertReportTargets, planOutputs, render, writeReport, type FormatName, type OutputTarget } from '../cli/output';
import { parseSeverity } from '../cli/severity';
import { runtimeRulesetInfo, type RuntimeCheck } from './checks';

export interface ReportOptions {
  format: FormatName[];
  output?: string;
  outputFor: Record<string, string>;
  failSeverity: string;
  quiet: boolean;
}

/**
 * The lint's output plumbing (formats, `-o`, `-o.<format>`), checked before any request is sent: the same refusals
 * as lint (a missing folder, a device, the description itself as the report file).
 */
export function planReport(options: ReportOptions, inputs: readonly string[], cwd: string): OutputTarget[] {
  const targets = planOutputs(options.format.length > 0 ? options.format : ['stylish'], options.output, options.outputFor);
  assertReportTargets(targets, cwd);
  assertReportsSpareInputs(targets, inputs, cwd);
  parseSeverity(options.failSeverity);
  return targets;
}

/**
 * Writes the findings in every planned format and returns the exit status, as lint does: 1 when a finding is at or
 * above --fail-severity, else 0. `clean` replaces stylish's "No problems found in 1 file." for a run with no finding.
 */
export async function writeRuntimeReport(
  results: ISpectralDiagnostic[],
  checks: readonly RuntimeCheck[],
  targets: OutputTarget[],
  options: ReportOptions,
  cwd: string,
  clean: string,
): Promise<number> {
  const failSeverity = parseSeverity(options.failSeverity);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('../../../package.json') as { version: string };
  for (const target of targets) {
    let text: string;
    if (results.length === 0 && target.format === 'stylish') {
      text = options.quiet ? '' : `${clean}\n`;
    } else {
      text = render(target.format, {
        results,
        ruleset: runtimeRulesetInfo(checks) as unknown as Ruleset,
        failSeverity,
        version,
        cwd,
        toStdout: target.file === undefined,
        quiet: options.quiet,
        filesLinted: 1,
      });
    }
    if (target.file === undefined) await new Promise<void>((done) => process.stdout.write(text, () => done()));
    else await writeReport(resolve(cwd, target.file), text);
  }
  return results.some((result) => result.severity <= failSeverity) ? 1 : 0;
}
