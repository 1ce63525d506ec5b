import { isObject, ownValue } from './json';

/** The extension that suppresses findings in the spec itself; vacuum's name and shape, so specs stay portable. */
export const LINT_IGNORE_KEY = 'x-lint-ignore';

/**
 * Rule ids an `x-lint-ignore` value names, with the reason where one is given:
 * `x-lint-ignore: webhook-method-post`, a list of ids, or a map `{ webhook-method-post: "Meta requires a GET handshake" }`.
 * Anything else names nothing.
 */
export function ignoredRules(node: unknown): Map<string, string | undefined> {
  const ignored = new Map<string, string | undefined>();
  if (!isObject(node)) return ignored;
  const value = ownValue(node, LINT_IGNORE_KEY);
  if (typeof value === 'string') {
    ignored.set(value, undefined);
  } else if (Array.isArray(value)) {
    for (const id of value) if (typeof id === 'string') ignored.set(id, undefined);
  } else if (isObject(value)) {
    for (const id of Object.keys(value)) {
      const reason = value[id];
      ignored.set(id, typeof reason === 'string' ? reason : undefined);
    }
  }
  return ignored;
}

/** True when any of the nodes (root, path item, operation, ...) suppresses the rule. */
export function isIgnored(ruleId: string, ...nodes: unknown[]): boolean {
  return nodes.some((node) => ignoredRules(node).has(ruleId));
}
