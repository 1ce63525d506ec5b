import { Command, InvalidArgumentError, Option } from 'commander';
import { OUTPUT_FOR_OPTION } from './lint-command';
import { FORMAT_NAMES, type FormatName } from './output';
import { SEVERITY_NAMES } from './severity';

/**
 * The lint's report options (-f, -o, -o.<format>, -F, -q), for commands that report findings in the lint's formats.
 * Repeatable options start undefined (no "(default: [])" in the help): read them through withReportDefaults().
 */
export function addReportOptions(command: Command, defaultFormat = 'stylish'): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', `output format, repeatable: ${FORMAT_NAMES.join(', ')} (default: ${defaultFormat})`)
        .argParser((value: string, previous: FormatName[] = []) => {
          if (!(FORMAT_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
          return [...previous, value as FormatName];
        }),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout (several formats: -o.<format> <file> each)')
    .addOption(
      new Option(`${OUTPUT_FOR_OPTION} <format=file>`)
        .hideHelp()
        .argParser((value: string, previous: Record<string, string> = {}) => {
          const at = value.indexOf('=');
          if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('use -o.<format> <file>, e.g. -o.sarif report.sarif');
          return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
        }),
    )
    .addOption(new Option('-F, --fail-severity <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITY_NAMES]).default('error'))
    .option('-q, --quiet', 'print findings only: no summary, no docs links, no "all kept" line', false);
}

/** The report options as the runtime commands read them, with the repeatable ones defaulted. */
export function withReportDefaults<T extends { format?: FormatName[]; outputFor?: Record<string, string>; secret?: unknown[] }>(options: T): T & { format: FormatName[]; outputFor: Record<string, string> } {
  return { ...options, format: options.format ?? [], outputFor: options.outputFor ?? {}, secret: options.secret ?? [] };
}
