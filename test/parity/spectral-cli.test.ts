import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ruleset from '../../rules';
import { CORPUS_DIR } from '../corpus/corpus';
import { REPO_ROOT, runCli, runSpectral } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * Our CLI against the real `spectral lint` (spectral-cli, a devDependency) on documents that, together, make every
 * rule of the ruleset and of the Standard Webhooks profile report: the same results, field for field, ranges
 * included, for YAML documents.
 *
 * JSON documents differ in their ranges, and only there, by spectral-cli's choice: it parses every document with its
 * YAML parser, `.json` included (spectral-cli services/linter/linter.js, createDocument), whereas spectral-core's
 * Document takes the JSON parser for JSON and so do we. The YAML parser's ranges for JSON nodes are off (on
 * Woodpecker CI's Swagger 2.0 JSON, `/hook` starts one column early, at the blank before its `{`, and ends inside the
 * object); the JSON parser's are the node's own. So for JSON the ranges are compared with the oracle's
 * (test/parity/oracle.ts, stock spectral-core with its JSON parser), and everything else with spectral-cli.
 */

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

interface Result {
  code: string;
  path: string[];
  message: string;
  severity: number;
  source: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A producer document that breaks the producer rules the fixtures leave quiet, and holds a stale x-lint-ignore. */
const PRODUCER = `openapi: 3.1.0
info: { title: Sender, version: 1.0.0 }
paths:
  /_webhooks/stripe:
    post:
      x-internal: true
      x-lint-ignore: webhook-method-post
      security: [{ key: [] }]
      responses: { '204': { description: Received } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
webhooks:
  noBody:
    get:
      responses: { '302': { description: Moved } }
  emptySchema:
    post:
      requestBody: { content: { application/json: { schema: {} } } }
      responses: { '200': { description: OK } }
`;

function workspace(): { dir: string; producer: string; rulesets: { main: string; profile: string } } {
  const dir = tempFolder('spectral-webhooks-cli-parity-');
  folders.push(dir);
  writeFileSync(join(dir, 'producer.yaml'), PRODUCER);
  writeFileSync(join(dir, 'main.spectral.yaml'), `extends:\n  - ${JSON.stringify(join(REPO_ROOT, 'dist', 'spectral-webhooks.mjs'))}\n`);
  writeFileSync(join(dir, 'profile.spectral.yaml'), `extends:\n  - ${JSON.stringify(join(REPO_ROOT, 'dist', 'standard-webhooks.mjs'))}\n`);
  return { dir, producer: join(dir, 'producer.yaml'), rulesets: { main: join(dir, 'main.spectral.yaml'), profile: join(dir, 'profile.spectral.yaml') } };
}

const FIXTURES = [
  'fixtures/consumer/compliant.yaml',
  'fixtures/consumer/swagger2.yaml',
  'fixtures/consumer/multi-file/openapi.yaml',
  'fixtures/examples/petstore-webhooks.yaml',
  'fixtures/parity/multi-file/openapi.yaml',
  'fixtures/parity/number-keys/openapi.yaml',
  'fixtures/parity/recursive-payloads/openapi.yaml',
  'fixtures/parity/dangling-refs/openapi.yaml',
  'fixtures/parity/json-findings/openapi.json',
  'fixtures/fix/guideline-incorrect/input.yaml',
  'fixtures/runtime/producer.yaml',
].map((file) => join(REPO_ROOT, file));
// Real descriptions of other shapes: Swagger 2.0 JSON (Argo Workflows), OpenAPI 3.1 YAML with webhooks (Adyen),
// OpenAPI 3.0 YAML with callbacks and x-webhooks (Vonage), a 3.0 receiver in paths (LINE).
const REAL = ['argo-workflows/swagger.json', 'adyen/Webhooks-v1.yaml', 'vonage/sms.yml', 'line/webhook.yml'].map((file) => join(CORPUS_DIR, file));

async function lintBoth(ruleset: string, files: string[], cwd: string): Promise<{ ours: Result[]; theirs: Result[] }> {
  const env = { NO_COLOR: '1' };
  const [theirs, ours] = await Promise.all([
    runSpectral(['lint', '-r', ruleset, '-f', 'json', '--quiet', ...files], { cwd, env }),
    runCli(['lint', '-r', ruleset, '-f', 'json', ...files], { cwd, env }),
  ]);
  expect(ours.stderr).toBe('');
  return { ours: JSON.parse(ours.stdout) as Result[], theirs: JSON.parse(theirs.stdout) as Result[] };
}

const byPlace = (a: Result, b: Result) => JSON.stringify([a.source, a.path, a.code, a.message]).localeCompare(JSON.stringify([b.source, b.path, b.code, b.message]));
const isJson = (result: Result) => result.source.toLowerCase().endsWith('.json');
const withoutRange = ({ range: _range, ...rest }: Result) => rest;

describe('our CLI and the real spectral-cli, every rule, ranges included', { timeout: 300_000 }, () => {
  it('give the same results on fixtures and real descriptions, with the ruleset and with the Standard Webhooks profile', async () => {
    const { dir, producer, rulesets } = workspace();
    const main = await lintBoth(rulesets.main, [...FIXTURES, ...REAL, producer], dir);
    const profile = await lintBoth(rulesets.profile, [join(REPO_ROOT, 'fixtures/runtime/producer.yaml'), producer, join(CORPUS_DIR, 'adyen/Webhooks-v1.yaml')], dir);

    for (const { ours, theirs } of [main, profile]) {
      expect(ours.length).toBe(theirs.length);
      const sortedOurs = [...ours].sort(byPlace);
      const sortedTheirs = [...theirs].sort(byPlace);
      // YAML: everything, ranges included.
      expect(sortedOurs.filter((result) => !isJson(result))).toEqual(sortedTheirs.filter((result) => !isJson(result)));
      // JSON: everything but the range (see above; the oracle parity tests compare JSON ranges).
      expect(sortedOurs.filter(isJson).map(withoutRange)).toEqual(sortedTheirs.filter(isJson).map(withoutRange));
    }

    // Every rule reported at least once, so the comparison covers every rule.
    const reported = new Set([...main.ours, ...profile.ours].map((result) => result.code));
    for (const id of Object.keys(ruleset.rules)) expect(reported, `rule ${id} reports nothing here`).toContain(id);
    // The JSON comparison covers real findings.
    expect(main.ours.filter(isJson).length).toBeGreaterThan(5);
  });

  it('differs on JSON ranges only by spectral-cli parsing JSON as YAML (the difference is still there)', async () => {
    const { dir, rulesets } = workspace();
    const { ours, theirs } = await lintBoth(rulesets.main, [join(REPO_ROOT, 'fixtures/parity/json-findings/openapi.json')], dir);
    const [sortedOurs, sortedTheirs] = [[...ours].sort(byPlace), [...theirs].sort(byPlace)];
    expect(sortedOurs.map(withoutRange)).toEqual(sortedTheirs.map(withoutRange));
    const differing = sortedOurs.filter((result, index) => JSON.stringify(result.range) !== JSON.stringify(sortedTheirs[index]?.range));
    // When spectral-cli parses JSON as JSON, this fails: then the JSON comparison above can include ranges.
    expect(differing.length).toBeGreaterThan(0);
  });
});
