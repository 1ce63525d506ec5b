/**
 * The rules `lint --fix` can repair mechanically. The one list the CLI reads: `rules` shows it, `--fix` uses it.
 * The others need a human decision (which secret, which method, which producer name).
 */
export const FIXABLE_RULES: ReadonlySet<string> = new Set(['webhook-path-prefix', 'webhook-path-kebab-case', 'webhook-x-internal', 'webhook-https']);
