import { dirname, resolve } from 'node:path';
import { ToolError } from '../errors';
import { checkDocumentLimits } from './document-limits';
import { isInside, projectRoots, realOrSelf } from './project';
import { decodeDocumentBytes, DEFAULT_MAX_FILE_SIZE, readDocumentText, readDocumentTextSync, tooLarge, type ReadOptions } from './read-text';

export interface DocumentSourceOptions extends ReadOptions {
  /** Where "the project" is looked up from when a document is outside any git repository (default: process.cwd()). */
  cwd?: string;
}

/**
 * The one door through which documents and the files their `$ref`s reach are read, for `lint`, the `$ref` resolver
 * (both engines) and `--fix` alike:
 * - every read is checked (size limit, binary, UTF-16/32, UTF-8; see read-text.ts) and refused with a one-line
 *   ToolError, so `--fix` refuses exactly what `lint` refuses and never decodes a byte it would write back changed;
 * - a referenced file is read only inside the project of the document being worked on (projectRoots: its git
 *   repository, or outside git the current directory and its own folder), so a spec in a pull request cannot make CI
 *   read `../../.ssh/id_rsa` and echo it in a message, and `--fix` never edits (or writes) a file outside it;
 * - an overlay holds text that replaces a file's content on disk: `--fix` lints its edits before writing them, so a
 *   multi-file document's `$ref`s must see the edited text.
 * Files named on the command line are the user's choice and are not bounded by the project.
 */
export class DocumentSource {
  readonly cwd: string;
  private roots: string[];
  private readonly rootsByFolder = new Map<string, string[]>();
  private readonly overlay = new Map<string, string>();

  constructor(readonly options: DocumentSourceOptions = {}) {
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.roots = projectRoots(resolve(this.cwd, 'document'), this.cwd);
  }

  /**
   * Sets the document worked on next: its project bounds which files its `$ref`s may read. Spectral takes one resolver
   * for all runs, so this is state: documents are linted one at a time (the CLI does).
   */
  beginDocument(source: string): void {
    // One lookup per folder: a run over many specs in one folder would otherwise walk up to the git root for each.
    const absolute = resolve(this.cwd, source);
    const folder = dirname(absolute);
    let known = this.rootsByFolder.get(folder);
    if (!known) this.rootsByFolder.set(folder, (known = projectRoots(absolute, this.cwd)));
    this.roots = known;
  }

  /** The folders of the current document's project (real paths). */
  projectRoots(): readonly string[] {
    return this.roots;
  }

  /** True when `file` (after following symbolic links) is inside the current document's project. */
  isInsideProject(file: string): boolean {
    const real = realOrSelf(resolve(this.cwd, file));
    return this.roots.some((root) => isInside(real, root));
  }

  /** Throws the message `lint` shows (as an `invalid-ref` finding) when `file` is outside the project. */
  assertInsideProject(file: string): void {
    if (!this.isInsideProject(file)) {
      throw new ToolError(`${file} is outside the project (${this.roots.join(', ')}); $refs may only read files inside it`);
    }
  }

  /** A document named on the command line: checked, not bounded by the project. */
  readDocument(file: string, displayName = file): Promise<string> {
    const overlaid = this.overlay.get(resolve(this.cwd, file));
    if (overlaid !== undefined) return Promise.resolve(overlaid);
    return readDocumentText(file, displayName, this.options);
  }

  /** readDocument, synchronously. */
  readDocumentSync(file: string, displayName = file): string {
    const overlaid = this.overlay.get(resolve(this.cwd, file));
    if (overlaid !== undefined) return overlaid;
    return readDocumentTextSync(file, displayName, this.options);
  }

  /**
   * A file a `$ref` (or a link's `operationRef`) reaches: inside the project only, checked, the overlay first. Its text
   * gets the document checks too (an alias bomb, nesting, huge YAML mappings: document-limits.ts), before a parser does.
   */
  readReferenced(file: string): string {
    this.assertInsideProject(file);
    return withinLimits(this.readDocumentSync(file, file), file);
  }

  /** readReferenced for Spectral's resolver, which reads asynchronously. */
  async readReferencedAsync(file: string): Promise<string> {
    this.assertInsideProject(file);
    return withinLimits(await this.readDocument(file, file), file);
  }

  /** A document read from stdin, with the same checks as a file. */
  async readStdin(displayName: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
    // The same size limit as a file's: `lint - < /dev/zero` stops at it instead of filling memory.
    const limit = this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total > limit) throw new ToolError(tooLarge(total, limit, true), displayName);
      chunks.push(bytes);
    }
    return decodeDocumentBytes(Buffer.concat(chunks), displayName);
  }

  /** Uses `text` instead of the content of `file` on disk for every later read (`--fix`'s edits). */
  setOverlay(file: string, text: string): void {
    this.overlay.set(resolve(this.cwd, file), text);
  }
}

function withinLimits(text: string, file: string): string {
  checkDocumentLimits(text, file, file.toLowerCase().endsWith('.json'), 'referenced');
  return text;
}
