import { isObject, ownValue, type JsonObject, type JsonPath } from './json';

/**
 * Following a local `$ref` (`#/components/...`) that is still in the data a rule sees.
 *
 * Spectral hands `resolved: true` rules a dereferenced document, except where a `$ref` is circular: there the
 * `$ref` object stays. A resolver that does not dereference (for speed) leaves every `$ref`. Walkers call `deref`
 * on each node they step into so both cases read the same, and carry a visited set so cycles end.
 * Remote refs (`other.yaml#/...`) are left alone: only the resolver can read other files.
 */

/** `#/components/pathItems/a~1b` → `['components', 'pathItems', 'a/b']`; undefined for a ref that is not local. */
export function localRefPath(ref: string): JsonPath | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // a stray % is kept as written
      }
      return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (Array.isArray(node) && /^\d+$/.test(String(segment))) node = node[Number(segment)];
    else if (isObject(node)) node = ownValue(node, String(segment));
    else return undefined;
  }
  return node;
}

export interface Dereferenced {
  value: unknown;
  /** JSON path of the value: the last `$ref` target followed, or the path given when there was no `$ref`. */
  jsonPath: JsonPath;
}

/** Follows local `$ref`s from `node` (at `jsonPath`) until a node that is not a `$ref`; stops on a cycle or a dangling ref. */
export function deref(root: unknown, node: unknown, jsonPath: JsonPath): Dereferenced {
  let value = node;
  let path = jsonPath;
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string') {
    const target = localRefPath(value.$ref);
    if (target === undefined || seen.has(value.$ref)) break;
    seen.add(value.$ref);
    const next = valueAt(root, target);
    if (next === undefined) break;
    value = next;
    path = target;
  }
  return { value, jsonPath: path };
}

/** `deref` for callers that only want an object (or nothing). */
export function derefObject(root: unknown, node: unknown): JsonObject | undefined {
  const { value } = deref(root, node, []);
  return isObject(value) && typeof value.$ref !== 'string' ? value : undefined;
}
