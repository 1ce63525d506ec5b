import { normalize } from '@stoplight/path';
import { JsonText, hasDuplicateKeys, type Range } from './json-text';
import { getYamlLocationForJsonPath, parseYamlWithPointers } from './yaml-pointers';

/** One parsed file of a document, as the fast engine sees it: its data and, on demand, the range of a node. */
export interface SourceFile {
  /** The file name as Spectral reports it in `source`. */
  source: string;
  data: unknown;
  /** The range Spectral's parser for this file would give for `path`, or undefined (Spectral then uses 0:0). */
  rangeFor(path: ReadonlyArray<string | number>): Range | undefined;
  /** Parser warnings Spectral reports as `parser` results (a YAML mapping key that is a number, e.g. `200:`). */
  parserWarnings: ParserWarning[];
}

export interface ParserWarning {
  code: string;
  message: string;
  path: Array<string | number>;
  range: Range;
}

/**
 * The YAML parser diagnostics the fast engine reports itself, as Spectral does: a key that is not a string (`200:`,
 * `1.5:`), which is common in hand-written specs. Any other diagnostic leaves the document to Spectral's parser.
 */
const WARNINGS_REPORTED = new Set(['YAMLIncompatibleValue']);

export type { Range };

/** Spectral's normalizeSource for file names. */
export function normalizeSource(source: string): string {
  return source.length > 0 && !/^[a-z]+:\/\//i.test(source) ? normalize(source) : source;
}

export function isJsonSource(source: string): boolean {
  return source.toLowerCase().endsWith('.json');
}

/**
 * Parses `text` the fast way, or returns undefined when only Spectral's own parser gives the right answer: text that is
 * not strict JSON (comments, a BOM, syntax errors), duplicate keys, `__proto__` keys, or any YAML parser diagnostic.
 * Spectral picks the JSON parser for names ending in `.json` (any case) and YAML for everything else; so does this.
 */
export function parseSourceFile(text: string, source: string, json = isJsonSource(source)): SourceFile | undefined {
  return json ? parseJson(text, source) : parseYaml(text, source);
}

function parseJson(text: string, source: string): SourceFile | undefined {
  if (text.includes('__proto__')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (hasDuplicateKeys(text)) return undefined;
  let located: JsonText | undefined;
  return { source, data, rangeFor: (path) => (located ??= new JsonText(text)).rangeFor(path), parserWarnings: [] };
}

function parseYaml(text: string, source: string): SourceFile | undefined {
  const result = parseYamlWithPointers(text);
  const warnings: ParserWarning[] = [];
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.severity !== 1 || !WARNINGS_REPORTED.has(String(diagnostic.code))) return undefined;
    warnings.push({ code: String(diagnostic.code), message: diagnostic.message, path: (diagnostic.path ?? []) as Array<string | number>, range: diagnostic.range });
  }
  return { source, data: result.data, rangeFor: (path) => getYamlLocationForJsonPath(result, path)?.range, parserWarnings: warnings };
}
