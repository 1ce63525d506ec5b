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
    },
  };
}

const linter = createLinter();
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

  it('the document breaks every consumer rule and some producer rules, and no ignore is stale yet', async () => {
    const codes = new Set((await lint(document)).map((finding) => finding.code));
    for (const id of ['webhook-path-prefix', 'webhook-path-identifier', 'webhook-path-kebab-case', 'webhook-method-post', 'webhook-x-internal', 'webhook-security', 'webhook-https']) {
      expect(codes).toContain(id);
    }
    expect([...codes].filter((code) => code.startsWith('webhook-producer-')).length).toBeGreaterThan(0);
    expect(codes).not.toContain(SELF);
  });

  it.each(ruleIds)('%s: a root ignore silences it, and is reported as stale only if the rule had nothing to say', async (ruleId) => {
    const fires = (await lint(document)).some((finding) => finding.code === ruleId);
    const findings = await lint(withIgnore(document, [], ruleId));
    expect(findings.filter((finding) => finding.code === ruleId)).toEqual([]);
    // A rule the base ruleset leaves off (a profile's) may still be on where the spec is linted: never called stale.
    const offHere = (ruleset.rules as Record<string, { recommended?: boolean }>)[ruleId]?.recommended === false;
    if (offHere) return;
    expect(findings.filter((finding) => finding.code === SELF).map((finding) => finding.path)).toEqual(fires ? [] : [['x-lint-ignore', ruleId]]);
  });

  it.each(ruleIds)('%s: an ignore on the node above a finding silences that finding and is not reported as stale', async (ruleId) => {
    const before = (await lint(document)).filter((finding) => finding.code === ruleId);
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
  });
});
