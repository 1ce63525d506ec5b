import { Command, Option } from 'commander';
import { ruleCatalog } from './rule-catalog';

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list every rule: id, default severity, whether --fix repairs it, what it reports, docs link')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      `
Examples:
  $ spectral-webhooks rules
  $ spectral-webhooks rules --format json | jq -r '.[] | select(.fixable) | .id'
`,
    )
    .action((options: { format: 'table' | 'json' }) => {
      const rules = ruleCatalog();
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const rows = [
        ['id', 'severity', 'fixable', 'description', 'docs'],
        ...rules.map((rule) => [rule.id, rule.severity, rule.fixable ? 'yes' : 'no', rule.description, rule.documentationUrl]),
      ];
      const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
      const lines = rows.map((row) =>
        row
          .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
          .join('  ')
          .trimEnd(),
      );
      process.stdout.write(`${lines.join('\n')}\n\nRead a rule's page offline: spectral-webhooks explain <id>\n`);
    });
}
