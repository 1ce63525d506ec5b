import type { Ruleset, RulesetDefinition } from '@stoplight/spectral-core';
import { displayPath } from '../display-path';
import { ToolError } from '../errors';
import { compileRules, type EngineRule } from '../engine/engine';
import type { RuleFix } from '../functions/fix-api';
import { isRulesetInstance, loadUserConfig } from './load-config';
import { packageRuleset, PROFILES } from './package-ruleset';

export { packageRuleset };

/** What decides the rules: the config (`-r`, or the `.spectral.*` found, unless `--no-config`) and `--profile`. */
export interface RulesetChoice {
  /** `-r, --ruleset <file>`. */
  ruleset?: string;
  /** false with `--no-config`. */
  config: boolean;
  /** `--profile <name>` (`standard-webhooks`). */
  profile?: string;
  /** `--allow-remote-refs`: a config may extend URLs. */
  allowRemoteRefs?: boolean;
}

const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;

/**
 * The ruleset every command runs with, worked out in this one place from the config, `-r`, `--profile` and the
 * package's own ruleset: what the linter runs (a plain definition the fast engine compiles, or the Ruleset Spectral's
 * loader built), the compiled rules, the severities in force, each rule's function options, and the rule metadata the
 * formatters read. `lint`, `rules` and `--fix` all read it from here.
 */
export class RulesetInForce {
  private compiledRules: EngineRule[] | string | undefined;
  private spectralRulesetCache: Ruleset | undefined;

  constructor(
    /** A definition (ours, or a config read directly layered over ours) or a Ruleset from Spectral's loader. */
    readonly ruleset: RulesetDefinition | Ruleset,
    /** The config file the rules come from; undefined: the package's own ruleset (and profile). */
    readonly configFile?: string,
  ) {}

  /** The enabled rules compiled for the fast engine, or why it cannot run them (Spectral then does). */
  get compiled(): EngineRule[] | string {
    this.compiledRules ??= isRulesetInstance(this.ruleset)
      ? "the config needs Spectral's own loader (overrides, aliases, other rulesets or custom rules)"
      : compileRules(this.ruleset as Parameters<typeof compileRules>[0]);
    return this.compiledRules;
  }

  /** Spectral's Ruleset for these rules (built on first use: spectral-core is loaded only when Spectral runs). */
  spectralRuleset(): Ruleset {
    if (isRulesetInstance(this.ruleset)) return this.ruleset;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Ruleset } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
    this.spectralRulesetCache ??= new Ruleset(this.ruleset, { severity: 'recommended' });
    return this.spectralRulesetCache;
  }

  /** Rule id → the severity `lint` reports it at (`error`, `warn`, `info`, `hint`); a rule not listed is off. */
  severities(): Map<string, string> {
    const compiled = this.compiled;
    if (typeof compiled !== 'string') return new Map(compiled.map((rule) => [rule.name, severityName(rule.severity)]));
    return new Map(
      Object.values(this.spectralRuleset().rules)
        .filter((rule) => rule.enabled)
        .map((rule) => [rule.name, severityName(rule.severity)]),
    );
  }

  /**
   * The options the rules in force give a rule's function (its first `then`), e.g. webhook-path-prefix's words;
   * undefined for a rule that is off or has none.
   */
  functionOptions(ruleId: string): unknown {
    const compiled = this.compiled;
    if (typeof compiled !== 'string') return compiled.find((candidate) => candidate.name === ruleId)?.options ?? undefined;
    return this.spectralRuleset().rules[ruleId]?.then[0]?.functionOptions;
  }

  /**
   * A rule's fix (its `extensions.fix`, exported beside the rule, src/functions/fix-api.ts), as the ruleset in force
   * has the rule; undefined for a rule that is off or has none.
   */
  fix(ruleId: string): RuleFix | undefined {
    const compiled = this.compiled;
    const extensions = typeof compiled !== 'string' ? compiled.find((candidate) => candidate.name === ruleId)?.extensions : this.spectralRuleset().rules[ruleId]?.extensions;
    const fix = extensions?.fix;
    return typeof fix === 'function' ? (fix as RuleFix) : undefined;
  }

  /**
   * What the formatters read from a ruleset (names, descriptions, docs links). For a definition, read from it and
   * the definitions it extends, without compiling ours again; a ruleset-level documentationUrl gives `url#rule-id`
   * as in Spectral.
   */
  formatterRuleset(): Ruleset {
    if (isRulesetInstance(this.ruleset)) return this.ruleset;
    type RuleInfo = { description?: string; documentationUrl?: string };
    const info: Record<string, { name: string } & RuleInfo> = {};
    const collect = (current: RulesetDefinition): void => {
      const raw = (current as { extends?: unknown }).extends;
      for (const item of raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) collect((Array.isArray(item) ? item[0] : item) as RulesetDefinition);
      const { rules = {}, documentationUrl } = current as { rules?: Record<string, RuleInfo | string | boolean>; documentationUrl?: string };
      for (const [name, rule] of Object.entries(rules)) {
        if (typeof rule !== 'object') continue;
        const docs = rule.documentationUrl ?? (documentationUrl === undefined ? undefined : `${documentationUrl}#${name}`);
        info[name] = { name, description: rule.description, documentationUrl: docs };
      }
    };
    collect(this.ruleset);
    return { rules: info, definition: this.ruleset } as unknown as Ruleset;
  }
}

/**
 * The rules in force in `cwd` for these options: the config (read directly when it only extends our rulesets, else
 * through Spectral's loader) or, with none, the package's ruleset; `--profile` adds the profile's rules, under the
 * config's own `rules`, which keep the last word. A config only Spectral's loader can read cannot take a profile.
 */
export async function loadRulesetInForce(choice: RulesetChoice, cwd: string, log: (line: string) => void = () => undefined): Promise<RulesetInForce> {
  const config = await loadUserConfig(choice, cwd);
  const profile = choice.profile === undefined ? undefined : profileRuleset(choice.profile);
  if (config === undefined) {
    log(choice.ruleset === undefined && !choice.config ? '--no-config: using the webhook rules as they are' : 'no .spectral.* ruleset found: using the webhook rules as they are');
    return new RulesetInForce(profile ?? packageRuleset());
  }
  log(`ruleset ${displayPath(config.file, cwd)} layered over the webhook rules`);
  if (profile === undefined) return new RulesetInForce(config.ruleset, config.file);
  // A Ruleset Spectral's loader built cannot take more rules; a config read directly (a definition) can.
  if (isRulesetInstance(config.ruleset)) {
    throw new ToolError(`--profile cannot be combined with this config ruleset (extend spectral-webhooks/${choice.profile} in the config instead, or pass --no-config)`);
  }
  const configRules = (config.ruleset as { rules?: Record<string, unknown> }).rules ?? {};
  const profileRules = (profile as { rules?: Record<string, unknown> }).rules ?? {};
  return new RulesetInForce({ ...config.ruleset, rules: { ...profileRules, ...configRules } } as RulesetDefinition, config.file);
}

function profileRuleset(name: string): RulesetDefinition {
  const load = Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name] : undefined;
  if (!load) throw new ToolError(`unknown profile "${name}" (profiles: ${Object.keys(PROFILES).join(', ')})`);
  return load();
}

function severityName(severity: number): string {
  return SEVERITY_NAMES[severity] ?? (severity === -1 ? 'off' : String(severity));
}
