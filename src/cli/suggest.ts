import { distance } from 'fastest-levenshtein';

/** Up to three ids closest by edit distance, plus any that contain what was typed (`https` → `webhook-https`). */
export function suggest(typed: string, ids: string[]): string[] {
  const needle = typed.toLowerCase();
  return ids
    .map((id) => ({ id, score: id.includes(needle) ? 0 : distance(needle, id) }))
    .filter(({ id, score }) => score <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}
