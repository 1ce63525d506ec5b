import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LintDocument } from '../engine/document';
import { ToolError } from '../errors';

/** A parsed document: fast path when possible, Spectral's Document on demand (see src/engine/document.ts). */
export type LoadedDocument = LintDocument;

/** A file that parses but is not an OpenAPI document: `lint --ignore-unknown-format` skips it instead of failing. */
export class NotOpenApiError extends ToolError {}

/** Reads and parses one document; a file that cannot be read or parsed is a ToolError naming file, line and column. */
export async function loadDocument(file: string, displayName = file): Promise<LoadedDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read file (${code ?? 'unknown error'})`;
    throw new ToolError(why, displayName, undefined, undefined, { cause: error });
  }
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
  const document = createDocument(text, file);
  const fatal = document.diagnostics.find((diagnostic) => diagnostic.severity === 0);
  if (fatal) {
    const { line, character } = fatal.range.start;
    throw new ToolError(`cannot parse ${isJsonFile(file) ? 'JSON' : 'YAML'}: ${fatal.message}`, displayName, line + 1, character + 1);
  }
  const data = document.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('openapi' in data || 'swagger' in data)) {
    throw new NotOpenApiError('not an OpenAPI document (no "openapi" or "swagger" field at the root)', displayName, 1, 1);
  }
  return document;
}
