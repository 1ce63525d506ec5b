import { DiagnosticSeverity } from '@stoplight/types';

export const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;
export type SeverityName = (typeof SEVERITY_NAMES)[number];

export function parseSeverity(name: string): DiagnosticSeverity {
  const index = SEVERITY_NAMES.indexOf(name as SeverityName);
  if (index === -1) throw new Error(`unknown severity "${name}" (use one of ${SEVERITY_NAMES.join(', ')})`);
  return index as DiagnosticSeverity;
}
