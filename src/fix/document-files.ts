import { ToolError } from '../errors';
import type { DocumentSource } from '../fs/document-source';
import { isObject, ownEntries, type JsonPath } from '../openapi/json';
import type { DocumentFilesView, EditableFile, LocalReference } from '../functions/fix-api';
import { parseReference } from '../openapi/refs';
import { JsonFile } from './json-file';
import { YamlFile } from './yaml-file';

const REFERENCE_KEYS = new Set(['$ref', 'operationRef']);

/**
 * The files of a multi-file document, as the fix sees them: the text read at the start, then the edited text of each
 * round. Files are found by following the document's file `$ref`s and links' `operationRef`s (remote ones are never
 * fetched), and read through the document source, the door `lint` reads through: checked (size, binary, encoding)
 * and, for referenced files, inside the project only. The edited text goes to the source's overlay, where the
 * linter's resolver reads it.
 */
export class DocumentFiles implements DocumentFilesView {
  private readonly files = new Map<string, EditableFile>();
  /** The text each file had when first read, to detect a change by someone else before writing. */
  readonly original = new Map<string, string>();
  private referenceCache: LocalReference[] | undefined;

  constructor(
    readonly mainPath: string,
    private readonly source: DocumentSource,
    /** How the main file is named in messages. */
    private readonly displayName = mainPath,
  ) {}

  /**
   * Reads the main file and every file its references reach. The main file's refusal is the one `lint` gives (exit 2).
   * So is a referenced file the source refuses (outside the project, too large, binary, not UTF-8), named at the
   * reference: a fix that cannot read every file of the document cannot keep its references whole, so it changes
   * nothing. A missing file (lint reports an `invalid-ref`) or one that does not parse is left out: nothing in it can
   * be edited. `mainText`: the main file's text when the caller has already read it through the source.
   */
  load(mainText?: string): void {
    const main = this.parseAndRemember(this.mainPath, mainText ?? this.source.readDocumentSync(this.mainPath, this.displayName));
    if (!main) return;
    const pending: LocalReference[] = this.referencesIn(main);
    while (pending.length > 0) {
      const reference = pending.pop() as LocalReference;
      if (this.files.has(reference.targetFile)) continue;
      const file = this.readReferenced(reference);
      if (file) pending.push(...this.referencesIn(file));
    }
  }

  get(path: string): EditableFile | undefined {
    return this.files.get(path) ?? this.read(path);
  }

  all(): EditableFile[] {
    return [...this.files.values()];
  }

  /** The current text of a file the fix has read, for the linter's resolver; other files are read from disk. */
  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /** Replaces a file with its edited version (already parsed, by whoever checked that the edit parses). */
  update(file: EditableFile): void {
    this.files.set(file.path, file);
    this.source.setOverlay(file.path, file.text);
    this.referenceCache = undefined;
  }

  changed(): Array<{ path: string; before: string; after: string }> {
    return [...this.files.values()]
      .filter((file) => this.original.get(file.path) !== file.text)
      .map((file) => ({ path: file.path, before: this.original.get(file.path) as string, after: file.text }));
  }

  /** Every `$ref` and `operationRef` of every file, resolved to a file and a pointer. */
  references(): LocalReference[] {
    this.referenceCache ??= this.all().flatMap((file) => this.referencesIn(file));
    return this.referenceCache;
  }

  private referencesIn(file: EditableFile): LocalReference[] {
    const found: LocalReference[] = [];
    const visit = (node: unknown, path: JsonPath, depth: number) => {
      if (depth > 200) return;
      if (Array.isArray(node)) {
        node.forEach((item, index) => visit(item, [...path, index], depth + 1));
        return;
      }
      if (!isObject(node)) return;
      for (const [key, value] of ownEntries(node)) {
        if (REFERENCE_KEYS.has(key) && typeof value === 'string') {
          const reference = parseReference(file.path, value);
          if (reference) found.push({ file: file.path, path: [...path, key], value, ...reference });
        } else {
          visit(value, [...path, key], depth + 1);
        }
      }
    };
    visit(file.data, [], 0);
    return found;
  }

  private readReferenced(reference: LocalReference): EditableFile | undefined {
    let text: string;
    try {
      text = this.source.readReferenced(reference.targetFile);
    } catch (error) {
      if (isMissingFile(error)) return undefined;
      const holder = this.files.get(reference.file);
      const at = holder ? lineAndColumn(holder.text, holder.offsetOf(reference.path) ?? 0) : undefined;
      const name = reference.file === this.mainPath ? this.displayName : reference.file;
      throw new ToolError(describeRefusal(error), name, at?.line, at?.column, { cause: error });
    }
    return this.parseAndRemember(reference.targetFile, text);
  }

  /** A file a lookup needs that load() did not reach: read under the same rules, undefined when refused. */
  private read(path: string): EditableFile | undefined {
    try {
      return this.parseAndRemember(path, this.source.readReferenced(path));
    } catch {
      return undefined;
    }
  }

  private parseAndRemember(path: string, text: string): EditableFile | undefined {
    let file: EditableFile;
    try {
      file = parseFile(path, text);
    } catch {
      return undefined;
    }
    this.remember(file);
    return file;
  }

  private remember(file: EditableFile): void {
    this.original.set(file.path, file.text);
    this.files.set(file.path, file);
    this.referenceCache = undefined;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof ToolError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** The refusal as lint words it in its `invalid-ref` finding. */
function describeRefusal(error: unknown): string {
  return error instanceof ToolError ? error.toOneLine() : error instanceof Error ? error.message : String(error);
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStartsOf(text);
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= offset) low = middle + 1;
    else high = middle;
  }
  const lineStart = starts[low - 1] ?? 0;
  return { line: low, column: offset - lineStart + 1 };
}

/**
 * The offsets where the lines of a text start, for the last few texts asked about: a fix reports a position for each
 * of thousands of findings in one file, and scanning the text from its start each time made that quadratic.
 */
function lineStartsOf(text: string): number[] {
  const known = recentLineStarts.get(text);
  if (known) return known;
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  if (recentLineStarts.size >= 4) recentLineStarts.delete(recentLineStarts.keys().next().value as string);
  recentLineStarts.set(text, starts);
  return starts;
}

const recentLineStarts = new Map<string, number[]>();

export function parseFile(path: string, text: string): EditableFile {
  return path.toLowerCase().endsWith('.json') ? new JsonFile(path, text) : new YamlFile(path, text);
}
