import { displayPath } from '../display-path';
import { Command, Option } from 'commander';
import { ruleCatalog } from './rule-catalog';

export function rulesCommand(): Command {
  return new Command('rules')
    .description('list every rule: id, default severity, severity in force here (after the config), whether --fix repairs it, what it reports, docs link')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-r, --ruleset <file>', 'show the severities this Spectral ruleset gives (default: the .spectral.* lint would use)')
    .option('--no-config', 'ignore any .spectral.* ruleset found in cwd or its parents')
    .addOption(new Option('--profile <profile>', 'as lint --profile: show the severities with this opt-in profile added').choices(['standard-webhooks']))
    .option('--allow-remote-refs', 'fetch rulesets a config extends by URL (off by default: no network unless asked)')
    .addHelpText(
      'after',
      `
Examples:
  $ spectral-webhooks rules
  $ spectral-webhooks rules --format json | jq -r '.[] | select(.fixable) | .id'
  $ spectral-webhooks rules --no-config
  $ spectral-webhooks rules --profile standard-webhooks
`,
    )
    .action(async (options: { format: 'table' | 'json'; ruleset?: string; config: boolean; profile?: string; allowRemoteRefs?: boolean }) => {
      const { loadRulesetInForce } = await import('../config/ruleset-in-force');
      const inForce = await loadRulesetInForce(options, process.cwd());
      const severities = inForce.severities();
      const rules = ruleCatalog().map((rule) => ({ ...rule, inForce: severities.get(rule.id) ?? 'off' }));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const rows = [
        ['id', 'severity', 'in force', 'fixable', 'description', 'docs'],
        ...rules.map((rule) => [rule.id, rule.severity, rule.inForce, rule.fixable ? 'yes' : 'no', rule.description, rule.documentationUrl]),
      ];
      const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
      const lines = rows.map((row) =>
        row
          .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
          .join('  ')
          .trimEnd(),
      );
      const profile = options.profile === undefined ? '' : ` and --profile ${options.profile}`;
      const where = `${inForce.configFile === undefined ? 'no config: the rules as they ship' : `with ${displayPath(inForce.configFile, process.cwd())}`}${profile}`;
      process.stdout.write(`${lines.join('\n')}\n\n"in force": what lint reports each rule at here (${where}).\nRead a rule's page offline: spectral-webhooks explain <id>\n`);
    });
}
