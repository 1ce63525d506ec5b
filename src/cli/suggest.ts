import { distance } from 'fastest-levenshtein';

/** The id differing only in case, else up to three ids closest by edit distance, ignoring case, plus any that contain what was typed (`https` → `webhook-https`). */
export function suggest(typed: string, ids: string[]): string[] {
  const needle = typed.toLowerCase();
  // Only the case is wrong (`operation-operationid`): that one id, not the longer ids that contain it too.
  const sameLetters = ids.filter((id) => id !== typed && id.toLowerCase() === needle);
  if (sameLetters.length > 0) return sameLetters;
  return ids
    .map((id) => ({ id, score: id.toLowerCase().includes(needle) ? 0 : distance(needle, id.toLowerCase()) }))
    .filter(({ id, score }) => score <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}
