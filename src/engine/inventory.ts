import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { JsonPath } from '../openapi/json';
import {
  encodePointerUriFragment,
  getClosestJsonPath,
  hasRef,
  isLocalRef,
  isObjectLike,
  pathToPointer,
  pointerToPath,
  traverseObjUntilRef,
} from './pointer';
import { parseSourceFile, type SourceFile } from './source';

/** The fast engine cannot mirror Spectral for this document; the linter runs Spectral itself instead. */
export class Unsupported extends Error {}

interface RefRecord {
  /** Where the `$ref` object sits. */
  file: SourceFile;
  location: string[];
  target: SourceFile;
  targetPath: string[];
  external: boolean;
}

export interface AssociatedItem {
  file: SourceFile;
  path: JsonPath;
  missingPropertyPath: JsonPath;
}

// A local reference whose text is its own JSON pointer (nothing to escape or decode), e.g. `#/definitions/base`.
const PLAIN_LOCAL_REF = /^#(?:\/[A-Za-z0-9_.-]+)+$/;
// A file name the fast engine may name in results exactly as json-ref-resolver would (no characters URI.js escapes).
const PLAIN_FILE_NAME = /^[A-Za-z0-9._~/-]+$/;

/**
 * A document and the files its `$ref`s reach, presented to checks as Spectral's DocumentInventory would: `resolved` is
 * the dereferenced document, computed lazily (a `$ref` is followed only when a check reads through it); results are
 * mapped back to (file, path) with the same algorithm as DocumentInventory.findAssociatedItemForPath.
 *
 * Every `$ref` of every file is checked up front, because Spectral reports any broken one (`invalid-ref`): a broken,
 * remote or oddly named reference makes the document Unsupported, and Spectral lints it (a local one to nowhere in a
 * single file excepted: see danglingRefResults).
 *
 * Reference cycles, local or across files, are read as a circular graph: every `$ref` is followed. json-ref-resolver
 * instead leaves one `$ref` of each cycle in place (and takes minutes on big cycles across files, Spectral #2729);
 * the rules dereference what they read (src/openapi/refs.ts) and stop at nodes they have seen, so they find the same
 * either way, which the parity tests check on local and cross-file cycles.
 */
export class Inventory {
  readonly files = new Map<string, SourceFile>();
  readonly resolved: unknown;
  private readonly refs = new Map<string, RefRecord>();
  /** Local `$ref`s of the main file whose target does not exist, in document order (see danglingRefResults). */
  private readonly dangling: Array<{ location: string[]; ref: string }> = [];
  private readonly refMaps = new Map<string, Record<string, string>>();
  private readonly views = new WeakMap<object, object>();
  /** Objects with a `$ref` somewhere inside (or that are one): only those need a resolving view. */
  private readonly withRefs = new WeakSet<object>();

  constructor(
    readonly main: SourceFile,
    private readonly readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
  ) {
    if (hasRef(main.data)) throw new Unsupported('the root is a $ref');
    this.files.set(main.source, main);
    const pending = [main];
    while (pending.length > 0) this.collectRefs(pending.pop()!, pending);
    this.checkDanglingRefs();
    this.resolved = typeof main.data === 'object' && main.data !== null ? this.view(main.data, main, []) : main.data;
  }

  private refMapOf(file: SourceFile): Record<string, string> {
    let refMap = this.refMaps.get(file.source);
    if (!refMap) this.refMaps.set(file.source, (refMap = {}));
    return refMap;
  }

  private collectRefs(file: SourceFile, pending: SourceFile[]): void {
    const refMap = this.refMapOf(file);
    const path: string[] = [];
    // Returns whether `node` holds a $ref; marks those that do.
    const visit = (node: object): boolean => {
      let found = false;
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const child: unknown = node[i];
          if (typeof child !== 'object' || child === null) continue;
          path.push(String(i));
          if (visit(child)) found = true;
          path.pop();
        }
      } else if (hasRef(node)) {
        this.addRef(file, [...path], node.$ref, refMap, pending);
        found = true; // json-ref-resolver replaces the whole object: its siblings never reach the checks
      } else {
        for (const key of Object.keys(node)) {
          const child = (node as Record<string, unknown>)[key];
          if (typeof child !== 'object' || child === null) continue;
          path.push(key);
          if (visit(child)) found = true;
          path.pop();
        }
      }
      if (found) this.withRefs.add(node);
      return found;
    };
    if (typeof file.data === 'object' && file.data !== null) visit(file.data);
  }

  private addRef(file: SourceFile, location: string[], ref: string, refMap: Record<string, string>, pending: SourceFile[]): void {
    let target = file;
    let targetPath: string[];
    let mapped: string;
    const external = !ref.startsWith('#');
    // json-ref-resolver percent-decodes the keys of a `$ref`'s location in its refMap, so findings there land elsewhere
    // (the linter repairs Spectral's paths afterwards): left to Spectral.
    if (location.some((segment) => segment.includes('%'))) throw new Unsupported(`a $ref under a key with "%" (${pathToPointer(location)})`);
    try {
      if (!external) {
        if (!isLocalRef(ref)) throw new Unsupported(`unusual $ref ${ref}`);
        targetPath = pointerToPath(ref);
        // json-ref-resolver leaves a reference to an ancestor of itself as it is.
        if (targetPath.length > 0 && targetPath.every((segment, index) => location[index] === segment)) return;
        mapped = pathToPointer(targetPath);
      } else {
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) throw new Unsupported(`remote $ref ${ref}`);
        if (!isAbsolute(file.source)) throw new Unsupported('external $ref from a relative file name');
        const hash = ref.indexOf('#');
        const filePart = hash === -1 ? ref : ref.slice(0, hash);
        const fragment = hash === -1 ? '' : ref.slice(hash);
        const source = resolve(dirname(file.source), filePart);
        if (!PLAIN_FILE_NAME.test(source)) throw new Unsupported(`file name ${source}`);
        target = this.loadFile(source, pending);
        targetPath = fragment === '' ? [] : pointerToPath(fragment);
        mapped = source + fragment;
      }
    } catch (error) {
      if (error instanceof Unsupported) throw error;
      throw new Unsupported(`invalid $ref ${ref}`);
    }
    // The target must exist without going through another $ref (json-ref-resolver's handling of that is not mirrored).
    let node: unknown = target.data;
    for (let i = 0; i < targetPath.length; i++) {
      if (i > 0 && hasRef(node)) throw new Unsupported(`$ref ${ref} goes through a $ref`);
      if (!isObjectLike(node) || !Object.prototype.hasOwnProperty.call(node, targetPath[i]!)) {
        if (external || file !== this.main || !PLAIN_LOCAL_REF.test(ref)) throw new Unsupported(`$ref ${ref} points nowhere`);
        // json-ref-resolver maps the location in its refMap before it finds the target missing, and leaves the $ref.
        refMap[pathToPointer(location)] = mapped;
        this.dangling.push({ location, ref });
        return;
      }
      node = (node as Record<string, unknown>)[targetPath[i]!];
    }
    if (targetPath.length > 0 && hasRef(node) && external) throw new Unsupported(`$ref ${ref} points at a $ref`);
    refMap[pathToPointer(location)] = mapped;
    this.refs.set(file.source + pathToPointer(location), { file, location, target, targetPath, external });
  }

  private loadFile(source: string, pending: SourceFile[]): SourceFile {
    const known = this.files.get(source);
    if (known) return known;
    let text: string;
    try {
      text = this.readFile(source);
    } catch {
      throw new Unsupported(`cannot read ${source}`);
    }
    let file: SourceFile | undefined;
    try {
      file = parseSourceFile(text, source);
    } catch {
      throw new Unsupported(`${source}: the parser fails`); // a YAML tag it cannot construct (!!binary)
    }
    // Spectral reports a referenced file's parser warnings once per resolver cache: not mirrored.
    if (!file || file.parserWarnings.length > 0) throw new Unsupported(`${source} has parser diagnostics`);
    this.files.set(source, file);
    pending.push(file);
    return file;
  }

  /**
   * The dangling references are mirrored only in the simple case: a single-file document, where json-ref-resolver
   * reports them in document order, and no `$ref` points at a dangling one (its dependants would be reported too).
   */
  private checkDanglingRefs(): void {
    if (this.dangling.length === 0) return;
    if (this.files.size > 1) throw new Unsupported('a $ref to nowhere in a multi-file document');
    const locations = new Set(this.dangling.map(({ location }) => pathToPointer(location)));
    for (const ref of this.refs.values()) {
      if (locations.has(pathToPointer(ref.targetPath))) throw new Unsupported('a $ref points at a $ref to nowhere');
    }
    for (const { ref } of this.dangling) if (locations.has(ref)) throw new Unsupported('a $ref points at a $ref to nowhere');
  }

  /**
   * Spectral's `invalid-ref` results for the dangling references (formatResolverErrors): an error at the `$ref`, once
   * per message (lodash uniqBy), so only the first reference to a missing target is reported.
   */
  danglingRefResults(): Array<{ path: string[]; message: string }> {
    const seen = new Set<string>();
    const results: Array<{ path: string[]; message: string }> = [];
    for (const { location, ref } of this.dangling) {
      const message = `'${ref}' does not exist`;
      if (seen.has(message)) continue;
      seen.add(message);
      results.push({ path: [...location, '$ref'], message });
    }
    return results;
  }

  /**
   * The resolved view of `raw`, which sits at `path` in `file`: `raw` itself when nothing inside it is a `$ref` (then it
   * is what Spectral's resolved document holds there), else a read-only proxy that resolves `$ref` members on access.
   */
  private view(raw: object, file: SourceFile, path: string[]): object {
    if (!this.withRefs.has(raw)) return raw;
    const cached = this.views.get(raw);
    if (cached) return cached;
    const child = (target: object, key: string | symbol, value: unknown): unknown => {
      if (typeof key === 'symbol' || typeof value !== 'object' || value === null) return value;
      if (!this.withRefs.has(value)) return value;
      if (!Object.prototype.hasOwnProperty.call(target, key)) return value;
      if (!hasRef(value)) return this.views.get(value) ?? this.view(value, file, [...path, key]);
      return this.resolveChild(value, file, [...path, key]);
    };
    const proxy = new Proxy(raw, {
      get: (target, key, receiver) => child(target, key, Reflect.get(target, key, receiver)),
      getOwnPropertyDescriptor: (target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        if (descriptor && 'value' in descriptor) descriptor.value = child(target, key, descriptor.value);
        return descriptor;
      },
      set: () => false,
      deleteProperty: () => false,
      defineProperty: () => false,
    });
    this.views.set(raw, proxy);
    return proxy;
  }

  private resolveChild(value: object, file: SourceFile, path: string[]): unknown {
    let currentFile = file;
    let currentPath = path;
    let current: unknown = value;
    const followed = new Set<RefRecord>();
    while (hasRef(current)) {
      const ref = this.refs.get(currentFile.source + pathToPointer(currentPath));
      if (!ref) return current; // a reference to an ancestor: Spectral keeps it as it is
      // `$ref`s that only point at each other name no value: the `$ref` object stays, as in Spectral.
      if (followed.has(ref)) return current;
      followed.add(ref);
      currentFile = ref.target;
      currentPath = ref.targetPath;
      current = currentPath.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], currentFile.data);
    }
    return isObjectLike(current) ? this.view(current, currentFile, currentPath) : current;
  }

  /** DocumentInventory.findAssociatedItemForPath, step for step. */
  associate(path: JsonPath, resolved: boolean): AssociatedItem | null {
    const main = this.main;
    if (!resolved) return { file: main, path: getClosestJsonPath(main.data, path), missingPropertyPath: path };
    try {
      const newPath = getClosestJsonPath(this.resolved, path);
      const $ref = traverseObjUntilRef(main.data, newPath);
      if ($ref === null) return { file: main, path: getClosestJsonPath(main.data, path), missingPropertyPath: path };
      const missingPropertyPath = newPath.length === 0 ? [] : path.slice(path.lastIndexOf(newPath[newPath.length - 1]!) + 1);
      let source = main.source;
      let refMap = this.refMaps.get(source)!;
      let file = main;
      const adjustedPath = ['#', ...path.map(encodePointerUriFragment).map(String)];
      let refMapKey = '';
      // Each step follows one `$ref`; more steps than there are `$ref`s means they point at each other: no location.
      let budget = this.refs.size * 2 + adjustedPath.length;
      for (const segment of adjustedPath) {
        if (refMapKey.length > 0) refMapKey += '/';
        refMapKey += segment;
        while (refMapKey in refMap) {
          if (--budget < 0) return null;
          const newRef = refMap[refMapKey]!;
          if (isLocalRef(newRef)) {
            refMapKey = newRef;
            continue;
          }
          const hash = newRef.indexOf('#');
          source = hash === -1 ? newRef : newRef.slice(0, hash);
          const next = this.files.get(source);
          if (!next) return { file, path: getClosestJsonPath(file.data, path), missingPropertyPath: path };
          file = next;
          refMap = this.refMaps.get(source) ?? {};
          refMapKey = hash >= 0 ? newRef.slice(hash) : '#';
        }
      }
      const refPath = (refMapKey.startsWith('#/') ? refMapKey.slice(2) : refMapKey).split('/').map(decodeRefMapSegment);
      const closestPath = getClosestJsonPath(file.data, refPath);
      return { file, path: closestPath, missingPropertyPath: [...closestPath, ...missingPropertyPath] };
    } catch {
      return null;
    }
  }
}

function decodeRefMapSegment(segment: string): string {
  return segment.split('~1').join('/').split('~0').join('~');
}
