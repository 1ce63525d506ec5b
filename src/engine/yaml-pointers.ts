import createOrderedObject, { getOrder } from '@stoplight/ordered-object-literal';
import { DiagnosticSeverity, type IDiagnostic, type IRange, type Segment } from '@stoplight/types';
import {
  buildJsonPath,
  dereferenceAnchor,
  getLocationForJsonPath as locateNode,
  Kind,
  lineForPosition,
  ScalarType,
  type YAMLMap,
  type YAMLMapping,
  type YAMLNode,
  type YamlParserResult,
} from '@stoplight/yaml';
import { determineScalarType, load, parseYamlBigInteger, parseYamlBoolean, parseYamlFloat } from '@stoplight/yaml-ast-parser';

/**
 * Spectral's YAML parser (@stoplight/spectral-parsers' Yaml: @stoplight/yaml parseWithPointers and
 * getLocationForJsonPath with its options), giving the same data, diagnostics and ranges in time linear in the text.
 * The library's versions are quadratic in a mapping's size (issue #16, case 9): the parse checks each key against an
 * array of the keys before it and moves it to the end of its object's key order with `indexOf`, and each location
 * lookup copies the mapping's entries and scans them; 10 000 YAML paths with a finding each took 8 s to lint (as
 * JSON: 1 s), 20 000 took 30 s. The library keeps those steps in private functions, so they are mirrored here;
 * test/engine/mirrored.test.ts pins both functions against the library's on generated YAML (duplicate and merge keys,
 * anchors, flow collections, escaped and numeric keys), and the parity tests compare every range with stock Spectral.
 */

/** spectral-parsers' Yaml options, which every YAML parse of a run uses (Spectral's and the fast engine's). */
const PARSE_OPTIONS = { ignoreDuplicateKeys: false, mergeKeys: true, preserveKeyOrder: true, attachComments: false } as const;

type Container = Record<string, unknown>;

/**
 * The last text parsed and its result. `--fix` parses each version of a file twice, once to edit it (src/fix/yaml-file.ts)
 * and once to lint it, and a lint whose fast parse gives way to Spectral's parses the same text again. A result is
 * never changed after it is made, by the parse or by its readers, so the same text may share one.
 */
let lastParsed: { text: string; result: YamlParserResult<unknown> } | undefined;

/** @stoplight/yaml parseWithPointers(text, PARSE_OPTIONS), with keys looked up in a Set and moved only when seen before. */
export function parseYamlWithPointers(text: string): YamlParserResult<unknown> {
  if (lastParsed?.text === text) return lastParsed.result;
  const result = parseYamlText(text);
  lastParsed = { text, result };
  return result;
}

function parseYamlText(text: string): YamlParserResult<unknown> {
  const lineMap = computeLineMap(text);
  const ast = load(text, { ...PARSE_OPTIONS, ignoreDuplicateKeys: true }) as unknown as YAMLNode | undefined;
  const parsed: YamlParserResult<unknown> = { ast: ast as YAMLNode, lineMap, data: undefined, diagnostics: [], metadata: { ...PARSE_OPTIONS }, comments: {} };
  if (!ast) return parsed;
  // With attachComments false, the library's comment bookkeeping attaches nothing: `comments` stays {}.
  parsed.data = walk(ast, lineMap, parsed.diagnostics);
  const errors = (ast as { errors?: YamlError[] }).errors;
  if (errors) parsed.diagnostics.push(...transformErrors(errors, lineMap));
  if (parsed.diagnostics.length > 0) parsed.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
  if (Array.isArray(errors)) errors.length = 0;
  return parsed;
}

function walk(node: YAMLNode | null | undefined, lineMap: number[], diagnostics: IDiagnostic[]): unknown {
  if (!node) return node;
  switch (node.kind) {
    case Kind.MAP: {
      const container = createOrderedObject({}) as Container;
      const seenKeys = new Set<string>();
      for (const mapping of node.mappings) {
        if (!isStringishKey(mapping, lineMap, diagnostics)) continue;
        const key = String(scalarValue(mapping.key));
        if (key !== '<<') {
          if (seenKeys.has(key)) diagnostics.push(yamlException(mapping.key, lineMap, 'duplicate key'));
          else seenKeys.add(key);
          container[key] = walk(mapping.value, lineMap, diagnostics);
          pushKey(container, key);
        } else {
          Object.assign(container, reduceMergeKeys(walk(mapping.value, lineMap, diagnostics)));
        }
      }
      return container;
    }
    case Kind.SEQ:
      return node.items.map((item) => (item !== null ? walk(item, lineMap, diagnostics) : null));
    case Kind.SCALAR: {
      const value = scalarValue(node);
      return typeof value === 'bigint' ? Number(value) : value;
    }
    case Kind.ANCHOR_REF: {
      // As the library does: the alias's node becomes a copy of its anchor's (null where it would contain itself).
      if (isObject(node.value)) node.value = dereferenceAnchor(node.value, node.referencesAnchor) as YAMLNode;
      return walk(node.value, lineMap, diagnostics);
    }
    default:
      return null;
  }
}

/**
 * The library's pushKey: deletes `key` from the key order (indexOf, splice) and appends it. A key the assignment just
 * added is already last (each key is in the order once), so only a key seen before in this mapping (a duplicate, or one
 * a merge brought in) is moved; `__proto__`, which an assignment does not add as an own key, takes the library's way.
 */
function pushKey(container: Container, key: string): void {
  const order = getOrder(container) as unknown[];
  if (key !== '__proto__' && order[order.length - 1] === key) return;
  deleteKey(container, key);
  order.push(key);
}

function deleteKey(container: Container, key: string): void {
  if (!(key in container)) return;
  const order = getOrder(container) as unknown[];
  const index = order.indexOf(key);
  if (index !== -1) order.splice(index, 1);
}

function unshiftKey(container: Container, key: string): void {
  deleteKey(container, key);
  (getOrder(container) as unknown[]).unshift(key);
}

/** The library's reduceMergeKeys with preserveKeyOrder (merge lists are short: kept as written). */
function reduceMergeKeys(items: unknown): unknown {
  if (Array.isArray(items)) {
    return items.reduceRight((merged: Container, item: Container) => {
      const keys = Object.keys(item);
      Object.assign(merged, item);
      for (let i = keys.length - 1; i >= 0; i--) unshiftKey(merged, keys[i]!);
      return merged;
    }, createOrderedObject({}) as Container);
  }
  return typeof items !== 'object' || items === null ? null : Object(items);
}

function scalarValue(node: YAMLNode): unknown {
  const scalar = node as unknown as Parameters<typeof determineScalarType>[0];
  switch (determineScalarType(scalar)) {
    case ScalarType.null:
      return null;
    case ScalarType.string:
      return String(scalar.value);
    case ScalarType.bool:
      return parseYamlBoolean(scalar.value);
    case ScalarType.int:
      return parseYamlBigInteger(scalar.value);
    case ScalarType.float:
      return parseYamlFloat(scalar.value);
  }
  return undefined;
}

/** The library's validateMappingKey in JSON mode: a key that is not a scalar is skipped, one that is not a string warned about. */
function isStringishKey(mapping: YAMLMapping, lineMap: number[], diagnostics: IDiagnostic[]): boolean {
  if (mapping.key.kind !== Kind.SCALAR) {
    diagnostics.push(incompatibleValue(mapping.key, lineMap, 'mapping key must be a string scalar'));
    return false;
  }
  const type = typeof scalarValue(mapping.key);
  if (type !== 'string') {
    diagnostics.push(incompatibleValue(mapping.key, lineMap, `mapping key must be a string scalar rather than ${mapping.key.valueObject === null ? 'null' : type}`));
  }
  return true;
}

function incompatibleValue(node: YAMLNode, lineMap: number[], message: string): IDiagnostic {
  return { ...yamlException(node, lineMap, message), code: 'YAMLIncompatibleValue', severity: DiagnosticSeverity.Warning };
}

function yamlException(node: YAMLNode, lineMap: number[], message: string): IDiagnostic {
  return { code: 'YAMLException', message, severity: DiagnosticSeverity.Error, path: buildJsonPath(node), range: rangeOf(lineMap, node.startPosition, node.endPosition) };
}

function rangeOf(lineMap: number[], startPosition: number, endPosition: number): IRange {
  const startLine = lineForPosition(startPosition, lineMap);
  const endLine = lineForPosition(endPosition, lineMap);
  return {
    start: { line: startLine, character: startLine === 0 ? startPosition : startPosition - lineMap[startLine - 1]! },
    end: { line: endLine, character: endLine === 0 ? endPosition : endPosition - lineMap[endLine - 1]! },
  };
}

function computeLineMap(text: string): number[] {
  const lineMap: number[] = [];
  let i = 0;
  for (; i < text.length; i++) if (text[i] === '\n') lineMap.push(i + 1);
  lineMap.push(i + 1);
  return lineMap;
}

interface YamlError {
  name: string;
  reason: string;
  isWarning: boolean;
  mark: { line: number; column: number; toLineEnd: boolean };
}

/** The library's transformErrors: parser errors as diagnostics, a run of "missed comma" errors folded into one. */
function transformErrors(errors: YamlError[], lineMap: number[]): IDiagnostic[] {
  const validations: IDiagnostic[] = [];
  let possiblyUnexpectedFlow = -1;
  let i = 0;
  for (const error of errors) {
    const validation: IDiagnostic = {
      code: error.name,
      message: error.reason,
      severity: error.isWarning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      range: {
        start: { line: error.mark.line, character: error.mark.column },
        end: { line: error.mark.line, character: error.mark.toLineEnd ? lineLength(lineMap, error.mark.line) : error.mark.column },
      },
    };
    if (error.reason === 'missed comma between flow collection entries') {
      possiblyUnexpectedFlow = possiblyUnexpectedFlow === -1 ? i : possiblyUnexpectedFlow;
    } else if (possiblyUnexpectedFlow !== -1) {
      const flow = validations[possiblyUnexpectedFlow]!;
      (flow.range as { end: IRange['end'] }).end = validation.range.end;
      flow.message = 'invalid mixed usage of block and flow styles';
      validations.length = possiblyUnexpectedFlow + 1;
      i = validations.length;
      possiblyUnexpectedFlow = -1;
    }
    validations.push(validation);
    i++;
  }
  return validations;
}

function lineLength(lineMap: number[], line: number): number {
  if (line === 0) return Math.max(0, lineMap[0]! - 1);
  return Math.max(0, lineMap[line]! - lineMap[line - 1]! - 1);
}

/**
 * Each mapping's entries by key, built on a mapping's first lookup: the last entry with a key wins, merged (`<<`)
 * entries in their place, as the library's backwards scan finds them. Keyed by the AST node, so it lives as long as
 * the parse result.
 */
const entriesByKey = { merged: new WeakMap<YAMLMap, Map<unknown, YAMLMapping>>(), plain: new WeakMap<YAMLMap, Map<unknown, YAMLMapping>>() };

function entriesOf(node: YAMLMap, mergeKeys: boolean): Map<unknown, YAMLMapping> {
  const cache = mergeKeys ? entriesByKey.merged : entriesByKey.plain;
  let entries = cache.get(node);
  if (!entries) {
    entries = new Map();
    for (const item of mappingsOf(node.mappings, mergeKeys)) entries.set(item.key.value, item);
    cache.set(node, entries);
  }
  return entries;
}

/** The library's getMappings: a mapping's entries, those of `<<` replaced by the entries it merges. */
function mappingsOf(mappings: YAMLMapping[], mergeKeys: boolean): YAMLMapping[] {
  if (!mergeKeys) return mappings;
  const merged: YAMLMapping[] = [];
  for (const mapping of mappings) {
    if (!isObject(mapping)) continue;
    if (mapping.key.value === '<<') merged.push(...mergedMappings(mapping.value));
    else merged.push(mapping);
  }
  return merged;
}

function mergedMappings(node: YAMLNode | null | undefined): YAMLMapping[] {
  if (!isObject(node)) return [];
  switch (node.kind) {
    case Kind.SEQ:
      return node.items.reduceRight((items: YAMLMapping[], item) => {
        items.push(...mergedMappings(item));
        return items;
      }, []);
    case Kind.MAP:
      return node.mappings;
    case Kind.ANCHOR_REF:
      return mergedMappings(node.value);
    default:
      return [];
  }
}

/**
 * @stoplight/yaml getLocationForJsonPath: the node at `path` is found through each mapping's entries by key (and a
 * sequence's item by index) instead of a scan; its range is then the library's own, asked for that node itself.
 */
export function getYamlLocationForJsonPath(result: YamlParserResult<unknown>, path: readonly Segment[], closest = false): { range: IRange } | undefined {
  const node = findNodeAtPath(result.ast, path, closest, result.metadata !== undefined && result.metadata.mergeKeys === true);
  if (node === undefined) return undefined;
  return locateNode({ ...result, ast: node as YAMLNode }, []);
}

/** The library's findNodeAtPath, indexed. */
function findNodeAtPath(start: YAMLNode | null | undefined, path: readonly Segment[], closest: boolean, mergeKeys: boolean): YAMLNode | null | undefined {
  let node = start;
  for (const segment of path) {
    if (!isObject(node)) return closest ? node : undefined;
    if (node.kind === Kind.MAP) {
      const item = entriesOf(node, mergeKeys).get(segment);
      if (item === undefined) return closest ? node : undefined;
      node = item.value === null ? item.key : item.value;
    } else if (node.kind === Kind.SEQ) {
      // The library compares each index with Number(segment): '01', '' and ' 1 ' name items too.
      const index = Number(segment);
      const item = Number.isInteger(index) && index >= 0 && index < node.items.length ? node.items[index] : null;
      if (item === null) return closest ? node : undefined;
      node = item;
    } else {
      return closest ? node : undefined;
    }
  }
  return node;
}

function isObject<T>(value: T): value is T & object {
  return value !== null && typeof value === 'object';
}
