import { packageRuleset } from '../config/package-ruleset';

/**
 * The rules of this package that `lint --fix` can repair: those whose rule module gives a fix (`extensions.fix`).
 * Derived, so a new fixable rule needs no edit here; `rules` shows it, the summary counts it.
 */
export const FIXABLE_RULES: ReadonlySet<string> = new Set(
  Object.entries((packageRuleset() as { rules: Record<string, { extensions?: { fix?: unknown } }> }).rules)
    .filter(([, rule]) => typeof rule.extensions?.fix === 'function')
    .map(([id]) => id),
);
