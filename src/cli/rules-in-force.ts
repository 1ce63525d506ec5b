import type { RulesetDefinition } from '@stoplight/spectral-core';
import { isRulesetInstance, loadUserConfig } from '../config/load-config';
import { compileRules } from '../engine/engine';
import { SEVERITY_NAMES } from './severity';

export interface RulesInForce {
  /** Rule id → the severity `lint` reports it at, or `off`. */
  severities: Map<string, string>;
  /** The config file they come from; undefined: the bundled ruleset as it is. */
  configFile?: string;
}

/**
 * What `lint` would run in `cwd` with the same options: each rule's severity after the config (found as `lint` finds
 * it, or given with -r) turns rules on, off or changes them. A config only extending our rulesets is read directly;
 * any other is loaded as `lint` loads it (Spectral's loader), so both commands agree.
 */
export async function rulesInForce(options: { ruleset?: string; config: boolean }, cwd: string): Promise<RulesInForce> {
  const config = await loadUserConfig(options, cwd);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const definition = config?.ruleset ?? (require('../../rules') as RulesetDefinition);
  if (isRulesetInstance(definition)) {
    const severities = new Map(Object.values(definition.rules).map((rule) => [rule.name, rule.enabled ? nameOf(rule.severity) : 'off']));
    return { severities, configFile: config?.file };
  }
  const compiled = compileRules(definition as Parameters<typeof compileRules>[0]);
  // Our definitions always compile; a string says why not (a bug here, not a user error).
  if (typeof compiled === 'string') throw new Error(`cannot read the ruleset: ${compiled}`);
  return { severities: new Map(compiled.map((rule) => [rule.name, nameOf(rule.severity)])), configFile: config?.file };
}

function nameOf(severity: number): string {
  return SEVERITY_NAMES[severity] ?? (severity === -1 ? 'off' : String(severity));
}
