import { diffArrays, FILE_HEADERS_ONLY, formatPatch, type StructuredPatchHunk } from 'diff';

/**
 * A git-style unified diff (`--- a/file`, `+++ b/file`, hunks with `context` lines around each change), printed by
 * the `diff` package's formatPatch.
 *
 * Why the lines are matched here rather than by the package's createTwoFilesPatch: its Myers diff costs the number of
 * lines times the number of changed lines, so a fix that renames 10,000 paths took minutes to print. Here lines that
 * occur once in each text (path keys, summaries, operationIds) anchor the match first, as git's patience diff does;
 * only the short stretches between anchors go to the package's Myers diff (diffArrays), with a bound on its work,
 * beyond which a stretch is shown as removed and added whole.
 */
export function unifiedDiff(oldFileName: string, newFileName: string, before: string, after: string, context = 3): string {
  const hunks = toHunks(lineChanges(splitLines(before), splitLines(after)), context);
  return formatPatch({ oldFileName, newFileName, oldHeader: undefined, newHeader: undefined, hunks }, FILE_HEADERS_ONLY);
}

/** A run of lines the two texts share, or that only the old (removed) or the new (added) one has. */
export interface LineRun {
  kind: 'same' | 'removed' | 'added';
  lines: string[];
}

/** Lines with their line break (`\n` or `\r\n`), as the `diff` package's line tokenizer cuts them. */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The most work (edit length) a Myers diff of one stretch between anchors may take. */
const MAX_STRETCH_EDIT_LENGTH = 2_000;
/** How deep anchoring recurses into a stretch whose Myers diff is over that bound. */
const MAX_ANCHOR_DEPTH = 8;

/** How the old lines become the new ones: runs in order, every old line once (same or removed), every new one once. */
export function lineChanges(oldLines: readonly string[], newLines: readonly string[]): LineRun[] {
  const runs: LineRun[] = [];
  const push = (kind: LineRun['kind'], lines: readonly string[]) => {
    if (lines.length === 0) return;
    const last = runs[runs.length - 1];
    if (last?.kind === kind) last.lines.push(...lines);
    else runs.push({ kind, lines: [...lines] });
  };
  const stretch = (a0: number, a1: number, b0: number, b1: number, depth: number): void => {
    let prefix = 0;
    while (a0 + prefix < a1 && b0 + prefix < b1 && oldLines[a0 + prefix] === newLines[b0 + prefix]) prefix++;
    let suffix = 0;
    while (a1 - suffix > a0 + prefix && b1 - suffix > b0 + prefix && oldLines[a1 - 1 - suffix] === newLines[b1 - 1 - suffix]) suffix++;
    push('same', oldLines.slice(a0, a0 + prefix));
    const [from, to, newFrom, newTo] = [a0 + prefix, a1 - suffix, b0 + prefix, b1 - suffix];
    if (from === to || newFrom === newTo) {
      push('removed', oldLines.slice(from, to));
      push('added', newLines.slice(newFrom, newTo));
    } else {
      const anchors = depth < MAX_ANCHOR_DEPTH ? uniqueCommonLines(oldLines, from, to, newLines, newFrom, newTo) : [];
      if (anchors.length > 0) {
        let [a, b] = [from, newFrom];
        for (const [anchorOld, anchorNew] of anchors) {
          stretch(a, anchorOld, b, anchorNew, depth + 1);
          push('same', [oldLines[anchorOld] as string]);
          [a, b] = [anchorOld + 1, anchorNew + 1];
        }
        stretch(a, to, b, newTo, depth + 1);
      } else {
        const runsOfStretch = myersRuns(oldLines.slice(from, to), newLines.slice(newFrom, newTo));
        if (runsOfStretch) {
          for (const run of runsOfStretch) push(run.kind, run.lines);
        } else {
          push('removed', oldLines.slice(from, to));
          push('added', newLines.slice(newFrom, newTo));
        }
      }
    }
    push('same', oldLines.slice(a1 - suffix, a1));
  };
  stretch(0, oldLines.length, 0, newLines.length, 0);
  return runs;
}

/** The `diff` package's Myers diff of a stretch, or undefined when it would take more than the bound. */
function myersRuns(oldLines: string[], newLines: string[]): LineRun[] | undefined {
  const changes = diffArrays(oldLines, newLines, { maxEditLength: MAX_STRETCH_EDIT_LENGTH });
  if (!changes) return undefined;
  return changes.map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', lines: change.value }));
}

/**
 * Pairs of positions (old, new) of lines that occur exactly once in each range, the longest list of them in the same
 * order in both (patience sorting: n log n).
 */
function uniqueCommonLines(oldLines: readonly string[], a0: number, a1: number, newLines: readonly string[], b0: number, b1: number): Array<[number, number]> {
  const seen = new Map<string, { old: number; new: number; oldCount: number; newCount: number }>();
  for (let index = a0; index < a1; index++) {
    const line = oldLines[index] as string;
    const entry = seen.get(line);
    if (entry) entry.oldCount++;
    else seen.set(line, { old: index, new: -1, oldCount: 1, newCount: 0 });
  }
  for (let index = b0; index < b1; index++) {
    const entry = seen.get(newLines[index] as string);
    if (!entry) continue;
    entry.newCount++;
    entry.new = index;
  }
  const pairs: Array<[number, number]> = [];
  for (const entry of seen.values()) if (entry.oldCount === 1 && entry.newCount === 1) pairs.push([entry.old, entry.new]);
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasingByNew(pairs);
}

/** The longest subsequence of `pairs` (sorted by old position) whose new positions increase. */
function longestIncreasingByNew(pairs: Array<[number, number]>): Array<[number, number]> {
  const tails: number[] = []; // tails[k]: index into pairs of the smallest end of an increasing run of length k + 1
  const previous: number[] = new Array<number>(pairs.length);
  for (let index = 0; index < pairs.length; index++) {
    const value = (pairs[index] as [number, number])[1];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((pairs[tails[middle] as number] as [number, number])[1] < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  }
  const result: Array<[number, number]> = [];
  for (let index = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; index !== -1; index = previous[index] as number) {
    result.push(pairs[index] as [number, number]);
  }
  return result.reverse();
}

/**
 * Hunks of changed lines with up to `context` unchanged lines around them; two changes closer than twice the context
 * share a hunk. A last line without a line break is marked `\ No newline at end of file`. (The same layout as the
 * `diff` package's structuredPatch, which only builds hunks from its own line matching.)
 */
function toHunks(runs: LineRun[], context: number): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  let hunk: { oldStart: number; newStart: number; lines: string[]; oldLines: number; newLines: number } | undefined;
  let oldLine = 1;
  let newLine = 1;
  runs.forEach((run, index) => {
    if (run.kind !== 'same') {
      if (!hunk) {
        const before = index > 0 ? (runs[index - 1] as LineRun).lines.slice(-context) : [];
        hunk = { oldStart: oldLine - before.length, newStart: newLine - before.length, lines: before.map((line) => ' ' + line), oldLines: before.length, newLines: before.length };
      }
      const sign = run.kind === 'added' ? '+' : '-';
      for (const line of run.lines) hunk.lines.push(sign + line);
      if (run.kind === 'added') {
        newLine += run.lines.length;
        hunk.newLines += run.lines.length;
      } else {
        oldLine += run.lines.length;
        hunk.oldLines += run.lines.length;
      }
      return;
    }
    if (hunk) {
      const isLast = index === runs.length - 1;
      if (run.lines.length <= context * 2 && !isLast) {
        for (const line of run.lines) hunk.lines.push(' ' + line);
        hunk.oldLines += run.lines.length;
        hunk.newLines += run.lines.length;
      } else {
        const after = run.lines.slice(0, context);
        for (const line of after) hunk.lines.push(' ' + line);
        hunks.push({ ...hunk, oldLines: hunk.oldLines + after.length, newLines: hunk.newLines + after.length });
        hunk = undefined;
      }
    }
    oldLine += run.lines.length;
    newLine += run.lines.length;
  });
  if (hunk) hunks.push(hunk);
  for (const each of hunks) each.lines = markMissingFinalNewline(each.lines);
  return hunks;
}

/** Lines without their line break; after one that had none (the text's last), git's `\ No newline at end of file`. */
function markMissingFinalNewline(lines: string[]): string[] {
  const marked: string[] = [];
  for (const line of lines) {
    if (line.endsWith('\n')) marked.push(line.slice(0, -1));
    else marked.push(line, '\\ No newline at end of file');
  }
  return marked;
}
