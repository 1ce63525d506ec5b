import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isObject, ownEntries, type JsonPath } from '../openapi/json';
import type { EditableFile } from './editable-file';
import { JsonFile } from './json-file';
import { YamlFile } from './yaml-file';

/** A `$ref` (or link `operationRef`) found in a file: where it is, and the file and JSON pointer it points to. */
export interface LocalReference {
  /** The file that holds the reference. */
  file: string;
  /** JSON path of the reference string in that file. */
  path: JsonPath;
  value: string;
  /** Absolute path of the file it points to. */
  targetFile: string;
  /** The pointer's segments, unescaped (`#/paths/~1hooks` → `['paths', '/hooks']`). */
  pointer: string[];
}

const REFERENCE_KEYS = new Set(['$ref', 'operationRef']);

/**
 * The files of a multi-file document, as the fix sees them: the text read from disk at the start, then the edited
 * text of each round. Files are found by following the document's file `$ref`s (remote ones are never fetched).
 */
export class DocumentFiles {
  private readonly files = new Map<string, EditableFile>();
  /** The text each file had on disk when first read, to detect a change by someone else before writing. */
  readonly original = new Map<string, string>();
  private referenceCache: LocalReference[] | undefined;

  constructor(readonly mainPath: string) {}

  /** Reads the main file and every file its `$ref`s reach. A file that cannot be read or parsed is left out. */
  load(): void {
    const pending = [this.mainPath];
    while (pending.length > 0) {
      const path = pending.pop() as string;
      if (this.files.has(path)) continue;
      const file = this.read(path);
      if (!file) continue;
      for (const reference of this.referencesIn(file)) if (!this.files.has(reference.targetFile)) pending.push(reference.targetFile);
    }
  }

  get(path: string): EditableFile | undefined {
    return this.files.get(path) ?? this.read(path);
  }

  all(): EditableFile[] {
    return [...this.files.values()];
  }

  /** The current text of a file the fix has read, for the linter's resolver; other files are read from disk. */
  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /** Replaces a file with its edited version (already parsed, by whoever checked that the edit parses). */
  update(file: EditableFile): void {
    this.files.set(file.path, file);
    this.referenceCache = undefined;
  }

  changed(): Array<{ path: string; before: string; after: string }> {
    return [...this.files.values()]
      .filter((file) => this.original.get(file.path) !== file.text)
      .map((file) => ({ path: file.path, before: this.original.get(file.path) as string, after: file.text }));
  }

  /** Every `$ref` and `operationRef` of every file, resolved to a file and a pointer. */
  references(): LocalReference[] {
    this.referenceCache ??= this.all().flatMap((file) => this.referencesIn(file));
    return this.referenceCache;
  }

  private referencesIn(file: EditableFile): LocalReference[] {
    const found: LocalReference[] = [];
    const visit = (node: unknown, path: JsonPath, depth: number) => {
      if (depth > 200) return;
      if (Array.isArray(node)) {
        node.forEach((item, index) => visit(item, [...path, index], depth + 1));
        return;
      }
      if (!isObject(node)) return;
      for (const [key, value] of ownEntries(node)) {
        if (REFERENCE_KEYS.has(key) && typeof value === 'string') {
          const reference = parseReference(file.path, value);
          if (reference) found.push({ file: file.path, path: [...path, key], value, ...reference });
        } else {
          visit(value, [...path, key], depth + 1);
        }
      }
    };
    visit(file.data, [], 0);
    return found;
  }

  private read(path: string): EditableFile | undefined {
    try {
      const text = readFileSync(path, 'utf8');
      const file = parseFile(path, text);
      this.original.set(path, text);
      this.files.set(path, file);
      this.referenceCache = undefined;
      return file;
    } catch {
      return undefined;
    }
  }
}

export function parseFile(path: string, text: string): EditableFile {
  return path.toLowerCase().endsWith('.json') ? new JsonFile(path, text) : new YamlFile(path, text);
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
  return { targetFile: location === '' ? file : resolve(dirname(file), location), pointer };
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a pointer names in parsed data, or undefined. */
export function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}
