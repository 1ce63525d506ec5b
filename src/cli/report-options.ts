import { Command, InvalidArgumentError, Option } from 'commander';
import { OUTPUT_FOR_OPTION } from './lint-command';
import { FORMAT_NAMES, type FormatName } from './output';
import { SEVERITY_NAMES } from './severity';

/** The lint's report options (-f, -o, -o.<format>, -F, -q), for commands that report findings in the lint's formats. */
export function addReportOptions(command: Command): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', `output format, repeatable: ${FORMAT_NAMES.join(', ')} (default: stylish)`)
        .argParser((value: string, previous: FormatName[]) => {
          if (!(FORMAT_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
          return [...previous, value as FormatName];
        })
        .default([], ''),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout (several formats: -o.<format> <file> each)')
    .addOption(
      new Option(`${OUTPUT_FOR_OPTION} <format=file>`)
        .hideHelp()
        .argParser((value: string, previous: Record<string, string>) => {
          const at = value.indexOf('=');
          if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('use -o.<format> <file>, e.g. -o.sarif report.sarif');
          return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
        })
        .default({}, ''),
    )
    .addOption(new Option('-F, --fail-severity <severity>', 'lowest severity that fails the run (exit 1)').choices([...SEVERITY_NAMES]).default('error'))
    .option('-q, --quiet', 'print findings only: no summary, no docs links, no "all kept" line', false);
}
