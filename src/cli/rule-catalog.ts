import type { RulesetDefinition } from '@stoplight/spectral-core';
import { FIXABLE_RULES } from '../fix/fixable';
import { SEVERITY_NAMES } from './severity';

export interface RuleEntry {
  id: string;
  severity: string;
  fixable: boolean;
  description: string;
  documentationUrl: string;
}

/** Every rule of the bundled ruleset, read from the ruleset object itself (so a new rule shows up with no edit here). */
export function ruleCatalog(definition: RulesetDefinition = ownRuleset()): RuleEntry[] {
  const rules = (definition as { rules?: Record<string, { severity?: unknown; description?: string; documentationUrl?: string }> }).rules ?? {};
  return Object.entries(rules)
    .map(([id, rule]) => ({
      id,
      severity: severityName(rule.severity),
      fixable: FIXABLE_RULES.has(id),
      description: rule.description ?? '',
      documentationUrl: rule.documentationUrl ?? '',
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Spectral's default for a rule without a severity is `warn`; numbers are DiagnosticSeverity. */
function severityName(severity: unknown): string {
  if (typeof severity === 'number') return SEVERITY_NAMES[severity] ?? String(severity);
  if (typeof severity === 'string') return severity;
  return 'warn';
}

function ownRuleset(): RulesetDefinition {
  // Loaded on use so that `--help` and usage errors do not pay for Spectral's start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../rules') as RulesetDefinition;
}
