import type { RulesetInForce } from '../config/ruleset-in-force';
import { FixRefusal, type DocumentFilesView, type Finding, type PlannedFix } from '../functions/fix-api';

export type { DataChange, FileEdit, Finding, PlannedFix } from '../functions/fix-api';

export interface Refusal {
  finding: Finding;
  reason: string;
}

/**
 * One fix per finding of a fixable rule, each computed against the files as they are now by the rule's own fix (its
 * `extensions.fix`, with the options the ruleset in force gives the rule). A finding that cannot be fixed safely gets
 * a reason instead; findings of rules without a fix are not looked at.
 */
export function planFixes(findings: Finding[], files: DocumentFilesView, rules: RulesetInForce): { fixes: PlannedFix[]; refused: Refusal[] } {
  const fixes: PlannedFix[] = [];
  const refused: Refusal[] = [];
  const renameTargets = new Map<string, Set<string>>();
  const computed = new Map<string, unknown>();
  const perRound = <T>(key: string, compute: () => T): T => {
    if (!computed.has(key)) computed.set(key, compute());
    return computed.get(key) as T;
  };
  for (const finding of findings) {
    const fix = rules.fix(finding.ruleId);
    if (!fix) continue;
    try {
      const planned = fix(finding, { files, options: rules.functionOptions(finding.ruleId), renameTargets, perRound });
      const changesText = planned.edits.some(({ file, edit }) => files.get(file)?.text.slice(edit.offset, edit.offset + edit.length) !== edit.content);
      if (!changesText) throw new FixRefusal('the fix would change nothing here; the linter sees another value (a YAML merge key?)');
      fixes.push(planned);
    } catch (error) {
      if (!(error instanceof FixRefusal)) throw error;
      refused.push({ finding, reason: error.reason });
    }
  }
  return { fixes, refused };
}
