import type { Edit } from '../functions/fix-api';


/** The line ending a file uses (its first one), so inserted lines match the rest. */
export function lineEnding(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** Applies non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.offset) + edit.content + result.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return result;
}

/** True when an edit touches a range another one touches (insertions at the same offset count as overlapping). */
export function overlaps(a: Edit, b: Edit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.offset === b.offset) return true;
  return a.offset < bEnd && b.offset < aEnd;
}
