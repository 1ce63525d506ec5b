/**
 * Positions in JSON text, computed on demand. Spectral parses JSON with @stoplight/json `parseWithPointers` (jsonc-parser),
 * which builds an AST with a range for every node before any rule runs: most of the parse time on big documents. Here
 * `JSON.parse` gives the data; a node's range is found, only when a result needs it, by walking the text along the path
 * (children of each object/array visited are cached), with the ranges @stoplight/json's getLocationForJsonPath gives.
 */

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

const QUOTE = 34;
const BACKSLASH = 92;

interface Child {
  key: string | undefined;
  start: number;
}

/** An object's or array's members; `byKey` (objects) finds the first member with a key, as @stoplight/json does. */
interface Children {
  list: Child[];
  byKey: Map<string, Child> | undefined;
}

export class JsonText {
  private lineStarts: number[] | undefined;
  private readonly children = new Map<number, Children>();
  private readonly root: number;

  constructor(private readonly text: string) {
    this.root = this.skipWhitespace(0);
  }

  /** @stoplight/json getLocationForJsonPath(result, path, true).range. */
  rangeFor(path: ReadonlyArray<string | number>): Range | undefined {
    if (this.root >= this.text.length) return undefined;
    let node = this.root;
    for (const segment of path) {
      const numeric = Number(segment);
      const index: string | number = Number.isInteger(numeric) ? numeric : segment;
      const kind = this.text.charCodeAt(node);
      if (typeof index === 'string' || kind !== 91 /* [ */) {
        if (kind !== 123 /* { */) return this.range(node);
        const wanted = String(index);
        const child = this.childrenOf(node).byKey!.get(wanted);
        if (!child) return this.range(node);
        node = child.start;
        continue;
      }
      const items = this.childrenOf(node).list;
      if (index < 0 || index >= items.length) return this.range(node);
      node = items[index]!.start;
    }
    return this.range(node);
  }

  private range(start: number): Range {
    const end = this.valueEnd(start);
    const kind = this.text.charCodeAt(start);
    const from = this.position(start);
    if (kind === 123 || kind === 91) return { start: from, end: this.position(end) };
    return { start: from, end: { line: from.line, character: from.character + (end - start) } };
  }

  private position(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - starts[low]! };
  }

  private childrenOf(start: number): Children {
    const cached = this.children.get(start);
    if (cached) return cached;
    const text = this.text;
    const isObject = text.charCodeAt(start) === 123;
    const children: Child[] = [];
    let i = this.skipWhitespace(start + 1);
    const close = isObject ? 125 : 93;
    while (i < text.length && text.charCodeAt(i) !== close) {
      let key: string | undefined;
      if (isObject) {
        const keyEnd = this.stringEnd(i);
        key = decodeString(text, i, keyEnd);
        i = this.skipWhitespace(keyEnd);
        i = this.skipWhitespace(i + 1); // ':'
      }
      children.push({ key, start: i });
      i = this.skipWhitespace(this.valueEnd(i));
      if (text.charCodeAt(i) === 44 /* , */) i = this.skipWhitespace(i + 1);
    }
    let byKey: Map<string, Child> | undefined;
    if (isObject) {
      byKey = new Map();
      for (const child of children) if (!byKey.has(child.key!)) byKey.set(child.key!, child);
    }
    const result = { list: children, byKey };
    this.children.set(start, result);
    return result;
  }

  /** Offset just past the value that starts at `start`. */
  private valueEnd(start: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === QUOTE) return this.stringEnd(start);
    if (first !== 123 && first !== 91) {
      let i = start;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) break;
        i++;
      }
      return i;
    }
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = this.stringEnd(i);
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }

  /** Offset just past the closing quote of the string that starts at `start`. */
  private stringEnd(start: number): number {
    return stringEnd(this.text, start);
  }

  private skipWhitespace(offset: number): number {
    const text = this.text;
    let i = offset;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      i++;
    }
    return i;
  }
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

function decodeString(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** Line starts as jsonc-parser counts lines: a line break is LF, CR or CRLF. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * True when an object in `text` (valid JSON) repeats a key. JSON.parse keeps the last value silently; Spectral's parser
 * reports a duplicate key as an error, so the fast path must notice it and hand the document to Spectral's parser.
 */
export function hasDuplicateKeys(text: string): boolean {
  // Each open object keeps its keys; arrays push `null`.
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = decodeString(text, i, end);
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 123) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 91) {
      stack.push(null);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
    } else if (c === 44) {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    }
  }
  return false;
}
