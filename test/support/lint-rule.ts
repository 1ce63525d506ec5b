import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ISpectralDiagnostic, RulesetDefinition } from '@stoplight/spectral-core';
import { expect } from 'vitest';
import ruleset from '../../rules';
import { createDocument } from '../../src/lint/load-document';
import { createLinter } from '../../src/lint/linter';
import { spectralOracle } from './oracle';
import { tempFolder } from './temp';

export interface Finding {
  code: string;
  path: Array<string | number>;
  severity: 'error' | 'warn' | 'info' | 'hint';
  message: string;
  /** Only asserted when a case spans several files: the file (relative to the case's folder) the node lives in. */
  source?: string;
  /** Where the finding starts, `line:column` (1-based), asserted when a case gives it. */
  start?: string;
}

export interface RuleCase {
  name: string;
  /** The document under test, as YAML or JSON text, or as an object (serialised to JSON). */
  document: string | object;
  /** Other files of a multi-file document, by path relative to the main document. */
  files?: Record<string, string>;
  /** The main document's file name (its extension picks the parser). */
  filename?: string;
  errors: Finding[];
}

const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;

/** Runs the real ruleset, with only `ruleId` switched on, over a document written to a temporary folder. */
export async function lintWithRule(ruleId: string, testCase: Omit<RuleCase, 'name' | 'errors'>): Promise<Finding[]> {
  const folder = tempFolder('spectral-webhooks-case-');
  const filename = testCase.filename ?? (typeof testCase.document === 'string' ? 'openapi.yaml' : 'openapi.json');
  const text = typeof testCase.document === 'string' ? testCase.document : JSON.stringify(testCase.document, null, 2);
  const mainPath = join(folder, filename);
  for (const [relative, content] of Object.entries({ [filename]: text, ...testCase.files })) {
    mkdirSync(dirname(join(folder, relative)), { recursive: true });
    writeFileSync(join(folder, relative), content);
  }

  const only = { extends: [[ruleset, 'off']], rules: { [ruleId]: true } } as unknown as RulesetDefinition;
  const results = await createLinter({ ruleset: only }).lint(createDocument(text, mainPath));
  // The same case under stock spectral-core (test/support/oracle.ts): the same results, ranges included.
  const oracle = await spectralOracle(mainPath, only);
  expect(results.map(comparable)).toEqual(oracle.map(comparable));
  // Spectral's own note on non-OpenAPI input is not a finding of the rule under test.
  return results
    .filter((result) => result.code !== 'unrecognized-format')
    .map((result: ISpectralDiagnostic) => toFinding(result, folder, mainPath));
}

function comparable(result: ISpectralDiagnostic) {
  return { code: result.code, path: result.path, message: result.message, severity: result.severity, source: result.source, range: result.range };
}

function toFinding(result: ISpectralDiagnostic, folder: string, mainPath: string): Finding {
  const finding: Finding = {
    code: String(result.code),
    path: result.path.map((segment) => segment),
    severity: SEVERITY_NAMES[result.severity] ?? 'hint',
    message: result.message,
    start: `${result.range.start.line + 1}:${result.range.start.character + 1}`,
  };
  if (result.source && result.source !== mainPath) finding.source = result.source.slice(folder.length + 1);
  return finding;
}
