import { resolve } from 'node:path';
import { LintDocument } from '../engine/document';
import { NotOpenApiError, ToolError } from '../errors';
import { checkDocumentLimits, isStackOverflow, stackOverflowError } from '../fs/document-limits';
import { checkOpenApiShape, locate } from './openapi-shape';
import { readDocumentText, type ReadOptions } from '../fs/read-text';

/** A parsed document: fast path when possible, Spectral's Document on demand (see src/engine/document.ts). */
export type LoadedDocument = LintDocument;
export { NotOpenApiError };
export type LoadOptions = ReadOptions;

/**
 * Reads and parses one document; a file that cannot be read or parsed, or is not an OpenAPI document the rules know,
 * is a ToolError naming file, line and column (see README, "What it does with bad input").
 */
export async function loadDocument(file: string, displayName = file, options: LoadOptions = {}): Promise<LoadedDocument> {
  const text = await readDocumentText(file, displayName, options);
  // Spectral maps findings into $ref-ed files only from an absolute source (as its own CLI passes): a relative one
  // left them at the $ref in the main file.
  return parseDocument(text, resolve(file), displayName);
}

/** A document for `text`, parsed as JSON when the file name ends in `.json`, else as YAML (as Spectral does). */
export function createDocument(text: string, file: string): LoadedDocument {
  return new LintDocument(text, file);
}

function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

export function parseDocument(text: string, file: string, displayName = file): LoadedDocument {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM would shift every column Spectral reports by one
  checkDocumentLimits(text, displayName, isJsonFile(file));
  const document = createDocument(text, file);
  let diagnostics: LoadedDocument['diagnostics'];
  try {
    diagnostics = document.diagnostics; // parses (the fast way, or Spectral's)
  } catch (error) {
    if (isStackOverflow(error)) throw stackOverflowError(displayName, 'parse', error);
    throw parserCrash(text, displayName, isJsonFile(file), error);
  }
  const fatal = firstFatal(diagnostics);
  if (fatal) {
    const { line, character } = fatal.range.start;
    // Spectral's YAML parser places some errors at character -1 of line 0; the JSON path still says where they are.
    const [atLine, atColumn] = character < 0 ? locate(text, fatal.path ?? []) : [line + 1, character + 1];
    throw new ToolError(`cannot parse ${isJsonFile(file) ? 'JSON' : 'YAML'}: ${fatal.message}`, displayName, atLine, atColumn);
  }
  const tab = isJsonFile(file) ? undefined : firstTabIndent(text, diagnostics);
  if (tab) {
    throw new ToolError(
      'indented with a tab; YAML indents with spaces only, and the parser reads what is under it as null (replace the tabs with spaces)',
      displayName,
      tab.line,
      tab.column,
    );
  }
  checkOpenApiShape(document.data, text, displayName);
  return document;
}

/**
 * Where a tab indents a line, from the YAML parser's "Using tabs" warnings (which it also gives for a tab between a
 * key and its value, valid YAML): a tab with only blanks before it on its line. Spectral's parser warns and reads the
 * indented part as null, so a receiver vanished and the run passed with only tab warnings.
 */
function firstTabIndent(text: string, diagnostics: LoadedDocument['diagnostics']): { line: number; column: number } | undefined {
  let lines: string[] | undefined;
  for (const diagnostic of diagnostics) {
    if (!/Using tabs/.test(diagnostic.message)) continue;
    lines ??= text.split('\n');
    const { line, character } = diagnostic.range.start;
    const before = (lines[line] ?? '').slice(0, character);
    const tabAt = (lines[line] ?? '').indexOf('\t');
    if (/^[ \t]*$/.test(before) && tabAt !== -1 && tabAt <= character) return { line: line + 1, column: tabAt + 1 };
  }
  return undefined;
}

/**
 * Spectral's YAML parser throws instead of reporting on some valid YAML: a `!!binary` scalar crashes it with
 * "e.replace is not a function". Said as a parse error, at the first explicit tag when there is one (the likely cause).
 */
export function parserCrash(text: string, displayName: string, json: boolean, error: unknown): ToolError {
  const reason = error instanceof Error ? error.message : String(error);
  const lines = json ? [] : text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    // The line without its comment (a `#` at the start or after a blank), then a tag where a node can start.
    const code = (lines[index] as string).replace(/(?:^|\s)#.*$/, '');
    const tag = /(?:^|[\s[{,:-])(!!?[A-Za-z][\w-]*)/.exec(code);
    if (tag?.[1] === undefined) continue;
    const column = tag.index + tag[0].length - tag[1].length + 1;
    return new ToolError(`cannot parse YAML: the parser fails on the tag ${tag[1]} (${reason}); write the value without a tag`, displayName, index + 1, column, { cause: error });
  }
  return new ToolError(`cannot parse ${json ? 'JSON' : 'YAML'}: the parser fails (${reason})`, displayName, undefined, undefined, { cause: error });
}

/** The parser error to show: one with a real position, the earliest in the file, before ones placed at -1. */
function firstFatal(diagnostics: LoadedDocument['diagnostics']): LoadedDocument['diagnostics'][number] | undefined {
  const fatal = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
  const placed = fatal.filter((diagnostic) => diagnostic.range.start.character >= 0);
  const byPosition = (a: (typeof fatal)[number], b: (typeof fatal)[number]) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return placed.sort(byPosition)[0] ?? fatal[0];
}
