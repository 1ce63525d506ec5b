import { isObject, ownValue, type JsonPath } from './json';

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

/** `other.yaml#/paths/~1hooks` from `file` → the absolute target file and unescaped pointer; remote refs → undefined. */
export function parseReference(file: string, value: string): { targetFile: string; pointer: string[] } | undefined {
  const hash = value.indexOf('#');
  const location = hash === -1 ? value : value.slice(0, hash);
  const fragment = hash === -1 ? '' : value.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) return undefined; // http:, urn:, ...
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    decoded = fragment;
  }
  const pointer = decoded === '' ? [] : decoded.replace(/^\//, '').split('/').map(unescapePointerSegment);
  return { targetFile: location === '' ? file : resolveFrom(file, location), pointer };
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The absolute path `location` names relative to the file `from` (absolute), as node's path.resolve(dirname(from),
 * location) gives it. Hand-written: rule code (a rule's fix reads references) also goes into the one-file ruleset
 * bundle, whose only imports may be the @stoplight/spectral-* packages every Spectral loader supplies; not node:path.
 */
function resolveFrom(from: string, location: string): string {
  const separator = from.includes('\\') && !from.startsWith('/') ? '\\' : '/';
  const absolute = location.startsWith('/') || /^[a-z]:[\\/]/i.test(location);
  const parts = (absolute ? location : `${from}${separator}..${separator}${location}`).split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') {
      if (out.length > 1) out.pop();
    } else if (part !== '.' && (part !== '' || out.length === 0)) {
      out.push(part);
    }
  }
  return out.length === 1 ? `${out[0]}${separator}` : out.join(separator);
}
