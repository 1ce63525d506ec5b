import { isAlias, isMap, isPair, isScalar, isSeq, parse, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { JsonPath } from '../openapi/json';
import { FixRefusal, type EditableFile, type Edit } from '../functions/fix-api';
import { lineEnding } from './editable-file';

interface Found {
  node: Node;
  /** The pair holding `node` when the last path segment is a map key. */
  pair?: Pair<Node, Node | null>;
}

/**
 * A YAML file edited at the text ranges of its nodes. The `yaml` package's Document API locates nodes (with their
 * ranges, styles, anchors and aliases); the change itself is a splice of the source text, so every byte the fix does
 * not target — comments, blank lines, quoting, flow or block style, CRLF — stays exactly as it was. (Re-stringifying
 * the Document would normalise indentation, spacing inside flow collections and line endings.)
 */
export class YamlFile implements EditableFile {
  readonly data: unknown;
  private readonly document: Document.Parsed;
  private readonly eol: string;
  private usedAnchors: Set<string> | undefined;
  private flowRanges: Array<[number, number]> | undefined;
  private readonly pairsByMap = new WeakMap<YAMLMap, Map<string, Pair<Node, Node | null>>>();

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.document = parseDocument(text, { merge: true, uniqueKeys: false });
    const [error] = this.document.errors;
    if (error) throw new Error(`cannot parse YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, { cause: error });
    compactScalars(this.document);
    this.data = this.document.toJS({ maxAliasCount: 10_000 });
    this.eol = lineEnding(text);
  }

  renameKey(path: JsonPath, newKey: string): Edit[] {
    const { pair } = this.find(path);
    if (!pair || !isScalar(pair.key) || !pair.key.range) throw new FixRefusal('the key is not a plain scalar');
    return [this.scalarEdit(pair.key, newKey)];
  }

  replaceString(path: JsonPath, value: string): Edit[] {
    const { node } = this.find(path);
    if (!isScalar(node) || typeof node.value !== 'string') throw new FixRefusal('the value is not a string');
    return [this.scalarEdit(node, value)];
  }

  replaceWithBoolean(path: JsonPath, value: boolean): Edit[] {
    const { node } = this.find(path);
    const range = node.range;
    if (!range) throw new FixRefusal('the value has no position in the file');
    if ((node as { tag?: string }).tag && isScalar(node)) throw new FixRefusal('the value has an explicit tag');
    return [{ offset: range[0], length: range[1] - range[0], content: String(value) }];
  }

  insertBooleanProperty(objectPath: JsonPath, key: string, value: boolean): Edit[] {
    const map = this.find(objectPath).node;
    if (!isMap(map) || !map.range) throw new FixRefusal('not a mapping');
    const entry = `${this.render(key, 'PLAIN', Boolean(map.flow))}: ${String(value)}`;
    const first = map.items[0];
    if (map.flow) {
      if (!first) {
        return [{ offset: map.range[0], length: map.range[1] - map.range[0], content: `{ ${entry} }` }];
      }
      const at = keyStart(first);
      if (at === undefined) throw new FixRefusal('cannot place a new key in this mapping');
      return [{ offset: at, length: 0, content: `${entry}, ` }];
    }
    // After any merge keys (`<<: *defaults`): some parsers let a later merge override an earlier own key.
    const lastMerge = map.items.reduce((last, pair, index) => (isMergeKey(pair.key) ? index : last), -1);
    const before = map.items[lastMerge + 1];
    const at = before ? keyStart(before) : undefined;
    if (at === undefined || hasProps(before?.key)) throw new FixRefusal('cannot place a new key in this mapping');
    const column = at - (this.text.lastIndexOf('\n', at - 1) + 1);
    return [{ offset: at, length: 0, content: `${entry}${this.eol}${' '.repeat(column)}` }];
  }

  removeItem(arrayPath: JsonPath, index: number): Edit[] {
    const seq = this.find(arrayPath).node;
    if (!isSeq(seq)) throw new FixRefusal('not a sequence');
    const item = seq.items[index] as Node | undefined;
    if (!item?.range) throw new FixRefusal('no such item');
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      const previous = seq.items[index - 1] as Node | undefined;
      if (next?.range) return [{ offset: item.range[0], length: next.range[0] - item.range[0], content: '' }];
      if (previous?.range) return [{ offset: previous.range[1], length: item.range[1] - previous.range[1], content: '' }];
      return [{ offset: item.range[0], length: item.range[1] - item.range[0], content: '' }];
    }
    // A block item is its own line(s): `  - http  # comment`. Remove the whole line when that is all it holds.
    const lineStart = this.text.lastIndexOf('\n', item.range[0] - 1) + 1;
    if (!/^[ \t]*-[ \t]+$/.test(this.text.slice(lineStart, item.range[0]))) throw new FixRefusal('the item does not stand on its own line');
    const newline = this.text.indexOf('\n', item.range[1]);
    const lineEnd = newline === -1 ? this.text.length : newline + 1;
    if (!/^[ \t]*(#.*)?\r?\n?$/.test(this.text.slice(item.range[1], lineEnd))) throw new FixRefusal('the item shares its line');
    if (seq.items.length === 1) throw new FixRefusal('it is the only item');
    return [{ offset: lineStart, length: lineEnd - lineStart, content: '' }];
  }

  offsetOf(path: JsonPath): number | undefined {
    try {
      const { node, pair } = this.find(path, false);
      return ((pair?.key as Node | undefined)?.range ?? node.range)?.[0];
    } catch {
      return undefined;
    }
  }

  hasOwnKey(path: JsonPath, key: string): boolean {
    const map = this.find(path).node;
    return isMap(map) && map.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  }

  /** The node at a JSON path; refuses when it is reached through an alias or merge key, or is anchored and aliased. */
  private find(path: JsonPath, strict = true): Found {
    let node = this.document.contents as Node | null;
    let pair: Pair<Node, Node | null> | undefined;
    const shared = (what: string) => new FixRefusal(`it is shared through the YAML ${what}; edit the anchor by hand`);
    for (const segment of path) {
      if (!node) throw new FixRefusal('the node is not in the file');
      if (isAlias(node)) {
        if (strict) throw shared(`alias *${node.source}`);
        node = node.resolve(this.document) ?? null;
        if (!node) throw new FixRefusal('the node is not in the file');
      }
      if (strict) this.refuseIfAliased(node, shared);
      pair = undefined;
      if (isMap(node)) {
        pair = this.pairsOf(node as YAMLMap<Node, Node | null>).get(String(segment));
        if (!pair) {
          if ((node as YAMLMap).items.some((item) => isMergeKey(item.key))) throw shared('merge key <<');
          throw new FixRefusal('the node is not in the file');
        }
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = ((node as YAMLSeq<Node>).items[segment] as Node | undefined) ?? null;
      } else {
        throw new FixRefusal('the node is not in the file');
      }
    }
    if (!node) throw new FixRefusal('the node is empty');
    if (!strict) return { node, pair };
    if (isAlias(node) && !isScalar(node.resolve(this.document))) throw shared(`alias *${node.source}`);
    this.refuseIfAliased(node, shared);
    return { node, pair };
  }

  /**
   * A mapping's pairs by key (the first pair of a repeated key, as a linear search found it), built once per mapping:
   * a fix looks up thousands of path keys in one `paths` mapping.
   */
  private pairsOf(map: YAMLMap<Node, Node | null>): Map<string, Pair<Node, Node | null>> {
    let pairs = this.pairsByMap.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (!pairs.has(key)) pairs.set(key, item);
      }
      this.pairsByMap.set(map, pairs);
    }
    return pairs;
  }

  private refuseIfAliased(node: Node, shared: (what: string) => FixRefusal): void {
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && this.anchorsInUse().has(anchor)) throw shared(`anchor &${anchor}`);
  }

  private anchorsInUse(): Set<string> {
    if (!this.usedAnchors) {
      const used = new Set<string>();
      visit(this.document, { Alias: (_key, alias) => void used.add(alias.source) });
      this.usedAnchors = used;
    }
    return this.usedAnchors;
  }

  private scalarEdit(node: Scalar, value: string): Edit {
    const range = node.range;
    if (!range) throw new FixRefusal('the value has no position in the file');
    const inFlow = this.insideFlow(range[0]);
    return { offset: range[0], length: range[1] - range[0], content: this.render(value, node.type ?? 'PLAIN', inFlow) };
  }

  /** The scalar in the same style as the one it replaces, when that style can hold it; else double-quoted. */
  private render(value: string, style: string, inFlow: boolean): string {
    if (style === 'QUOTE_SINGLE' && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
    if (style === 'PLAIN' && value.length > 0 && plainKeepsValue(value, inFlow)) return value;
    return JSON.stringify(value);
  }

  /** Whether the offset sits inside a flow collection (where `,[]{}` end a plain scalar). */
  private insideFlow(offset: number): boolean {
    this.flowRanges ??= outermostFlowRanges(this.document);
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
}

/** The ranges of the flow collections not inside another one (a flow collection holds only flow collections), in order. */
function outermostFlowRanges(document: Document.Parsed): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const collect = (_key: unknown, node: YAMLMap | YAMLSeq) => void (node.flow && node.range && ranges.push([node.range[0], node.range[1]]));
  visit(document, { Map: collect, Seq: collect });
  ranges.sort((a, b) => a[0] - b[0]);
  const outermost: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = outermost[outermost.length - 1];
    if (!last || range[0] >= last[1]) outermost.push(range);
  }
  return outermost;
}

/**
 * Replaces each scalar's value with a copy of itself and drops its source text (kept by the yaml package for
 * re-stringifying, which a fix never does: it splices the file's text). The strings the package gives are slices of
 * larger strings it made while reading, and a slice keeps the whole of what it was cut from alive: a 21 MB spec held
 * 546 MB as a Document, 140 MB once compacted (and a fix holds one per round).
 */
function compactScalars(document: Document.Parsed): void {
  visit(document, {
    Scalar: (_key, node) => {
      if (typeof node.value === 'string') node.value = copyOf(node.value);
      node.source = undefined;
    },
  });
}

/** A flat copy of a string (V8 makes one when a concatenation is sliced), so it no longer pins its parent. */
function copyOf(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
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

/** With `merge: true`, the yaml package gives a merge key the value Symbol(<<); a quoted '<<' stays a string. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

function keyStart(pair: Pair<unknown, unknown>): number | undefined {
  const key = pair.key as Node | null;
  return isPair(pair) && key?.range ? key.range[0] : undefined;
}

function hasProps(node: unknown): boolean {
  const props = node as { anchor?: string; tag?: string } | null | undefined;
  return Boolean(props?.anchor || props?.tag);
}
