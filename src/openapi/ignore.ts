import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from './json';
import { HTTP_METHODS } from './operations';
import { webhookOperations } from './webhook-operations';

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

/** One rule id named by an `x-lint-ignore`, and where in the document it is named. */
export interface IgnoreEntry {
  ruleId: string;
  reason?: string;
  /** JSON path of the id: the `x-lint-ignore` value itself, a list item, or a map key. */
  jsonPath: JsonPath;
}

export interface IgnoreProblem {
  jsonPath: JsonPath;
  /** What is wrong, for a message: `a number`, `an empty list`, ... */
  problem: string;
}

/**
 * A strict reading of one `x-lint-ignore` value (`ignoredRules` is the lenient one rules use): the ids it names and,
 * separately, each part that is malformed, so a linter can point at exactly the bad item.
 */
export function parseLintIgnore(value: unknown, jsonPath: JsonPath): { entries: IgnoreEntry[]; problems: IgnoreProblem[] } {
  const entries: IgnoreEntry[] = [];
  const problems: IgnoreProblem[] = [];
  const id = (candidate: unknown, at: JsonPath, reason?: string) => {
    if (typeof candidate === 'string' && candidate.trim() !== '') entries.push(reason === undefined ? { ruleId: candidate, jsonPath: at } : { ruleId: candidate, reason, jsonPath: at });
    else problems.push({ jsonPath: at, problem: typeof candidate === 'string' ? 'an empty rule id' : describeValue(candidate) });
  };
  if (typeof value === 'string') {
    id(value, jsonPath);
  } else if (Array.isArray(value)) {
    if (value.length === 0) problems.push({ jsonPath, problem: 'an empty list' });
    value.forEach((item, index) => id(item, [...jsonPath, index]));
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) problems.push({ jsonPath, problem: 'an empty map' });
    for (const key of keys) {
      const reason = value[key];
      if (typeof reason === 'string' && reason.trim() !== '') id(key, [...jsonPath, key], reason);
      else problems.push({ jsonPath: [...jsonPath, key], problem: `${describeValue(reason)} as the reason for "${key}" (a reason is a non-empty string)` });
    }
  } else {
    problems.push({ jsonPath, problem: describeValue(value) });
  }
  return { entries, problems };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value === 'object' ? 'object' : typeof value}`;
}

export type IgnoreLevel = 'document' | 'path item' | 'operation';

/** A node where the rules of this ruleset honour `x-lint-ignore`, with the nodes above it whose ignore covers it too. */
export interface IgnoreSite {
  level: IgnoreLevel;
  node: JsonObject;
  jsonPath: JsonPath;
  /** The root, and for an operation its path item: an ignore there already covers this node. */
  ancestors: Array<{ level: IgnoreLevel; node: JsonObject; jsonPath: JsonPath }>;
}

/**
 * Every node whose `x-lint-ignore` some rule reads: the root, each path item and operation under `paths`, and each
 * webhook and callback path item and operation (`webhookOperations` walks those). Each node once.
 */
export function ignoreSites(root: unknown): IgnoreSite[] {
  if (!isObject(root)) return [];
  const sites: IgnoreSite[] = [];
  const seen = new Set<JsonObject>();
  const rootSite = { level: 'document' as const, node: root, jsonPath: [] as JsonPath };
  const add = (site: IgnoreSite) => {
    if (seen.has(site.node)) return;
    seen.add(site.node);
    sites.push(site);
  };
  add({ ...rootSite, ancestors: [] });
  const pathItem = (node: JsonObject, jsonPath: JsonPath, operations: Array<{ node: JsonObject; jsonPath: JsonPath }>) => {
    const itemSite = { level: 'path item' as const, node, jsonPath };
    add({ ...itemSite, ancestors: [rootSite] });
    for (const operation of operations) add({ level: 'operation', ...operation, ancestors: [rootSite, itemSite] });
  };
  const paths = ownValue(root, 'paths');
  if (isObject(paths)) {
    for (const [pathKey, node] of ownEntries(paths)) {
      if (!isObject(node)) continue;
      const operations = HTTP_METHODS.flatMap((method) => {
        const operation = ownValue(node, method);
        return isObject(operation) ? [{ node: operation, jsonPath: ['paths', pathKey, method] }] : [];
      });
      pathItem(node, ['paths', pathKey], operations);
    }
  }
  const byPathItem = new Map<JsonObject, { jsonPath: JsonPath; operations: Array<{ node: JsonObject; jsonPath: JsonPath }> }>();
  for (const item of webhookOperations(root)) {
    const entry = byPathItem.get(item.pathItem) ?? { jsonPath: item.pathItemPath, operations: [] };
    entry.operations.push({ node: item.operation, jsonPath: item.jsonPath });
    byPathItem.set(item.pathItem, entry);
  }
  for (const [node, { jsonPath, operations }] of byPathItem) pathItem(node, jsonPath, operations);
  return sites;
}
