import type { RulesetDefinition } from '@stoplight/spectral-core';
import bundledRuleset from '../../rules';
import standardWebhooksProfile from '../../rules/profiles/standard-webhooks';

/** The package's own ruleset (rules/index.ts): the definition every other ruleset here is layered over. */
export function packageRuleset(): RulesetDefinition {
  return bundledRuleset as RulesetDefinition;
}

/** The profiles of this package (`--profile <name>`, `extends: spectral-webhooks/<name>`), by name. */
export const PROFILES: Readonly<Record<string, () => RulesetDefinition>> = {
  'standard-webhooks': () => standardWebhooksProfile as RulesetDefinition,
};
