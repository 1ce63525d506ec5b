import type { JsonPath } from '../openapi/json';

/**
 * What a rule's fix is written against (a rule module exports its fix, as typescript-eslint keeps a rule's fixer in
 * its rule). `--fix` (src/fix) supplies the files and applies the edits; a fix only reads the files and computes text
 * edits, so rules and their fixes need nothing from the layers above them.
 */

/** A change to a file's text: replace `length` characters at `offset` with `content` (jsonc-parser's `Edit` shape). */
export interface Edit {
  offset: number;
  length: number;
  content: string;
}

/** Thrown by a fix (or an edit) that cannot be made safely; the reason is shown to the user and the finding stays. */
export class FixRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FixRefusal';
  }
}

/** What the linter reported, reduced to what a fix needs: which rule, and which node of which file. */
export interface Finding {
  ruleId: string;
  /** Absolute path of the file the node lives in (the result's `source`). */
  file: string;
  /** JSON path of the node in that file. */
  path: JsonPath;
}

export interface FileEdit {
  file: string;
  edit: Edit;
}

/** What a fix does to the data (as opposed to the text): lets tests check that nothing else changed. */
export type DataChange =
  | { kind: 'rename-key'; file: string; path: JsonPath; newKey: string }
  | { kind: 'set'; file: string; path: JsonPath; value: unknown }
  | { kind: 'remove-item'; file: string; path: JsonPath };

export interface PlannedFix {
  finding: Finding;
  /** What the fix does, for people: `renamed "/hooks/a" to "/_webhooks/a"`. */
  description: string;
  edits: FileEdit[];
  changes: DataChange[];
}

/**
 * One file of a document, parsed so that nodes can be found by JSON path, with edits computed as text changes at the
 * nodes' own ranges: everything an edit does not touch keeps its bytes (comments, quoting, key order, line endings).
 */
export interface EditableFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /** The parsed data (YAML aliases and merge keys resolved), for reading. */
  readonly data: unknown;
  /** Renames the key of the property at `path` (its last segment), keeping the key's quoting style. */
  renameKey(path: JsonPath, newKey: string): Edit[];
  /** Replaces the string at `path` with `value`, keeping its quoting style. */
  replaceString(path: JsonPath, value: string): Edit[];
  /** Replaces whatever value is at `path` with the boolean. */
  replaceWithBoolean(path: JsonPath, value: boolean): Edit[];
  /** Adds `key: value` as the first property of the object at `objectPath`. */
  insertBooleanProperty(objectPath: JsonPath, key: string, value: boolean): Edit[];
  /** Removes item `index` of the array at `arrayPath`. */
  removeItem(arrayPath: JsonPath, index: number): Edit[];
  /** Offset of the node at `path` (of its key, when it is a property), for reports; undefined when not found. */
  offsetOf(path: JsonPath): number | undefined;
  /** True when the object at `path` has `key` as its own property (not through a YAML merge key). */
  hasOwnKey(path: JsonPath, key: string): boolean;
}

/** A `$ref` (or link `operationRef`) found in a file: where it is, and the file and JSON pointer it points to. */
export interface LocalReference {
  /** The file that holds the reference. */
  file: string;
  /** JSON path of the reference string in that file. */
  path: JsonPath;
  value: string;
  /** Absolute path of the file it points to. */
  targetFile: string;
  /** The pointer's segments, unescaped (`#/paths/~1hooks` → `['paths', '/hooks']`). */
  pointer: string[];
}

/** The files of the document being fixed, as a fix reads them (src/fix/document-files.ts). */
export interface DocumentFilesView {
  readonly mainPath: string;
  get(path: string): EditableFile | undefined;
  /** Every `$ref` and `operationRef` of every file, resolved to a file and a pointer. */
  references(): LocalReference[];
}

export interface FixContext {
  files: DocumentFilesView;
  /** The options the rule in force gives its function (a config may change them). */
  options: unknown;
  /** Path keys other fixes of this round move paths to, by file: two paths must not land on one key. */
  renameTargets: Map<string, Set<string>>;
  /**
   * A value computed once per round and shared by that round's fixes (the files do not change within a round): what
   * a fix would otherwise recompute from the whole document for each of thousands of findings.
   */
  perRound<T>(key: string, compute: () => T): T;
}

/** A rule's fix: the edits that repair one of its findings, or a FixRefusal saying why not. */
export type RuleFix = (finding: Finding, context: FixContext) => PlannedFix;

/** The file a finding lives in, or a refusal. */
export function fileOf(files: DocumentFilesView, finding: Finding): EditableFile {
  const file = files.get(finding.file);
  if (!file) throw new FixRefusal('the file cannot be read or parsed');
  return file;
}

/** Edits of one file, as FileEdits. */
export function onFile(file: EditableFile, edits: Edit[]): FileEdit[] {
  return edits.map((edit) => ({ file: file.path, edit }));
}
