import { createRequire } from 'node:module';
import { join } from 'node:path';
import createOrderedObject, { getOrder } from '@stoplight/ordered-object-literal';
import { DiagnosticSeverity, type IDiagnostic, type IRange, type Segment } from '@stoplight/types';
import { PACKAGE_ROOT } from '../package-root';

/**
 * Spectral's JSON parser (@stoplight/spectral-parsers' Json: @stoplight/json parseWithPointers with its options, and
 * getLocationForJsonPath), giving the same data, AST, diagnostics and ranges in time linear in the text. The library's
 * versions are quadratic in an object's size (issue #16): the parse checks each key against an array of the object's
 * keys before it (`includes`), and each location lookup scans an object's properties for the key; under Spectral's
 * engine (a config with rules of its own) 20 000 JSON paths with a finding each took 15-25 s to lint and 50 000 took
 * 82-133 s. Both steps are private to the library (parseTree's visitor, findNodeAtPath), so they cannot be swapped
 * out and are mirrored here instead: the visitor line for line with the keys in a Set, and the lookup through each big
 * object's members indexed by key.
 * test/engine/mirrored.test.ts pins both functions against the library's on generated JSON (duplicate and escaped
 * keys, `/` and `~` in keys, numbers, nested arrays, syntax errors), and the parity tests compare every range with
 * stock Spectral's.
 */

/** A node of @stoplight/json's AST (its IJsonASTNode, with `children` and `value` as the parser fills them). */
export interface JsonNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';
  value?: unknown;
  offset: number;
  length: number;
  range?: NodeRange;
  colonOffset?: number;
  parent?: JsonNode;
  children?: JsonNode[];
}

export interface JsonParseResult {
  data: unknown;
  diagnostics: IDiagnostic[];
  ast: JsonNode | undefined;
  lineMap: number[];
}

/** spectral-parsers' Json options, which Spectral's Document passes to parseWithPointers (comments are allowed). */
const PARSE_OPTIONS = { ignoreDuplicateKeys: false, preserveKeyOrder: true } as const;

type Container = Record<string, unknown>;
/** A node's range: the parser writes its end when the node closes. */
interface NodeRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Jsonc {
  visit(text: string, visitor: import('jsonc-parser').JSONVisitor, options: typeof PARSE_OPTIONS): unknown;
  printParseErrorCode: typeof import('jsonc-parser').printParseErrorCode;
}

let jsonc: Jsonc | undefined;

/**
 * The jsonc-parser @stoplight/json itself runs (its own copy, 2.2.x; this package's `jsonc-parser` is 3.x), loaded
 * from the library's folder so the scanner, its errors and its callbacks are the library's to the byte.
 */
function stoplightJsonc(): Jsonc {
  if (!jsonc) {
    const library = createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('@stoplight/json');
    jsonc = createRequire(library)('jsonc-parser') as Jsonc;
  }
  return jsonc;
}

/** @stoplight/json parseWithPointers(text, PARSE_OPTIONS), with each object's keys checked in a Set. */
export function parseJsonWithPointers(text: string): JsonParseResult {
  const diagnostics: IDiagnostic[] = [];
  const { ast, data, lineMap } = parseTree(text, diagnostics);
  return { data, diagnostics, ast, lineMap };
}

/** The library's parseTree: the same visitor, callback for callback (syntax errors leave the same odd trees). */
function parseTree(text: string, errors: IDiagnostic[]): { ast: JsonNode | undefined; data: unknown; lineMap: number[] } {
  const { visit, printParseErrorCode } = stoplightJsonc();
  const lineMap = computeLineMap(text);
  let currentParent: JsonNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  let currentProperty: string | null = null;
  let currentData: unknown[] | Container = [];
  // The library keeps an array per object and checks each key with `includes`: the quadratic step.
  const objectKeys = new WeakMap<JsonNode, Set<string>>();
  const previousData: Array<unknown[] | Container> = [];

  const ensurePropertyComplete = (endOffset: number): void => {
    if (currentParent.type === 'property') {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent!;
    }
  };
  const onValue = (valueNode: JsonNode): JsonNode => {
    currentParent.children!.push(valueNode);
    return valueNode;
  };
  const onData = (value: unknown): void => {
    if (Array.isArray(currentData)) currentData.push(value);
    else if (currentProperty !== null) currentData[currentProperty] = value;
  };
  const onParentBegin = (value: unknown[] | Container): void => {
    onData(value);
    previousData.push(currentData);
    currentData = value;
    currentProperty = null;
  };
  const onParentEnd = (): void => {
    currentData = previousData.pop()!;
  };

  visit(
    text,
    {
      onObjectBegin: (offset, length, startLine, startCharacter) => {
        currentParent = onValue({ type: 'object', offset, length: -1, parent: currentParent, children: [], range: rangeOf(startLine, startCharacter, length) });
        objectKeys.set(currentParent, new Set());
        onParentBegin(createOrderedObject({}) as Container);
      },
      onObjectProperty: (name, offset, length, startLine, startCharacter) => {
        currentParent = onValue({ type: 'property', offset, length: -1, parent: currentParent, children: [] });
        currentParent.children!.push({ type: 'string', value: name, offset, length, parent: currentParent });
        const keys = objectKeys.get(currentParent.parent!);
        if (keys) {
          if (keys.has(name)) {
            errors.push({ range: rangeOf(startLine, startCharacter, length), message: 'DuplicateKey', severity: DiagnosticSeverity.Error, path: jsonPathOf(currentParent), code: 20 });
          } else {
            keys.add(name);
          }
        }
        swapKey(currentData as Container, name);
        currentProperty = name;
      },
      onObjectEnd: (offset, length, startLine, startCharacter) => {
        objectKeys.delete(currentParent);
        endNode(currentParent, offset, length, startLine, startCharacter);
        currentParent = currentParent.parent!;
        ensurePropertyComplete(offset + length);
        onParentEnd();
      },
      onArrayBegin: (offset, length, startLine, startCharacter) => {
        currentParent = onValue({ type: 'array', offset, length: -1, parent: currentParent, children: [], range: rangeOf(startLine, startCharacter, length) });
        onParentBegin([]);
      },
      onArrayEnd: (offset, length, startLine, startCharacter) => {
        endNode(currentParent, offset, length, startLine, startCharacter);
        currentParent = currentParent.parent!;
        ensurePropertyComplete(offset + length);
        onParentEnd();
      },
      onLiteralValue: (value: unknown, offset, length, startLine, startCharacter) => {
        onValue({ type: literalType(value), offset, length, parent: currentParent, value, range: rangeOf(startLine, startCharacter, length) });
        ensurePropertyComplete(offset + length);
        onData(value);
      },
      onSeparator: (character, offset) => {
        if (currentParent.type === 'property') {
          if (character === ':') currentParent.colonOffset = offset;
          else if (character === ',') ensurePropertyComplete(offset);
        }
      },
      onError: (error, _offset, length, startLine, startCharacter) => {
        errors.push({ range: rangeOf(startLine, startCharacter, length), message: printParseErrorCode(error), severity: DiagnosticSeverity.Error, code: error });
      },
    },
    PARSE_OPTIONS,
  );
  const result = currentParent.children![0];
  if (result) delete result.parent;
  return { ast: result, data: (currentData as unknown[])[0], lineMap };
}

function endNode(node: JsonNode, offset: number, length: number, line: number, character: number): void {
  node.length = offset + length - node.offset;
  if (node.range) {
    node.range.end.line = line;
    node.range.end.character = character + length;
  }
}

function rangeOf(line: number, character: number, length: number): NodeRange {
  return { start: { line, character }, end: { line, character: character + length } };
}

function literalType(value: unknown): JsonNode['type'] {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}

function computeLineMap(text: string): number[] {
  const lineMap = [0];
  let i = 0;
  for (; i < text.length; i++) if (text[i] === '\n') lineMap.push(i + 1);
  lineMap.push(i + 1);
  return lineMap;
}

/** The library's getJsonPath (only asked for a duplicate key, which the loader refuses anyway: kept as it is). */
function jsonPathOf(node: JsonNode, path: Segment[] = []): Segment[] {
  if (node.type === 'property') path.unshift(node.children![0]!.value as string);
  if (node.parent !== undefined) {
    if (node.parent.type === 'array' && node.parent.parent !== undefined) path.unshift(node.parent.children!.indexOf(node));
    return jsonPathOf(node.parent, path);
  }
  return path;
}

/**
 * The library's swapKey: moves a key to the end of the key order. A key not yet in the object costs nothing; one seen
 * before (a duplicate) or inherited (`toString`, `__proto__`) takes indexOf, as in the library.
 */
function swapKey(container: Container, key: string): void {
  if (!(key in container)) return;
  const order = getOrder(container) as unknown[];
  const index = order.indexOf(key);
  if (index !== -1) {
    order.splice(index, 1);
    order.push(key);
  }
}

/** Objects with fewer members are scanned as the library does: an index would cost more than it saves. */
const INDEXED_FROM = 16;

/**
 * A big object's members by key, built on its first lookup, keyed by the AST node (it lives as long as the parse
 * result). The library's scan takes the first member whose first child's value is the key and that has two children
 * (a property with a value); it throws where a member has an empty child list (only in a tree a syntax error left
 * odd), so the index stops there and a key it does not hold is looked up by the library's scan, which throws alike.
 */
const membersByKey = new WeakMap<JsonNode, { byKey: Map<unknown, JsonNode>; complete: boolean }>();

function membersOf(node: JsonNode, children: JsonNode[]): { byKey: Map<unknown, JsonNode>; complete: boolean } {
  let members = membersByKey.get(node);
  if (!members) {
    members = { byKey: new Map(), complete: true };
    for (const child of children) {
      if (!Array.isArray(child.children)) continue;
      const first = child.children[0];
      if (first === undefined) {
        members.complete = false;
        break;
      }
      if (child.children.length === 2 && !members.byKey.has(first.value)) members.byKey.set(first.value, child.children[1]!);
    }
    membersByKey.set(node, members);
  }
  return members;
}

/** The library's scan of an object's members for `key`. */
function scanMembers(children: JsonNode[], key: string): JsonNode | undefined {
  for (const child of children) {
    if (Array.isArray(child.children) && child.children[0]!.value === key && child.children.length === 2) return child.children[1];
  }
  return undefined;
}

/** @stoplight/json getLocationForJsonPath, with big objects' members found by key instead of a scan. */
export function getJsonLocationForJsonPath({ ast }: { ast: JsonNode | undefined }, path: readonly Segment[], closest = false): { range: IRange } | undefined {
  const node = findNodeAtPath(ast!, path, closest);
  if (node !== undefined && node.range !== undefined) return { range: node.range };
  return undefined;
}

/** The library's findNodeAtPath, indexed. */
function findNodeAtPath(start: JsonNode, path: readonly Segment[], closest: boolean): JsonNode | undefined {
  let node = start;
  for (const segment of path) {
    // The library's reading of a segment: '01', '' and ' 1 ' are the number 1, 0 and 1 (then the key '1', '0', '1').
    const index = Number.isInteger(Number(segment)) ? Number(segment) : segment;
    if (typeof index === 'string' || (typeof index === 'number' && node.type !== 'array')) {
      if (node.type !== 'object' || !Array.isArray(node.children)) return closest ? node : undefined;
      const key = String(index);
      let member: JsonNode | undefined;
      if (node.children.length < INDEXED_FROM) {
        member = scanMembers(node.children, key);
      } else {
        const members = membersOf(node, node.children);
        member = members.byKey.get(key) ?? (members.complete ? undefined : scanMembers(node.children, key));
      }
      if (member === undefined) return closest ? node : undefined;
      node = member;
      continue;
    }
    if (node.type !== 'array' || index < 0 || !Array.isArray(node.children) || index >= node.children.length) return closest ? node : undefined;
    node = node.children[index]!;
  }
  return node;
}
