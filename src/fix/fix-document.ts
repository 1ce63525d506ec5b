import { resolve } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { interruptible } from '../signals';
import { packageRuleset, RulesetInForce } from '../config/ruleset-in-force';
import type { EditableFile, Edit } from '../functions/fix-api';
import { createLinter, type LinterOptions } from '../lint/linter';
import { parseDocument } from '../lint/load-document';
import { DocumentSource } from '../fs/document-source';
import { ToolError } from '../errors';
import { DocumentFiles, lineAndColumn, parseFile } from './document-files';
import type { JsonPath } from '../openapi/json';
import { valueAt } from '../openapi/refs';
import { applyEdits, overlaps, TakenEdits } from './editable-file';
import { planFixes, type Finding, type PlannedFix, type Refusal } from './plan';

/** A fix that was made: the finding, what was done, and where (1-based, in the file's text before that fix). */
export interface AppliedFix extends PlannedFix {
  line: number;
  column: number;
  /** The round (0-based) it was made in; its paths are those of the files as they were at the start of that round. */
  round: number;
}

export interface FileChange {
  /** Absolute path. */
  path: string;
  before: string;
  after: string;
}

export interface FixResult {
  /** What the linter reports after the fixes. */
  results: ISpectralDiagnostic[];
  fixed: AppliedFix[];
  /** Fixable findings that remain, each with the reason it was left. */
  refused: Refusal[];
  /** Every file whose text the fixes changed (not yet written). */
  changes: FileChange[];
  files: DocumentFiles;
}

/**
 * A fix can make new findings fixable (a path moved under /_webhooks/ is now checked for x-internal and https), so
 * fixing runs in rounds until a lint finds nothing more to fix; the bound only guards against a bug looping forever.
 */
const MAX_ROUNDS = 8;

/**
 * Lints `file`, fixes what the fixable rules reported, and lints again, all in memory: the files of the document are
 * read once through the document source (the checks and project boundary `lint` applies), edited as text, and put in
 * the source's overlay, where the linter's resolver reads them in place of the disk. Nothing is written here.
 */
export async function fixDocument(file: string, linterOptions: LinterOptions = {}, displayName = file): Promise<FixResult> {
  const mainPath = resolve(file);
  const source = linterOptions.source ?? new DocumentSource({ maxFileSize: linterOptions.maxFileSize });
  source.beginDocument(mainPath);
  const files = new DocumentFiles(mainPath, source, displayName);
  // The rules in force: each fixable one's fix, with the options the config gives it.
  const rules = linterOptions.ruleset instanceof RulesetInForce ? linterOptions.ruleset : new RulesetInForce(linterOptions.ruleset ?? packageRuleset());
  // A linter per round: Spectral's resolver caches the files it read, and each round must see the edited text.
  const newLinter = () => createLinter({ ...linterOptions, ruleset: rules, source });
  const lintText = async (text: string) => {
    const document = await interruptible(() => parseDocument(text, mainPath, displayName));
    return await interruptible(() => newLinter().lint(document));
  };
  const lint = () => lintText(files.text(mainPath) as string);

  // Lint first: a document with nothing to fix (most runs of a pre-commit hook) is not parsed a second time for editing.
  // Unless a $ref could not be read: a file the source refuses ends the fix with lint's reason (load(), exit 2).
  const text = source.readDocumentSync(mainPath, displayName);
  let results = await lintText(text);
  const nothingToFix = !results.some((result) => rules.fix(String(result.code)) || result.code === 'invalid-ref');
  if (nothingToFix) return { results, fixed: [], refused: [], changes: [], files };
  await interruptible(() => files.load(text));
  if (files.text(mainPath) === undefined) {
    // The linter's parser takes it, the editor's does not (a key over 1,024 characters, which YAML forbids): say where.
    try {
      parseFile(mainPath, text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = ((error as { cause?: { linePos?: Array<{ line: number; col: number }> } }).cause?.linePos ?? [])[0];
      throw new ToolError(`cannot be fixed: ${reason}`, displayName, at?.line, at?.col, { cause: error });
    }
    throw new ToolError('cannot parse the file for fixing', displayName);
  }

  const fixed: AppliedFix[] = [];
  let refused: Refusal[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const findings = fixableFindings(results, mainPath, files, rules);
    const plan = await interruptible(() => planFixes(findings, files, rules));
    refused = plan.refused;
    const applied = await interruptible(() => applyRound(plan.fixes, files, round));
    if (applied.length === 0) break;
    fixed.push(...applied);
    results = await lint();
  }
  const remaining = new Set(fixableFindings(results, mainPath, files, rules).map(findingKey));
  return { results, fixed, refused: refused.filter((refusal) => remaining.has(findingKey(refusal.finding))), changes: files.changed(), files };
}

/** One finding per node: a path item reached under two keys is reported twice but fixed once. */
function fixableFindings(results: ISpectralDiagnostic[], mainPath: string, files: DocumentFiles, rules: RulesetInForce): Finding[] {
  const findings = new Map<string, Finding>();
  for (const result of results) {
    const ruleId = String(result.code);
    if (!rules.fix(ruleId)) continue;
    const file = result.source ? resolve(result.source) : mainPath;
    const finding = { ruleId, file, path: withArrayIndexes(files.get(file)?.data, result.path) };
    findings.set(findingKey(finding), finding);
  }
  return [...findings.values()];
}

/** Spectral may give array indexes as strings (`servers.0.url`); the editors want numbers where the data has arrays. */
function withArrayIndexes(data: unknown, path: ReadonlyArray<string | number>): JsonPath {
  let node = data;
  return path.map((segment) => {
    const isIndex = Array.isArray(node) && /^\d+$/.test(String(segment));
    const normalised = isIndex ? Number(segment) : segment;
    node = valueAt(node, [normalised]);
    return normalised;
  });
}

function findingKey(finding: Finding): string {
  return JSON.stringify([finding.ruleId, finding.file, finding.path]);
}

/**
 * Applies the fixes whose edits overlap no fix taken before them (the rest wait for the next round, planned against
 * the new text). A fix whose result would not parse is dropped with its file's other edits of the round: a bug guard,
 * so a broken file is never written.
 */
function applyRound(fixes: PlannedFix[], files: DocumentFiles, round: number): AppliedFix[] {
  const taken: PlannedFix[] = [];
  const editsByFile = new Map<string, TakenEdits>();
  const takenIn = (file: string): TakenEdits => {
    let edits = editsByFile.get(file);
    if (!edits) editsByFile.set(file, (edits = new TakenEdits()));
    return edits;
  };
  for (const fix of fixes) {
    const clash = fix.edits.some(({ file, edit }) => editsByFile.get(file)?.overlapsAny(edit) ?? false);
    const selfClash = fix.edits.some((a, i) => fix.edits.some((b, j) => i < j && a.file === b.file && overlaps(a.edit, b.edit)));
    if (clash || selfClash) continue;
    taken.push(fix);
    for (const { file, edit } of fix.edits) takenIn(file).add(edit);
  }
  const broken = new Set<string>();
  const newFiles = new Map<string, EditableFile>();
  for (const [path, edits] of editsByFile) {
    const before = files.get(path)?.text as string;
    try {
      newFiles.set(path, parseFile(path, applyEdits(before, edits.all())));
    } catch {
      broken.add(path);
    }
  }
  const applied: AppliedFix[] = [];
  for (const fix of taken) {
    if (fix.edits.some(({ file }) => broken.has(file))) continue;
    // Where the finding was (the key of a renamed path, the operation that got x-internal), in the text before.
    const findingFile = files.get(fix.finding.file);
    const first = fix.edits[0];
    const offset = findingFile?.offsetOf(fix.finding.path) ?? first?.edit.offset ?? 0;
    const where = lineAndColumn(findingFile?.text ?? '', offset);
    applied.push({ ...fix, ...where, round });
  }
  if (broken.size > 0) {
    // Re-apply only the fixes that touch no broken file.
    newFiles.clear();
    const keep = new Map<string, Edit[]>();
    for (const fix of applied) {
      for (const { file, edit } of fix.edits) {
        const edits = keep.get(file) ?? [];
        edits.push(edit);
        keep.set(file, edits);
      }
    }
    for (const [path, edits] of keep) newFiles.set(path, parseFile(path, applyEdits(files.get(path)?.text as string, edits)));
  }
  for (const file of newFiles.values()) files.update(file);
  return applied;
}
