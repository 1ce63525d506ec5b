import type { RuleDefinition } from '@stoplight/spectral-core';

/**
 * The rules of this package, by id, for `webhook-lint-ignore` (an id it knows; a check it can re-run).
 *
 * The ruleset modules register their rules here when they load, rather than the function importing `rules/index`:
 * that import would be a cycle (the ruleset imports the function), and a lazy `require` inside the function breaks
 * when Spectral's CLI bundles the ruleset with rollup. A module both sides import, with no imports of its own, is
 * loaded once in Node and in a bundle alike.
 */
const known = new Map<string, RuleDefinition>();

export function registerRules(rules: Record<string, RuleDefinition | unknown>): void {
  for (const [id, definition] of Object.entries(rules)) {
    if (typeof definition === 'object' && definition !== null) known.set(id, definition as RuleDefinition);
  }
}

export function knownRule(id: string): RuleDefinition | undefined {
  return known.get(id);
}

export function knownRuleIds(): string[] {
  return [...known.keys()];
}
