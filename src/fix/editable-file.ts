import type { Edit } from '../functions/fix-api';


/** The line ending a file uses (its first one), so inserted lines match the rest. */
export function lineEnding(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** Applies non-overlapping edits (any order) to text, in one pass: the pieces are joined once, whatever the number of edits. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.offset < at) throw new Error('overlapping edits');
    pieces.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** True when an edit touches a range another one touches (insertions at the same offset count as overlapping). */
export function overlaps(a: Edit, b: Edit): boolean {
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.offset === b.offset) return true;
  return a.offset < bEnd && b.offset < aEnd;
}

/**
 * The edits taken so far in one file, kept sorted by offset: since no two of them overlap, their ranges are disjoint
 * and in order, so whether a new edit overlaps any of them is decided by its two neighbours (a binary search), not by
 * comparing it with each.
 */
export class TakenEdits {
  private readonly edits: Edit[] = [];

  overlapsAny(edit: Edit): boolean {
    const index = this.firstAfter(edit.offset);
    const before = this.edits[index - 1];
    const after = this.edits[index];
    return (before !== undefined && overlaps(edit, before)) || (after !== undefined && overlaps(edit, after));
  }

  /** Adds an edit that overlaps none taken (check with overlapsAny first). */
  add(edit: Edit): void {
    this.edits.splice(this.firstAfter(edit.offset), 0, edit);
  }

  all(): readonly Edit[] {
    return this.edits;
  }

  /** Index of the first edit whose offset is greater than `offset`. */
  private firstAfter(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.edits[middle] as Edit).offset <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
