import { resolve } from 'node:path';
import { displayPath } from '../display-path';
import { ToolError } from '../errors';
import type { LintOptions } from './lint-command';
import { isRulesetInstance } from '../config/load-config';
import { loadRulesetInForce } from '../config/ruleset-in-force';
import { ruleCatalog } from './rule-catalog';

/**
 * `lint --print-config <file>` (ESLint's habit): the config lint would use for that file and every rule's severity
 * in force there (after the config, its overrides for the file, and --profile), as JSON on stdout. Lints nothing.
 */
export async function printConfig(files: string[], options: LintOptions, cwd = process.cwd()): Promise<number> {
  if (files.length !== 1 || files[0] === '-') throw new ToolError('--print-config takes one file: the config is printed as it applies to that file');
  const file = resolve(cwd, files[0]!);
  const inForce = await loadRulesetInForce(options, cwd);
  const severities = severitiesFor(inForce.ruleset, file) ?? inForce.severities();
  // Every rule of ours is listed, `off` when nothing turns it on (as `spectral-webhooks rules` shows it).
  for (const { id } of ruleCatalog()) if (!severities.has(id)) severities.set(id, 'off');
  const rules = Object.fromEntries([...severities].sort(([a], [b]) => a.localeCompare(b)));
  const config = {
    file: displayPath(file, cwd),
    config: inForce.configFile === undefined ? null : displayPath(inForce.configFile, cwd),
    profile: options.profile ?? null,
    rules,
  };
  process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
  return 0;
}

const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'];

/** A config's `overrides` apply per file (only configs Spectral's loader reads have them): the rules as they are for it. */
function severitiesFor(ruleset: Parameters<typeof isRulesetInstance>[0], file: string): Map<string, string> | undefined {
  if (!isRulesetInstance(ruleset)) return undefined;
  const rules = Object.values(ruleset.fromSource(file).rules);
  return new Map(rules.map((rule) => [rule.name, rule.enabled ? (SEVERITY_NAMES[rule.severity] ?? String(rule.severity)) : 'off']));
}
