import type { JsonPath } from '../openapi/json';

/** A change to a file's text: replace `length` characters at `offset` with `content` (jsonc-parser's `Edit` shape). */
export interface Edit {
  offset: number;
  length: number;
  content: string;
}

/** Thrown by an edit that cannot be made safely; the reason is shown to the user and the finding stays. */
export class FixRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FixRefusal';
  }
}

/**
 * One file of a document, parsed so that nodes can be found by JSON path, with edits computed as text changes at the
 * nodes' own ranges: everything an edit does not touch keeps its bytes (comments, quoting, key order, line endings).
 */
export interface EditableFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** The parsed data (YAML aliases and merge keys resolved), for reading. */
  readonly data: unknown;
  /** Renames the key of the property at `path` (its last segment), keeping the key's quoting style. */
  renameKey(path: JsonPath, newKey: string): Edit[];
  /** Replaces the string at `path` with `value`, keeping its quoting style. */
  replaceString(path: JsonPath, value: string): Edit[];
  /** Replaces whatever value is at `path` with the boolean. */
  replaceWithBoolean(path: JsonPath, value: boolean): Edit[];
  /** Adds `key: value` as the first property of the object at `objectPath`. */
  insertBooleanProperty(objectPath: JsonPath, key: string, value: boolean): Edit[];
  /** Removes item `index` of the array at `arrayPath`. */
  removeItem(arrayPath: JsonPath, index: number): Edit[];
  /** Offset of the node at `path` (of its key, when it is a property), for reports; undefined when not found. */
  offsetOf(path: JsonPath): number | undefined;
  /** True when the object at `path` has `key` as its own property (not through a YAML merge key). */
  hasOwnKey(path: JsonPath, key: string): boolean;
}

/** The line ending a file uses (its first one), so inserted lines match the rest. */
export function lineEnding(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** Applies non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return result;
}

/** True when an edit touches a range another one touches (insertions at the same offset count as overlapping). */
export function overlaps(a: Edit, b: Edit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.offset === b.offset) return true;
  return a.offset < bEnd && b.offset < aEnd;
}
