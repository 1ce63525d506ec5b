import { DiagnosticSeverity } from '@stoplight/types';
import { Kind, type YAMLNode } from '@stoplight/yaml';
import { parse } from 'yaml';
import { parseYamlWithPointers } from '../engine/yaml-pointers';
import type { JsonPath } from '../openapi/json';
import { FixRefusal, type EditableFile, type Edit } from '../functions/fix-api';
import { lineEnding } from './editable-file';

/** A key and its value in a mapping of the YAML syntax tree (yaml-ast-parser's MAPPING). */
interface Mapping {
  key: YAMLNode | null;
  value: YAMLNode | null;
  startPosition: number;
  endPosition: number;
}

interface Found {
  /** The node at the path; null for a key with no value (`x-internal:`). */
  node: YAMLNode | null;
  /** The mapping entry holding `node` when the last path segment is a map key. */
  mapping?: Mapping;
}

/** yaml's limit on an implicit key (a key without `? `), which Spectral's parser does not enforce. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/**
 * A YAML file edited at the text ranges of its nodes. The nodes come from the parse the linter itself uses
 * (Spectral's YAML parser, src/engine/yaml-pointers.ts: yaml-ast-parser's tree, with positions), so what a fix edits is
 * what the linter read, and the data a fix reads is the linter's; the change itself is a splice of the source text, so
 * every byte the fix does not target — comments, blank lines, quoting, flow or block style, CRLF — stays as it was.
 * (The `yaml` package's Document located nodes before: it parses about five times slower and held 546 MB for a 21 MB
 * spec, once per round of fixes.)
 */
export class YamlFile implements EditableFile {
  readonly data: unknown;
  private readonly root: YAMLNode | undefined;
  private readonly eol: string;
  private usedAnchors: Set<string> | undefined;
  private flowRanges: Array<[number, number]> | undefined;
  private readonly mappingsByMap = new WeakMap<YAMLNode, Map<string, Mapping>>();

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const parsed = parseYamlWithPointers(text);
    const error = parsed.diagnostics.find((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
    if (error) {
      const linePos = [{ line: error.range.start.line + 1, col: error.range.start.character + 1 }];
      throw new Error(`cannot parse YAML: ${error.message.split('\n')[0]}`, { cause: { linePos } });
    }
    this.root = parsed.ast ?? undefined;
    this.data = parsed.data;
    this.eol = lineEnding(text);
    this.refuseLongImplicitKeys();
  }

  renameKey(path: JsonPath, newKey: string): Edit[] {
    const { mapping } = this.find(path);
    const key = mapping?.key;
    if (!key || key.kind !== Kind.SCALAR) throw new FixRefusal('the key is not a plain scalar');
    return [this.scalarEdit(key, newKey)];
  }

  replaceString(path: JsonPath, value: string): Edit[] {
    const { node } = this.find(path);
    if (!node || node.kind !== Kind.SCALAR || typeof this.valueAt(path) !== 'string') throw new FixRefusal('the value is not a string');
    return [this.scalarEdit(node, value)];
  }

  replaceWithBoolean(path: JsonPath, value: boolean): Edit[] {
    const { node, mapping } = this.find(path, true, true);
    if (!node) {
      // `x-internal:` with nothing after the colon: the value goes after it.
      const colon = mapping?.key ? this.text.indexOf(':', mapping.key.endPosition) : -1;
      if (colon === -1) throw new FixRefusal('the value has no position in the file');
      return [{ offset: colon + 1, length: 0, content: ` ${String(value)}` }];
    }
    if (node.kind === Kind.SCALAR && this.propsBefore(node).tag) throw new FixRefusal('the value has an explicit tag');
    const start = startOf(node, this.text);
    return [{ offset: start, length: node.endPosition - start, content: String(value) }];
  }

  insertBooleanProperty(objectPath: JsonPath, key: string, value: boolean): Edit[] {
    const { node: map } = this.find(objectPath);
    if (!map || map.kind !== Kind.MAP) throw new FixRefusal('not a mapping');
    const mappings = (map.mappings ?? []) as Mapping[];
    const flow = this.isFlow(map);
    const entry = `${this.render(key, 'PLAIN', flow)}: ${String(value)}`;
    const first = mappings[0];
    if (flow) {
      if (!first) return [{ offset: map.startPosition, length: map.endPosition - map.startPosition, content: `{ ${entry} }` }];
      if (!first.key) throw new FixRefusal('cannot place a new key in this mapping');
      return [{ offset: this.propsBefore(first.key).start, length: 0, content: `${entry}, ` }];
    }
    // After any merge keys (`<<: *defaults`): some parsers let a later merge override an earlier own key.
    const lastMerge = mappings.reduce((last, mapping, index) => (isMergeKey(mapping.key) ? index : last), -1);
    const before = mappings[lastMerge + 1];
    if (!before?.key || this.propsBefore(before.key).start !== before.key.startPosition) throw new FixRefusal('cannot place a new key in this mapping');
    const at = before.key.startPosition;
    const column = at - (this.text.lastIndexOf('\n', at - 1) + 1);
    return [{ offset: at, length: 0, content: `${entry}${this.eol}${' '.repeat(column)}` }];
  }

  removeItem(arrayPath: JsonPath, index: number): Edit[] {
    const { node: seq } = this.find(arrayPath);
    if (!seq || seq.kind !== Kind.SEQ) throw new FixRefusal('not a sequence');
    const items = (seq as unknown as { items: Array<YAMLNode | null> }).items;
    const item = items[index];
    if (!item) throw new FixRefusal('no such item');
    const start = (node: YAMLNode) => this.propsBefore(node).start;
    if (this.isFlow(seq)) {
      const next = items[index + 1];
      const previous = items[index - 1];
      if (next) return [{ offset: start(item), length: start(next) - start(item), content: '' }];
      if (previous) return [{ offset: previous.endPosition, length: item.endPosition - previous.endPosition, content: '' }];
      return [{ offset: start(item), length: item.endPosition - start(item), content: '' }];
    }
    // A block item is its own line(s): `  - http  # comment`. Remove the whole line when that is all it holds.
    const lineStart = this.text.lastIndexOf('\n', item.startPosition - 1) + 1;
    if (!/^[ \t]*-[ \t]+$/.test(this.text.slice(lineStart, item.startPosition))) throw new FixRefusal('the item does not stand on its own line');
    const newline = this.text.indexOf('\n', item.endPosition);
    const lineEnd = newline === -1 ? this.text.length : newline + 1;
    if (!/^[ \t]*(#.*)?\r?\n?$/.test(this.text.slice(item.endPosition, lineEnd))) throw new FixRefusal('the item shares its line');
    if (items.length === 1) throw new FixRefusal('it is the only item');
    return [{ offset: lineStart, length: lineEnd - lineStart, content: '' }];
  }

  offsetOf(path: JsonPath): number | undefined {
    try {
      const { node, mapping } = this.find(path, false, true);
      const at = mapping?.key ?? node;
      return at ? startOf(at, this.text) : undefined;
    } catch {
      return undefined;
    }
  }

  hasOwnKey(path: JsonPath, key: string): boolean {
    const { node } = this.find(path);
    return node?.kind === Kind.MAP && this.mappingsOf(node).has(key);
  }

  /**
   * The node at a JSON path; refuses when it is reached through an alias or merge key, or is anchored and aliased.
   * `allowEmpty`: a key with no value is found (node null) rather than refused.
   */
  private find(path: JsonPath, strict = true, allowEmpty = false): Found {
    let node: YAMLNode | null = this.root ?? null;
    let mapping: Mapping | undefined;
    const shared = (what: string) => new FixRefusal(`it is shared through the YAML ${what}; edit the anchor by hand`);
    for (const segment of path) {
      if (!node) throw new FixRefusal('the node is not in the file');
      if (node.kind === Kind.ANCHOR_REF) {
        if (strict) throw shared(`alias *${(node as unknown as { referencesAnchor: string }).referencesAnchor}`);
        node = (node.value as YAMLNode | undefined) ?? null; // the anchored node (the parser's copy, at its positions)
        if (!node) throw new FixRefusal('the node is not in the file');
      }
      if (strict) this.refuseIfAliased(node, shared);
      mapping = undefined;
      if (node.kind === Kind.MAP) {
        mapping = this.mappingsOf(node).get(String(segment));
        if (!mapping) {
          if (((node.mappings ?? []) as Mapping[]).some((each) => isMergeKey(each.key))) throw shared('merge key <<');
          throw new FixRefusal('the node is not in the file');
        }
        node = mapping.value;
      } else if (node.kind === Kind.SEQ && typeof segment === 'number') {
        node = (node as unknown as { items: Array<YAMLNode | null> }).items[segment] ?? null;
      } else {
        throw new FixRefusal('the node is not in the file');
      }
    }
    if (!node) {
      if (allowEmpty && mapping) return { node: null, mapping };
      throw new FixRefusal('the node is empty');
    }
    if (!strict) return { node, mapping };
    if (node.kind === Kind.ANCHOR_REF) {
      const anchor = (node as unknown as { referencesAnchor: string }).referencesAnchor;
      if ((node.value as YAMLNode | undefined)?.kind !== Kind.SCALAR) throw shared(`alias *${anchor}`);
    }
    this.refuseIfAliased(node, shared);
    return { node, mapping };
  }

  /** The value the linter reads at `path` (aliases and merge keys resolved). */
  private valueAt(path: JsonPath): unknown {
    let value = this.data;
    for (const segment of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[String(segment)];
    }
    return value;
  }

  /**
   * A mapping's entries by key (the first of a repeated key), built once per mapping: a fix looks up thousands of
   * path keys in one `paths` mapping.
   */
  private mappingsOf(map: YAMLNode): Map<string, Mapping> {
    let entries = this.mappingsByMap.get(map);
    if (!entries) {
      entries = new Map();
      for (const mapping of (map.mappings ?? []) as Mapping[]) {
        if (mapping.key?.kind !== Kind.SCALAR || isMergeKey(mapping.key)) continue;
        const key = String(mapping.key.value);
        if (!entries.has(key)) entries.set(key, mapping);
      }
      this.mappingsByMap.set(map, entries);
    }
    return entries;
  }

  private refuseIfAliased(node: YAMLNode, shared: (what: string) => FixRefusal): void {
    const anchor = node.anchorId;
    if (anchor && this.aliasedAnchors().has(anchor)) throw shared(`anchor &${anchor}`);
  }

  /** The anchors some alias refers to. */
  private aliasedAnchors(): Set<string> {
    if (!this.usedAnchors) {
      const used = new Set<string>();
      this.walk((node) => void (node.kind === Kind.ANCHOR_REF && used.add((node as unknown as { referencesAnchor: string }).referencesAnchor)));
      this.usedAnchors = used;
    }
    return this.usedAnchors;
  }

  /** Visits every node of the tree once (not the copies the parser puts behind aliases), without recursion. */
  private walk(visit: (node: YAMLNode) => void): void {
    const pending: Array<YAMLNode | null | undefined> = [this.root];
    while (pending.length > 0) {
      const node = pending.pop();
      if (!node) continue;
      visit(node);
      if (node.kind === Kind.MAP) for (const mapping of (node.mappings ?? []) as Mapping[]) pending.push(mapping.key, mapping.value);
      else if (node.kind === Kind.SEQ) for (const item of (node as unknown as { items: Array<YAMLNode | null> }).items) pending.push(item);
    }
  }

  /** yaml forbids an implicit block key over 1,024 characters; so does this editor, with yaml's words and position. */
  private refuseLongImplicitKeys(): void {
    this.walk((node) => {
      if (node.kind !== Kind.MAP || this.isFlow(node)) return;
      for (const mapping of (node.mappings ?? []) as Mapping[]) {
        const key = mapping.key;
        if (!key || key.endPosition - key.startPosition <= MAX_IMPLICIT_KEY_LENGTH) continue;
        const lineStart = this.text.lastIndexOf('\n', key.startPosition - 1) + 1;
        if (this.text.slice(lineStart, key.startPosition).trimStart().startsWith('?')) continue;
        const line = this.text.slice(0, key.startPosition).split('\n').length;
        throw new Error('cannot parse YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key', {
          cause: { linePos: [{ line, col: key.startPosition - lineStart + 1 }] },
        });
      }
    });
  }

  /** Where a node starts with its properties (`&anchor`, `!tag`), and whether it has a tag. */
  private propsBefore(node: YAMLNode): { start: number; tag: boolean } {
    let start = startOf(node, this.text);
    let tag = false;
    for (;;) {
      let end = start;
      while (end > 0 && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end--;
      let tokenStart = end;
      while (tokenStart > 0 && !/[\s,[\]{}]/.test(this.text[tokenStart - 1] as string)) tokenStart--;
      const token = this.text.slice(tokenStart, end);
      if (end === start || !/^[&!]/.test(token)) return { start, tag };
      if (token.startsWith('!')) tag = true;
      start = tokenStart;
    }
  }

  private scalarEdit(node: YAMLNode, value: string): Edit {
    const style = (node as { doubleQuoted?: boolean }).doubleQuoted
      ? 'QUOTE_DOUBLE'
      : (node as { singleQuoted?: boolean }).singleQuoted
        ? 'QUOTE_SINGLE'
        : (node as { plainScalar?: boolean }).plainScalar
          ? 'PLAIN'
          : 'BLOCK';
    const start = node.startPosition;
    return { offset: start, length: node.endPosition - start, content: this.render(value, style, this.insideFlow(start)) };
  }

  /** The scalar in the same style as the one it replaces, when that style can hold it; else double-quoted. */
  private render(value: string, style: string, inFlow: boolean): string {
    if (style === 'QUOTE_SINGLE' && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
    if (style === 'PLAIN' && value.length > 0 && plainKeepsValue(value, inFlow)) return value;
    return JSON.stringify(value);
  }

  private isFlow(node: YAMLNode): boolean {
    const opening = this.text[node.startPosition];
    return (node.kind === Kind.MAP && opening === '{') || (node.kind === Kind.SEQ && opening === '[');
  }

  /** Whether the offset sits inside a flow collection (where `,[]{}` end a plain scalar). */
  private insideFlow(offset: number): boolean {
    this.flowRanges ??= this.outermostFlowRanges();
    // The outermost flow collections are disjoint and sorted: the one starting last before the offset is the only candidate.
    let low = 0;
    let high = this.flowRanges.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.flowRanges[middle] as [number, number])[0] < offset) low = middle + 1;
      else high = middle;
    }
    const candidate = this.flowRanges[low - 1];
    return candidate !== undefined && offset < candidate[1];
  }

  /** The ranges of the flow collections not inside another one (a flow collection holds only flow collections), in order. */
  private outermostFlowRanges(): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    this.walk((node) => void (this.isFlow(node) && ranges.push([node.startPosition, node.endPosition])));
    ranges.sort((a, b) => a[0] - b[0]);
    const outermost: Array<[number, number]> = [];
    for (const range of ranges) {
      const last = outermost[outermost.length - 1];
      if (!last || range[0] >= last[1]) outermost.push(range);
    }
    return outermost;
  }
}

/** Parse the candidate back, in a block and (if needed) a flow context: plain style is kept only when it round-trips. */
function plainKeepsValue(value: string, inFlow: boolean): boolean {
  try {
    const block = parse(`k: ${value}\n`) as Record<string, unknown> | null;
    if (block?.k !== value) return false;
    const asKey = parse(`${value}: v\n`) as Record<string, unknown> | null;
    if (!asKey || !Object.prototype.hasOwnProperty.call(asKey, value)) return false;
    if (!inFlow) return true;
    const flow = parse(`[${value}]`) as unknown[];
    return Array.isArray(flow) && flow.length === 1 && flow[0] === value;
  } catch {
    return false;
  }
}

/** Where a node's own text starts: an alias's includes its `*` (the parser's position is the anchor name's). */
function startOf(node: YAMLNode, text: string): number {
  return node.kind === Kind.ANCHOR_REF && text[node.startPosition - 1] === '*' ? node.startPosition - 1 : node.startPosition;
}

/** A `<<` key merges a mapping in (quoted or not, as Spectral's parser reads it). */
function isMergeKey(key: YAMLNode | null): boolean {
  return key?.kind === Kind.SCALAR && key.value === '<<';
}
