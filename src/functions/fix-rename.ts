import { isObject } from '../openapi/json';
import { escapePointerSegment, valueAt } from '../openapi/refs';
import { fileOf, FixRefusal, type DataChange, type FileEdit, type Finding, type FixContext, type LocalReference, type PlannedFix } from './fix-api';

/**
 * The fix of the rules about path keys: moves the path item at `finding.path` to the key `newKeyFor` gives, and every
 * `$ref`/`operationRef` to it, in every file of the document.
 */
export function renamePathItem(finding: Finding, context: FixContext, newKeyFor: (pathKey: string) => string | undefined): PlannedFix {
  const { files, renameTargets } = context;
  const file = fileOf(files, finding);
  const pathKey = finding.path[finding.path.length - 1];
  const pathsPath = finding.path.slice(0, -1);
  const paths = valueAt(file.data, pathsPath);
  if (typeof pathKey !== 'string' || !isObject(paths)) throw new FixRefusal('the finding does not point at a path');
  const newKey = newKeyFor(pathKey);
  if (newKey === undefined || newKey === pathKey) throw new FixRefusal('no better path to move it to');
  const taken = renameTargets.get(file.path) ?? new Set<string>();
  if (Object.prototype.hasOwnProperty.call(paths, newKey)) throw new FixRefusal(`cannot rename "${pathKey}" to "${newKey}": that path already exists; merge the two by hand`);
  if (taken.has(newKey)) throw new FixRefusal(`cannot rename "${pathKey}" to "${newKey}": another path is being renamed to it; merge the two by hand`);

  const edits: FileEdit[] = file.renameKey(finding.path, newKey).map((edit) => ({ file: file.path, edit }));
  const changes: DataChange[] = [{ kind: 'rename-key', file: file.path, path: finding.path, newKey }];
  let references = 0;
  // The references into this path item: those whose pointer starts with the item's path, found by that prefix.
  const referencesByTarget = context.perRound(`references-by-target:${finding.path.length}`, () => indexReferences(files.references(), finding.path.length));
  for (const reference of referencesByTarget.get(targetKey(file.path, finding.path)) ?? []) {
    const newPointer = [...pathsPath.map(String), newKey, ...reference.pointer.slice(pathsPath.length + 1)];
    const hash = reference.value.indexOf('#');
    const oldFragment = reference.value.slice(hash + 1);
    let fragment = '/' + newPointer.map(escapePointerSegment).join('/');
    if (/%[0-9a-f]{2}/i.test(oldFragment)) fragment = encodeURI(fragment);
    const referencing = files.get(reference.file);
    try {
      if (!referencing) throw new FixRefusal('the file cannot be read');
      const value = reference.value.slice(0, hash + 1) + fragment;
      for (const edit of referencing.replaceString(reference.path, value)) edits.push({ file: reference.file, edit });
      changes.push({ kind: 'set', file: reference.file, path: reference.path, value });
    } catch (error) {
      if (!(error instanceof FixRefusal)) throw error;
      throw new FixRefusal(`cannot rename "${pathKey}": its reference at ${reference.path.join('.')} cannot be updated (${error.reason})`);
    }
    references += 1;
  }
  taken.add(newKey);
  renameTargets.set(file.path, taken);
  const also = references === 0 ? '' : ` and ${references} reference${references === 1 ? '' : 's'} to it`;
  return { finding, description: `renamed "${pathKey}" to "${newKey}"${also}`, edits, changes };
}

/** The references by the file they point into and the first `depth` segments of their pointer. */
function indexReferences(references: LocalReference[], depth: number): Map<string, LocalReference[]> {
  const index = new Map<string, LocalReference[]>();
  for (const reference of references) {
    if (reference.pointer.length < depth) continue;
    const key = targetKey(reference.targetFile, reference.pointer.slice(0, depth));
    const list = index.get(key) ?? [];
    list.push(reference);
    index.set(key, list);
  }
  return index;
}

function targetKey(file: string, path: ReadonlyArray<string | number>): string {
  return JSON.stringify([file, ...path.map(String)]);
}
