import type { Node as YamlNode } from 'yaml';
import { ToolError } from '../errors';

/**
 * Deepest nesting accepted. Spectral's parsers and resolver recurse once per level and overflow the stack somewhere
 * between 1 000 and 2 000 levels; real OpenAPI documents stay under 50.
 */
export const MAX_NESTING = 500;

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
 * MAX_NESTING, and YAML aliases that expand past aliasExpansionLimit. Linear in the text; the YAML pass runs only
 * on YAML text that holds an alias at all.
 */
export function checkDocumentLimits(text: string, displayName: string, isJson: boolean): void {
  const deep = firstTooDeep(text, isJson);
  if (deep) {
    throw new ToolError(`nested more than ${MAX_NESTING} levels deep; refusing to parse (flatten the document, e.g. with $refs)`, displayName, deep.line, deep.column);
  }
  if (!isJson && mayHoldAlias(text)) checkAliasExpansion(text, displayName);
  if ([...UNSAFE_KEYS.keys()].some((key) => text.includes(key))) checkUnsafeKeys(text, displayName);
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
  const { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // The `yaml` package's own limit (maxAliasCount) applies only when it builds JS values; counting nodes on its AST
  // measures exactly what Spectral's parser would build, and costs no more than the parse.
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const expanded = new Map<YamlNode, number>();
  const inProgress = new Set<YamlNode>();
  let written = 0;
  let worst: { alias: YamlNode; size: number } | undefined;

  const sizeOf = (node: unknown, countWritten: boolean): number => {
    if (isAlias(node)) {
      const target = node.resolve(document);
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
