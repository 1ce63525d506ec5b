import { resolve } from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { NotOpenApiError, ToolError } from '../errors';
import { checkDocumentLimits, isStackOverflow, stackOverflowError } from './document-limits';
import { checkOpenApiShape } from './openapi-shape';
import { readDocumentText, type ReadOptions } from './read-text';

export type LoadedDocument = Document<unknown, ReturnType<typeof Yaml.parse> | ReturnType<typeof Json.parse>>;
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

/** A Spectral document for `text`, parsed as JSON when the file name ends in `.json`, else as YAML. */
export function createDocument(text: string, file: string): LoadedDocument {
  const parser = isJsonFile(file) ? Json : Yaml;
  return new Document(text, parser as never, file) as LoadedDocument;
}

function isJsonFile(file: string): boolean {
  return file.toLowerCase().endsWith('.json');
}

export function parseDocument(text: string, file: string, displayName = file): LoadedDocument {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM would shift every column Spectral reports by one
  checkDocumentLimits(text, displayName, isJsonFile(file));
  let document: LoadedDocument;
  try {
    document = createDocument(text, file);
  } catch (error) {
    if (isStackOverflow(error)) throw stackOverflowError(displayName, 'parse', error);
    throw error;
  }
  const fatal = document.diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (fatal) {
    const { line, character } = fatal.range.start;
    throw new ToolError(`cannot parse ${isJsonFile(file) ? 'JSON' : 'YAML'}: ${fatal.message}`, displayName, line + 1, character + 1);
  }
  checkOpenApiShape(document.data, text, displayName);
  return document;
}
