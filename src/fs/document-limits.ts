import type { Node as YamlNode } from 'yaml';
import { ToolError } from '../errors';

/**
 * Deepest nesting accepted. Spectral's parsers and resolver recurse once per level and overflow the stack somewhere
 * between 1 000 and 2 000 levels; real OpenAPI documents stay under 50.
 */
export const MAX_NESTING = 500;

/**
 * Most keys one YAML mapping of a document may hold. Both engines parse documents with src/engine/yaml-pointers.ts,
 * in time linear in a mapping's size (about 1 s per 100 000 plain keys); linting was measured linear up to this many
 * keys in one mapping (100 000 paths, each with a finding: 14 s and 1.5 GB, about twice the time of the same JSON).
 * JSON is parsed another way and has no such limit.
 */
export const MAX_MAPPING_KEYS = 100_000;

/**
 * Most keys one YAML mapping of a `$ref`-ed file may hold. When Spectral's engine runs (a config with rules of its
 * own), spectral-core's resolver parses `$ref`-ed files with spectral-parsers' YAML parser, which checks each key
 * against a list of the keys before it: its time grows with the square of a mapping's size (20 000 keys: 5 s, 50 000:
 * 10 s, 100 000: 51 s). The fast engine reads them through the same door, so both engines refuse the same files.
 */
export const MAX_REFERENCED_MAPPING_KEYS = 20_000;

/**
 * Most nodes that YAML aliases may expand a document to: Spectral's YAML parser copies every alias, so a few lines of
 * nested aliases ("billion laughs") would otherwise expand to billions of nodes. Generous for real documents, which
 * reuse an anchor a few dozen times.
 */
export function aliasExpansionLimit(writtenNodes: number): number {
  return Math.max(100_000, 10 * writtenNodes);
}

/**
 * Refuses text that would take the parsers or the linter down instead of giving an answer: nesting deeper than
 * MAX_NESTING, a YAML mapping with more keys than MAX_MAPPING_KEYS (MAX_REFERENCED_MAPPING_KEYS in a file `read`
 * through a `$ref`), and YAML aliases that expand past aliasExpansionLimit. Linear in the text; the YAML pass runs
 * only on YAML text that holds an alias at all.
 */
export function checkDocumentLimits(text: string, displayName: string, isJson: boolean, read: 'document' | 'referenced' = 'document'): void {
  const deep = firstTooDeep(text, isJson);
  if (deep) {
    throw new ToolError(`nested more than ${MAX_NESTING} levels deep; refusing to parse (flatten the document, e.g. with $refs)`, displayName, deep.line, deep.column);
  }
  const maxKeys = read === 'document' ? MAX_MAPPING_KEYS : MAX_REFERENCED_MAPPING_KEYS;
  const huge = isJson ? undefined : firstHugeMapping(text, maxKeys);
  if (huge) {
    const why =
      read === 'document'
        ? 'larger ones are not linted (save the document as JSON, which has no such limit)'
        : "Spectral's YAML parser, which reads $ref-ed files when Spectral's engine runs, takes time that grows with the square of that (save the file as JSON, which has no such limit)";
    throw new ToolError(`a YAML mapping with more than ${maxKeys.toLocaleString('en-US')} keys; ${why}`, displayName, huge.line, huge.column);
  }
  if (!isJson && mayHoldAlias(text)) checkAliasExpansion(text, displayName);
  if ([...UNSAFE_KEYS.keys()].some((key) => text.includes(key)) || ESCAPED_KEY.test(text)) checkUnsafeKeys(text, displayName);
}

/**
 * Keys that make Spectral give wrong answers or crash, refused at the key instead. Other keys named like members of
 * Object.prototype (`constructor`, `toString`, ...) lint normally: the tests prove it.
 */
const UNSAFE_KEYS = new Map<string, string>([
  // Spectral's parsers build objects by assignment: the key sets its object's prototype, and it and its siblings vanish
  // from what the rules see (Object.prototype itself stays clean).
  ['__proto__', 'JavaScript parsers turn it into a prototype and drop it'],
  // Spectral's $ref resolver calls `object.hasOwnProperty(key)` on every object of the document and crashes.
  ['hasOwnProperty', "Spectral's $ref resolver calls hasOwnProperty() on every object and crashes"],
]);

/**
 * A double-quoted key holding an escape (`"\x5f_proto__":`, `"\u005f_proto__":`): it may spell one of UNSAFE_KEYS
 * without its letters appearing in the text, so the keys are decoded and checked. Rare in real documents, whose
 * escapes sit in values.
 */
const ESCAPED_KEY = /"[^"\n\\]{0,40}\\.(?:[^"\n\\]|\\.){0,80}"[ \t]*:/;

function checkUnsafeKeys(text: string, displayName: string): void {
  const { isScalar, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  let found: { key: string; offset: number } | undefined;
  visit(document, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && UNSAFE_KEYS.has(key)) {
        found = { key, offset: pair.key && isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0 };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!found) return;
  const { line, col } = lineCounter.linePos(found.offset);
  throw new ToolError(`a key named "${found.key}" cannot be linted: ${UNSAFE_KEYS.get(found.key)} (rename the key)`, displayName, line, col);
}

/** A stack overflow while parsing or linting a document, as a one-line ToolError (exit 2) instead of a crash. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

export function stackOverflowError(displayName: string, doing: string, error: unknown): ToolError {
  return new ToolError(`nested too deeply to ${doing} (stack overflow); flatten the document, e.g. with $refs`, displayName, undefined, undefined, { cause: error });
}

/** The `yaml` package, loaded only when a check needs it (it costs start-up time on every run otherwise). */
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof import('yaml');
}

interface Position {
  line: number;
  column: number;
}

/**
 * The first place where nesting exceeds MAX_NESTING: flow brackets (all of JSON; YAML's `[...]`/`{...}`) plus, for
 * YAML, block indentation levels. Hand-written: both parsers at hand recurse per level, which is what this guards.
 * It skips quoted strings and comments; a quote inside a plain YAML scalar may hide brackets from it, which can only
 * under-count (the stack-overflow guard is the backstop), never refuse a document wrongly.
 */
function firstTooDeep(text: string, isJson: boolean): Position | undefined {
  let flow = 0;
  const indents: number[] = [];
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      continue;
    }
    if (!isJson && atLineStart && flow === 0) {
      if (char === ' ' || char === '\r' || char === '\t') continue;
      atLineStart = false;
      if (char === '#') {
        i = skipToLineEnd(text, i);
        continue;
      }
      const indent = i - lineStart;
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > MAX_NESTING) return { line, column: i - lineStart + 1 };
    }
    atLineStart = false;
    if (char === '"' || (char === "'" && !isJson && startsScalar(text, i))) {
      i = skipQuoted(text, i);
      continue;
    }
    if (char === '#' && !isJson && (i === 0 || /\s/.test(text[i - 1] as string))) {
      i = skipToLineEnd(text, i);
      continue;
    }
    if (char === '[' || char === '{') {
      flow++;
      if (flow + indents.length > MAX_NESTING) return { line, column: i - lineStart + 1 };
    } else if ((char === ']' || char === '}') && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

/**
 * Where the first YAML mapping with more than `maxKeys` keys starts, or undefined. A linear scan of the text
 * (the parser is what it guards), counting the entries of block mappings (lines at one indentation under one parent
 * that hold `key:`; sequence items and block scalar lines are not keys) and of flow mappings (commas in `{...}`).
 * Text with fewer colons than the limit cannot hold such a mapping and is not scanned. The count can only err high on
 * odd text (a multi-line plain scalar of `a: b` lines), never let a huge mapping through.
 */
function firstHugeMapping(text: string, maxKeys: number): Position | undefined {
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1 && colons <= maxKeys; at = text.indexOf(':', at + 1)) colons++;
  if (colons <= maxKeys) return undefined;

  const block: Array<{ indent: number; count: number; start: number }> = [];
  const flow: Array<{ isMap: boolean; count: number; start: number }> = [];
  let blockScalarIndent = -1; // the indentation of the line whose block scalar (`|`, `>`) is being skipped
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let i = lineStart;
    if (flow.length === 0) {
      let content = lineStart;
      while (text.charCodeAt(content) === SPACE) content++;
      const indent = content - lineStart;
      const first = text.charCodeAt(content);
      const blank = content >= lineEnd || first === CR || first === HASH;
      if (blank || (blockScalarIndent !== -1 && indent > blockScalarIndent)) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarIndent = -1;
      let keyStart = content;
      if (first === DASH && isBlankOrEnd(text.charCodeAt(content + 1))) {
        while (block.length > 0 && block[block.length - 1]!.indent > indent) block.pop();
        keyStart = content + 1;
        while (text.charCodeAt(keyStart) === SPACE) keyStart++;
      }
      const colon = keyStart < lineEnd ? keyColon(text, keyStart, lineEnd) : -1;
      if (colon !== -1) {
        const keyIndent = keyStart - lineStart;
        while (block.length > 0 && block[block.length - 1]!.indent > keyIndent) block.pop();
        const top = block[block.length - 1];
        if (top && top.indent === keyIndent) {
          if (++top.count > maxKeys) return positionOf(text, top.start);
        } else {
          block.push({ indent: keyIndent, count: 1, start: keyStart });
        }
      }
      if (endsWithBlockScalar(text, content, lineEnd)) blockScalarIndent = indent;
      // A flow collection starts a value or an item, never inside a plain scalar: only then is the line scanned.
      let value = colon === -1 ? keyStart : colon + 1;
      while (text.charCodeAt(value) === SPACE) value++;
      const opener = text.charCodeAt(value);
      if (opener !== OPEN_BRACE && opener !== OPEN_BRACKET) {
        lineStart = lineEnd + 1;
        continue;
      }
      i = value;
    }
    // Flow collections (`{...}`, `[...]`), which may span lines: character by character.
    for (; i < lineEnd; i++) {
      const char = text.charCodeAt(i);
      if (char === DOUBLE_QUOTE || (char === SINGLE_QUOTE && startsScalar(text, i))) {
        i = skipQuoted(text, i);
      } else if (char === HASH && (i === 0 || isBlankOrEnd(text.charCodeAt(i - 1)))) {
        break;
      } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
        flow.push({ isMap: char === OPEN_BRACE, count: 0, start: i });
      } else if ((char === CLOSE_BRACE || char === CLOSE_BRACKET) && flow.length > 0) {
        flow.pop();
      } else if (char === COMMA && flow.length > 0) {
        const top = flow[flow.length - 1]!;
        if (top.isMap && ++top.count >= maxKeys) return positionOf(text, top.start);
      }
    }
    // A quoted scalar may end past this line: go on after it.
    lineStart = Math.max(lineEnd, i) + 1;
    if (i > lineEnd) {
      const next = text.indexOf('\n', i);
      if (flow.length === 0) lineStart = next === -1 ? text.length : next + 1;
    }
  }
  return undefined;
}

const [SPACE, CR, HASH, DASH, COMMA, DOUBLE_QUOTE, SINGLE_QUOTE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, PIPE, GREATER, TAB, NEWLINE, COLON, PLUS] = [
  ...' \r#-,"\'{}[]|>\t\n:+',
].map((char) => char.charCodeAt(0));

function isBlankOrEnd(char: number): boolean {
  return Number.isNaN(char) || char === SPACE || char === TAB || char === CR || char === NEWLINE;
}

/** Where the colon of `key:` is on the line from `from` (a colon followed by a blank or the line's end), or -1. */
function keyColon(text: string, from: number, lineEnd: number): number {
  const first = text.charCodeAt(from);
  if (first === OPEN_BRACE || first === OPEN_BRACKET || first === PIPE || first === GREATER || first === HASH) return -1;
  let i = first === DOUBLE_QUOTE || first === SINGLE_QUOTE ? skipQuoted(text, from) + 1 : from;
  for (; i < lineEnd; i++) {
    const char = text.charCodeAt(i);
    if (char === COLON && isBlankOrEnd(text.charCodeAt(i + 1))) return i;
    if (char === HASH && isBlankOrEnd(text.charCodeAt(i - 1))) return -1;
  }
  return -1;
}

/** Whether the line ends in a block scalar indicator (`key: |`, `- >-`, `key: |2+`): its next lines are text, not keys. */
function endsWithBlockScalar(text: string, content: number, lineEnd: number): boolean {
  let i = lineEnd - 1;
  while (i > content && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === CR)) i--;
  for (let indicators = 0; indicators < 2 && i > content && isBlockScalarIndicator(text.charCodeAt(i)); indicators++) i--;
  const char = text.charCodeAt(i);
  return (char === PIPE || char === GREATER) && (i === content || isBlankOrEnd(text.charCodeAt(i - 1)));
}

/** `-`, `+` (chomping) or `1`-`9` (indentation) after `|` or `>`. */
function isBlockScalarIndicator(char: number): boolean {
  return char === DASH || char === PLUS || (char >= 49 && char <= 57);
}

function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function startsScalar(text: string, i: number): boolean {
  const before = i === 0 ? '\n' : (text[i - 1] as string);
  return /[\s:[\]{},-]/.test(before);
}

/** Index of the closing quote (or the last index, for an unterminated string; the parser reports that one). */
function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const char = text[j];
    if (quote === '"' && char === '\\') j++;
    else if (char === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}

function skipToLineEnd(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end === -1 ? text.length : end - 1;
}

/**
 * Whether the text may use a YAML alias: `*name` where a node can start (after a space, `[`, `{`, `,` or at a line
 * start) naming an `&name` anchor the text defines. Markdown in descriptions (`**Note**`, `&nbsp;`) matches one
 * pattern or the other but rarely both with the same name, so the full YAML pass (a second parse, 1.7 s of a 4.5 MB
 * document) runs only on text that can hold an alias bomb.
 */
function mayHoldAlias(text: string): boolean {
  const anchors = new Set<string>();
  for (const match of text.matchAll(/(?:^|[\s[{,])&([^\s[\]{},]+)/gm)) anchors.add(match[1] as string);
  if (anchors.size === 0) return false;
  for (const match of text.matchAll(/(?:^|[\s[{,])\*([^\s[\]{},]+)/gm)) if (anchors.has(match[1] as string)) return true;
  return false;
}

function checkAliasExpansion(text: string, displayName: string): void {
  const { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  // The `yaml` package's own limit (maxAliasCount) applies only when it builds JS values; counting nodes on its AST
  // measures exactly what Spectral's parser would build, and costs no more than the parse.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  // Each alias's anchor, found in one pass in document order (an alias names the last anchor before it). The library's
  // `alias.resolve(document)` searches the whole document on every call: 30 000 aliases took minutes.
  const anchored = new Map<string, YamlNode>();
  const targets = new Map<YamlNode, YamlNode | undefined>();
  visit(document, (_key, node) => {
    if (isAlias(node)) targets.set(node, anchored.get(node.source));
    else if ((isCollection(node) || isScalar(node)) && node.anchor) anchored.set(node.anchor, node);
  });
  const expanded = new Map<YamlNode, number>();
  const inProgress = new Set<YamlNode>();
  let written = 0;
  let worst: { alias: YamlNode; size: number } | undefined;

  const sizeOf = (node: unknown, countWritten: boolean): number => {
    if (isAlias(node)) {
      const target = targets.get(node);
      if (countWritten) written++;
      if (!target || inProgress.has(target)) return 1; // a self-reference: Spectral's parser stops it at null
      const size = expandedSize(target);
      if (countWritten && (!worst || size > worst.size)) worst = { alias: node, size };
      return size;
    }
    if (countWritten) written++;
    if (isPair(node)) return sizeOf(node.key, countWritten) + sizeOf(node.value, countWritten);
    if (isCollection(node)) {
      let total = 1;
      for (const item of node.items) total += sizeOf(item, countWritten);
      return total;
    }
    return 1;
  };
  const expandedSize = (target: YamlNode): number => {
    const known = expanded.get(target);
    if (known !== undefined) return known;
    inProgress.add(target);
    const size = isScalar(target) ? 1 : sizeOf(target, false);
    inProgress.delete(target);
    expanded.set(target, size);
    return size;
  };

  const total = sizeOf(document.contents, true);
  const limit = aliasExpansionLimit(written);
  if (total > limit && worst) {
    const start = worst.alias.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(start);
    throw new ToolError(
      `YAML aliases expand this document to ${total >= 1e9 ? 'billions of' : `${total.toLocaleString('en-US')}`} nodes from ${written.toLocaleString('en-US')} written (limit ${limit.toLocaleString('en-US')}); refusing an alias bomb ("billion laughs"): write the repeated parts out or use $refs`,
      displayName,
      line,
      col,
    );
  }
}
