/**
 * The JSONPath forms rule `given`s may use with the fast engine: `$`, `.name`, `['name']`, `.*`, `[*]`, `[n]`.
 * Recursive descent (`..`) and filters are rejected on purpose: they make Spectral walk the whole document (IBM's ruleset
 * went from 112 s to 3 s by dropping them), and a test fails when a rule uses one.
 */
export type Step = { kind: 'key'; key: string } | { kind: 'wildcard' } | { kind: 'index'; index: number };

export interface Target {
  path: Array<string | number>;
  value: unknown;
}

/** The steps of `expression`, or undefined when it uses a form the fast engine does not support. */
export function parseGiven(expression: string): Step[] | undefined {
  if (!expression.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < expression.length) {
    const rest = expression.slice(i);
    let match: RegExpMatchArray | null;
    if (rest.startsWith('..')) return undefined;
    if ((match = /^\.\*/.exec(rest)) || (match = /^\[\*\]/.exec(rest))) steps.push({ kind: 'wildcard' });
    else if ((match = /^\.([A-Za-z_$][A-Za-z0-9_$-]*)/.exec(rest))) steps.push({ kind: 'key', key: match[1]! });
    else if ((match = /^\['([^'\\]*)'\]/.exec(rest)) || (match = /^\["([^"\\]*)"\]/.exec(rest))) steps.push({ kind: 'key', key: match[1]! });
    else if ((match = /^\[(\d+)\]/.exec(rest))) steps.push({ kind: 'index', index: Number(match[1]) });
    else return undefined;
    i += match[0].length;
  }
  return steps;
}

/** Every node `steps` reach in `root`, with its path. */
export function evaluateGiven(root: unknown, steps: Step[]): Target[] {
  let current: Target[] = [{ path: [], value: root }];
  for (const step of steps) {
    const next: Target[] = [];
    for (const { path, value } of current) {
      if (typeof value !== 'object' || value === null) continue;
      if (step.kind === 'wildcard') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ path: [...path, index], value: item }));
        else for (const key of Object.keys(value)) next.push({ path: [...path, key], value: (value as Record<string, unknown>)[key] });
      } else if (step.kind === 'index') {
        if (Array.isArray(value) && step.index < value.length) next.push({ path: [...path, step.index], value: value[step.index] });
      } else if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step.key)) {
        next.push({ path: [...path, step.key], value: (value as Record<string, unknown>)[step.key] });
      }
    }
    current = next;
  }
  return current;
}
