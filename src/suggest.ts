/**
 * Did-you-mean: the id differing only in case, else up to three ids closest by edit distance, ignoring case, plus any
 * that contain what was typed (`https` → `webhook-https`). The one implementation for every command and rule.
 */
export function suggest(typed: string, ids: readonly string[]): string[] {
  const needle = typed.toLowerCase();
  // Only the case is wrong (`operation-operationid`): that one id, not the longer ids that contain it too.
  const sameLetters = ids.filter((id) => id !== typed && id.toLowerCase() === needle);
  if (sameLetters.length > 0) return sameLetters;
  return ids
    .map((id) => ({ id, score: id.toLowerCase().includes(needle) ? 0 : editDistance(needle, id.toLowerCase()) }))
    .filter(({ id, score }) => score <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}

/**
 * Levenshtein distance. Hand-written rather than a dependency: webhook-lint-ignore's messages use it, and rule code
 * goes into the one-file ruleset bundle, whose only imports may be the @stoplight/spectral-* packages Spectral's
 * loaders supply. Ids are short, so the plain two-row algorithm is enough.
 */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
