import { extname, resolve } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import type { JsonPath } from '../openapi/json';
import { specVersion, type SpecVersion } from '../openapi/document';
import { isObject, type JsonObject } from '../openapi/json';
import { displayPath } from '../display-path';
import { ToolError } from '../errors';
import type { LintDocument } from '../engine/document';

/** A description read for `probe` or `listen`: the parsed file (for line numbers) and its data with `$ref`s resolved. */
export interface RuntimeSpec {
  document: LintDocument;
  /** The file name as users gave it (for messages). */
  name: string;
  /** The document; `$ref`s to other files replaced by what they point at (local ones are followed where read). */
  root: JsonObject;
  version: SpecVersion;
}

/** Reads, parses and resolves a description with the lint's own readers: same limits, same one-line errors. */
export async function loadRuntimeSpec(file: string, cwd: string): Promise<RuntimeSpec> {
  const { loadDocument } = await import('../lint/load-document');
  const name = displayPath(resolve(cwd, file), cwd);
  const document = await loadDocument(resolve(cwd, file), name);
  // Local `$ref`s are followed where they are read (deref, the sampler, Ajv): Spectral's resolver, a fifth of a
  // second to load, is only needed to bring in other files.
  const data = document.data;
  const root = hasExternalRefs(data) ? await resolveRefs(document, cwd, name) : (data as JsonObject);
  const version = specVersion(root);
  if (version === undefined) throw new ToolError('probe and listen read OpenAPI 2.0, 3.0 and 3.1 documents', name, 1, 1);
  return { document, name, root, version };
}

/**
 * Spectral's resolver, as lint uses it (src/fs/document-source.ts: checked reads, `$ref`-ed files only from inside the
 * project, no remote ones): the sampler and Ajv then see each schema whole, wherever its parts live.
 */
async function resolveRefs(document: LintDocument, cwd: string, name: string): Promise<JsonObject> {
  const { DocumentSource } = await import('../fs/document-source');
  const { createSpectralResolver } = await import('../lint/ref-resolver');
  const { parseSourceFile } = await import('../engine/source');
  const source = new DocumentSource({ cwd });
  source.beginDocument(document.source);
  const parseResolveResult = async (options: { targetAuthority: { href(): string }; result: unknown }) => {
    const source = options.targetAuthority.href().replace(/\/$/, '');
    const parsed = parseSourceFile(String(options.result), source, extname(source).toLowerCase() === '.json');
    if (parsed === undefined) throw new Error(`cannot parse ${displayPath(source, cwd)}`);
    options.result = parsed.data;
    return options;
  };
  const outcome = await createSpectralResolver(source).resolve(document.data as object, { baseUri: document.source, parseResolveResult } as never);
  const [first] = outcome.errors;
  if (first !== undefined) {
    const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new ToolError(`cannot resolve a $ref${where}: ${first.message.split('\n')[0]}`, name);
  }
  if (!isObject(outcome.result)) throw new ToolError('the document is empty after resolving its $refs', name);
  return outcome.result;
}

/** Whether any `$ref` points outside the document (another file, a URL). */
function hasExternalRefs(data: unknown): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string' && !ref.startsWith('#')) return true;
      stack.push(...Object.values(node));
    }
  }
  return false;
}

/** The range of `path` in the file, or of its nearest ancestor that is written there (a node reached through a `$ref`). */
export function rangeOf(document: LintDocument, path: JsonPath): ISpectralDiagnostic['range'] {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const range = document.fast ? document.fast.rangeFor(prefix) : document.spectral().getRangeForJsonPath(prefix as never, true);
    if (range) return range;
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
