import { describe, expect, it } from 'vitest';
import { lintWithRule, type RuleCase } from './lint-rule';

/** A rule's table of cases, OWASP-ruleset style: each case runs the real ruleset with only this rule on. */
export function describeRule(ruleId: string, cases: RuleCase[]): void {
  describe(ruleId, () => {
    it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      // The start is compared where the table gives it; both engines always agree on it (lintWithRule checks).
      const withStart = testCase.errors.some((error) => error.start !== undefined);
      const findings = (await lintWithRule(ruleId, testCase)).map((finding) => (withStart ? finding : { ...finding, start: undefined }));
      const sortKey = (finding: { path: unknown[]; message: string }) => JSON.stringify(finding.path) + finding.message;
      const sorted = [...findings].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      const expected = testCase.errors.map((error) => ({ ...error, code: ruleId, start: withStart ? error.start : undefined }));
      expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      expect(sorted).toEqual(expected);
    });
  });
}
