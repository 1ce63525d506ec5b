import { relative, resolve } from 'node:path';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { findConfigFile, loadConfigRuleset, loadSimpleConfig } from '../config/load-config';
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
  const configFile = options.ruleset !== undefined ? resolve(cwd, options.ruleset) : options.config ? findConfigFile(cwd) : undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let definition = require('../../rules') as RulesetDefinition;
  if (configFile !== undefined) {
    const simple = loadSimpleConfig(configFile);
    if (simple === undefined) {
      // Named in errors as `lint` names it: relative to cwd when inside it.
      const shown = relative(cwd, configFile);
      const ruleset = await loadConfigRuleset(options.ruleset ?? (shown === '' || shown.startsWith('..') ? configFile : shown));
      const severities = new Map(Object.values(ruleset.rules).map((rule) => [rule.name, rule.enabled ? nameOf(rule.severity) : 'off']));
      return { severities, configFile };
    }
    definition = simple;
  }
  const compiled = compileRules(definition as Parameters<typeof compileRules>[0]);
  // Our definitions always compile; a string says why not (a bug here, not a user error).
  if (typeof compiled === 'string') throw new Error(`cannot read the ruleset: ${compiled}`);
  return { severities: new Map(compiled.map((rule) => [rule.name, nameOf(rule.severity)])), configFile };
}

function nameOf(severity: number): string {
  return SEVERITY_NAMES[severity] ?? (severity === -1 ? 'off' : String(severity));
}
