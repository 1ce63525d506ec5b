import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import ruleset from '../../rules';
import { createDocument } from '../../src/lint/load-document';
import { createLinter } from '../../src/lint/linter';
import { ignoreSites } from '../../src/openapi/ignore';
import { webhook } from '../support/webhook-documents';

/**
 * For every rule of the ruleset, present and future (producer rules included): on a document that breaks many rules,
 * an `x-lint-ignore` of the rule at the node above a finding silences that finding, and `webhook-lint-ignore` agrees
 * that the ignore is doing its job. Catches a rule that forgets to honour x-lint-ignore, and a rule whose findings
 * webhook-lint-ignore cannot re-create (it would call a working ignore stale).
 */

type Json = Record<string, unknown>;
interface Finding {
  code: string;
  path: Array<string | number>;
  message: string;
}

const REPO_ROOT = resolve(__dirname, '..', '..');
const SELF = 'webhook-lint-ignore';

function kitchenSink(): Json {
  const document = parse(readFileSync(join(REPO_ROOT, 'fixtures', 'adoption', 'legacy-api.yaml'), 'utf8')) as Json;
  const broken = (overrides: Json) => ({ post: { ...webhook(), ...overrides } });
  return {
    ...document,
    openapi: '3.1.0',
    webhooks: {
      unsigned: broken({ parameters: [] }),
      'no-payload': broken({ requestBody: undefined }),
      'get-webhook': { get: webhook() },
      'no-response': broken({ responses: {} }),
      'flat-payload': broken({ requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } }),
    },
  };
}

// Every rule on, the Standard Webhooks profile's too (the bundled ruleset leaves those off): each case below then
// has findings of its rule to silence.
const linter = createLinter({ ruleset: { extends: [[ruleset as never, 'all']] } });
async function lint(document: Json): Promise<Finding[]> {
  const results = await linter.lint(createDocument(JSON.stringify(document), join(REPO_ROOT, 'kitchen-sink.json')));
  return results.map((result) => ({ code: String(result.code), path: result.path.map(String), message: result.message }));
}

const key = (finding: Finding) => JSON.stringify([finding.code, finding.path, finding.message]);
const isPrefix = (prefix: Array<string | number>, path: Array<string | number>) => prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));

function withIgnore(document: Json, at: Array<string | number>, ruleId: string): Json {
  const copy = structuredClone(document);
  let node: Json = copy;
  for (const segment of at) node = node[String(segment)] as Json;
  node['x-lint-ignore'] = { [ruleId]: 'test: suppress this finding' };
  return copy;
}

describe('x-lint-ignore works for every rule of the ruleset', { timeout: 120_000 }, () => {
  const document = kitchenSink();
  const sites = ignoreSites(document).filter((site) => site.level !== 'document');
  const ruleIds = Object.keys(ruleset.rules).filter((id) => id !== SELF);

  it('the document breaks every rule, and no ignore is stale yet', async () => {
    const codes = new Set((await lint(document)).map((finding) => finding.code));
    for (const id of ruleIds) expect(codes, `${id} reports nothing on the document`).toContain(id);
    expect(codes).not.toContain(SELF);
  });

  it.each(ruleIds)('%s: a root ignore silences it, and is reported as stale only if the rule had nothing to say', async (ruleId) => {
    expect((await lint(document)).some((finding) => finding.code === ruleId)).toBe(true);
    const findings = await lint(withIgnore(document, [], ruleId));
    expect(findings.filter((finding) => finding.code === ruleId)).toEqual([]);
    expect(findings.filter((finding) => finding.code === SELF)).toEqual([]);
  });

  it.each(ruleIds)('%s: an ignore on the node above a finding silences that finding and is not reported as stale', async (ruleId) => {
    const before = (await lint(document)).filter((finding) => finding.code === ruleId);
    expect(before.length).toBeGreaterThan(0);
    // One finding per kind of node (path item, operation) it can be silenced at: enough to show the rule honours each.
    const tried = new Set<string>();
    for (const finding of before) {
      const site = sites.filter((candidate) => isPrefix(candidate.jsonPath, finding.path)).sort((a, b) => b.jsonPath.length - a.jsonPath.length)[0];
      if (!site || tried.has(site.level + site.jsonPath[0])) continue;
      tried.add(site.level + site.jsonPath[0]);
      // Rules about a path read path items, not operations: their finding sits at the path item itself.
      const after = await lint(withIgnore(document, site.jsonPath, ruleId));
      expect(after.map(key), `${ruleId} ignored at ${site.jsonPath.join(' > ')}`).not.toContain(key(finding));
      expect(after.filter((other) => other.code === SELF && isPrefix(site.jsonPath, other.path))).toEqual([]);
    }
    // Findings at the root only (e.g. one finding for all webhooks) have no node above them but the root, tested above.
    if (tried.size === 0) expect(before.every((finding) => !sites.some((site) => isPrefix(site.jsonPath, finding.path)))).toBe(true);
  });
});
