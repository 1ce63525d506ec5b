/** Receivers a shared finding (a root server, the root security) applies to: the first three, then a count. */
export function listEndpoints(endpoints: Iterable<string>): string {
  const all = [...endpoints];
  const shown = all.slice(0, 3).join(', ');
  return all.length > 3 ? `${shown} and ${all.length - 3} more` : shown;
}
