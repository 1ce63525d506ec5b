/**
 * JSON pointer and path helpers with exactly the semantics of @stoplight/json and @stoplight/spectral-runtime, which
 * Spectral uses to map results to files and to print `{{path}}`. Copied (a few lines each) rather than imported so the
 * fast engine does not load those packages (and lodash) at start-up; the parity test holds them to Spectral's output.
 */
import type { JsonPath } from '../openapi/json';

function replaceAll(input: string, search: string, replacement: string): string {
  return input.split(search).join(replacement);
}

export function encodePointerFragment(segment: string | number): string | number {
  if (typeof segment === 'number' || (!segment.includes('~') && !segment.includes('/'))) return segment;
  return replaceAll(replaceAll(segment, '~', '~0'), '/', '~1');
}

// Same (quirky) character class as @stoplight/json: the ranges use en dashes, as upstream does.
const ENCODABLE_CHAR = /[^a-zA–Z0–9_.!~*'()/\-\u{D800}-\u{DFFF}]/gu;
// The same class without the global flag, to test for a character to encode (a pointer is built for every $ref).
const HAS_ENCODABLE_CHAR = /[^a-zA–Z0–9_.!~*'()/\-\u{D800}-\u{DFFF}]/u;

export function encodePointerUriFragment(segment: string | number): string | number {
  const encoded = encodePointerFragment(segment);
  if (typeof encoded === 'number' || !HAS_ENCODABLE_CHAR.test(encoded)) return encoded;
  return encoded.replace(ENCODABLE_CHAR, encodeURIComponent);
}

/** `#/a/b` for ['a', 'b'], as @stoplight/json's pathToPointer. */
export function pathToPointer(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '#' : `#/${path.map(encodePointerUriFragment).join('/')}`;
}

export function decodePointerFragment(segment: string): string {
  return replaceAll(replaceAll(segment, '~1', '/'), '~0', '~');
}

function safeDecodeURIComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function decodePointer(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment.replace(/%[0-9a-f]+/gi, safeDecodeURIComponent);
  }
  return replaceAll(replaceAll(decoded, '~1', '/'), '~0', '~');
}

/** ['a', 'b'] for `#/a/b`; throws on a pointer @stoplight/json would reject. */
export function pointerToPath(pointer: string): string[] {
  if (pointer.length === 0 || pointer[0] !== '#') throw new URIError('Invalid JSON Pointer syntax');
  if (pointer.length === 1) return [];
  if (pointer[1] !== '/') throw new URIError('Invalid JSON Pointer syntax.');
  return pointer.substring(2).split('/').map(decodePointer);
}

/** spectral-runtime's decodeSegmentFragment: every result path segment becomes a decoded string. */
export function decodeSegmentFragment(segment: string | number): string {
  return typeof segment !== 'string' ? String(segment) : decodePointerFragment(segment);
}

/** lodash `isObject`. */
export function isObjectLike(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/** @stoplight/json isPlainObject. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    prototype === null ||
    prototype === Object.prototype ||
    (typeof (value as { constructor?: unknown }).constructor === 'function' &&
      Function.toString.call(Object) === Function.toString.call((value as { constructor: unknown }).constructor))
  );
}

export function hasRef(value: unknown): value is { $ref: string } {
  return isPlainObject(value) && '$ref' in value && typeof value.$ref === 'string';
}

export function isLocalRef(ref: string): boolean {
  return ref.length > 0 && (ref === '#' || /^#\S*$/.test(ref));
}

/** spectral-runtime's getClosestJsonPath: the longest prefix of `path` that exists in `data` (`in`, as upstream). */
export function getClosestJsonPath(data: unknown, path: ReadonlyArray<string | number>): JsonPath {
  const closest: JsonPath = [];
  if (!isObjectLike(data)) return closest;
  let piece: unknown = data;
  for (const segment of path) {
    if (!isObjectLike(piece) || !(segment in piece)) break;
    closest.push(segment);
    piece = (piece as Record<string | number, unknown>)[segment];
  }
  return closest;
}

/** spectral-runtime's traverseObjUntilRef, including its mutation of `path` (Spectral relies on it). */
export function traverseObjUntilRef(obj: unknown, path: JsonPath): string | null {
  let piece: unknown = obj;
  for (const segment of path.slice()) {
    if (!isObjectLike(piece)) throw new TypeError('Segment is not a part of the object');
    if (segment in piece) {
      piece = (piece as Record<string | number, unknown>)[segment];
    } else if (hasRef(piece)) {
      return piece.$ref;
    } else {
      throw new Error('Segment is not a part of the object');
    }
    path.shift();
  }
  if (isPlainObject(piece) && hasRef(piece) && Object.keys(piece).length === 1) return piece.$ref;
  return null;
}

/** lodash `get` with an array path. */
export function getIn(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let piece: unknown = data;
  for (const segment of path) {
    if (piece === null || piece === undefined) return undefined;
    piece = (piece as Record<string | number, unknown>)[segment];
  }
  return piece;
}
