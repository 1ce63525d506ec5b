import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, isPair, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixDocument, type AppliedFix, type FixResult } from '../../src/fix/fix-document';
import { FIXABLE_RULES } from '../../src/fix/fixable';
import type { DataChange } from '../../src/fix/plan';
import { tempFolder } from '../support/temp';

/**
 * Properties of --fix over generated documents: small OpenAPI 3 documents whose paths mix receivers in and out of
 * /_webhooks/, badly cased segments, management paths, x-internal values, http and https servers at every level,
 * `$ref`s and link `operationRef`s to path items; written as JSON (2 or 4 spaces) or YAML (block, flow, quoted,
 * commented, LF or CRLF).
 */

const SEGMENTS_BEFORE = [[], ['api'], ['v1']];
const HOOK_WORDS = ['hooks', 'webhooks', 'webhook', '_webhooks', 'users', 'pets'];
const AFTER = ['sendgrid', 'SendGrid', 'send_grid', 'emailClicked', 'email-sent', 'stripe', '{id}', 'payment_succeeded', 'logs'];

const pathKey = fc
  .tuple(fc.constantFrom(...SEGMENTS_BEFORE), fc.constantFrom(...HOOK_WORDS), fc.array(fc.constantFrom(...AFTER), { maxLength: 2 }))
  .map(([before, hook, after]) => '/' + [...before, hook, ...after].join('/'));

const server = fc.constantFrom('http://hooks.example.com', 'https://hooks.example.com').map((url) => [{ url }]);
const xInternal = fc.constantFrom(undefined, true, false, 'true');

const operation = fc.record(
  { xInternal, servers: fc.option(server, { nil: undefined }), link: fc.boolean() },
  { requiredKeys: ['xInternal', 'link'] },
);

const pathItem = fc.record({
  methods: fc.uniqueArray(fc.constantFrom('post', 'get', 'put'), { minLength: 1, maxLength: 2 }),
  operations: fc.array(operation, { minLength: 2, maxLength: 2 }),
  servers: fc.option(server, { nil: undefined }),
});

const documentSpec = fc.record({
  openapi: fc.constantFrom('3.0.3', '3.1.0'),
  rootServer: fc.option(server, { nil: undefined }),
  paths: fc.uniqueArray(fc.tuple(pathKey, pathItem), { minLength: 1, maxLength: 5, selector: ([key]) => key }),
  /** Index of a path that gets a second key `$ref`-ing it (-1: none). */
  aliasOf: fc.integer({ min: -1, max: 4 }),
});

type Spec = typeof documentSpec extends fc.Arbitrary<infer T> ? T : never;

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function buildDocument(spec: Spec): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const keys = spec.paths.map(([key]) => key);
  for (const [key, item] of spec.paths) {
    const value: Record<string, unknown> = {};
    if (item.servers) value.servers = item.servers;
    item.methods.forEach((method, index) => {
      const op = item.operations[index]!;
      const body: Record<string, unknown> = { summary: `${method} ${key}` };
      if (op.xInternal !== undefined) body['x-internal'] = op.xInternal;
      if (op.servers) body.servers = op.servers;
      const response: Record<string, unknown> = { description: 'OK' };
      if (op.link) {
        const target = keys[(keys.indexOf(key) + 1) % keys.length]!;
        const targetMethod = spec.paths[keys.indexOf(target)]![1].methods[0]!;
        response.links = { next: { operationRef: `#/paths/${escape(target)}/${targetMethod}` } };
      }
      body.responses = { '204': response };
      value[method] = body;
    });
    paths[key] = value;
  }
  const aliased = keys[spec.aliasOf];
  if (aliased !== undefined && !keys.includes(`/v9${aliased}`)) paths[`/v9${aliased}`] = { $ref: `#/paths/${escape(aliased)}` };
  const document: Record<string, unknown> = { openapi: spec.openapi, info: { title: 'Generated', version: '1.0.0' } };
  if (spec.rootServer) document.servers = spec.rootServer;
  document.security = [{ secret: [] }];
  document.paths = paths;
  document.components = { securitySchemes: { secret: { type: 'apiKey', in: 'header', name: 'X-Secret' } } };
  return document;
}

const format = fc.record({
  kind: fc.constantFrom('json', 'yaml'),
  indent: fc.constantFrom(2, 4),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  stringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE'),
  crlf: fc.boolean(),
  comments: fc.boolean(),
});

type Format = typeof format extends fc.Arbitrary<infer T> ? T : never;

function serialise(document: Record<string, unknown>, style: Format): { text: string; name: string } {
  if (style.kind === 'json') return { text: JSON.stringify(document, null, style.indent) + '\n', name: 'openapi.json' };
  const yaml = new Document(document);
  if (style.comments) {
    let n = 0;
    visit(yaml, {
      Pair: (_key, pair) => {
        if (isPair(pair) && (n++ % 3 === 0) && pair.key && typeof pair.key === 'object') (pair.key as { commentBefore?: string }).commentBefore = ` note ${n}`;
      },
    });
  }
  const text = yaml.toString({
    indent: style.indent,
    collectionStyle: style.collectionStyle as 'any' | 'block' | 'flow',
    defaultStringType: style.stringType as 'PLAIN',
    defaultKeyType: style.stringType === 'QUOTE_SINGLE' ? 'QUOTE_SINGLE' : null,
    lineWidth: 0,
  });
  return { text: style.crlf ? text.replace(/\n/g, '\r\n') : text, name: 'openapi.yaml' };
}

function parseText(name: string, text: string): unknown {
  if (name.endsWith('.json')) return JSON.parse(text);
  const document = parseDocument(text, { merge: true });
  if (document.errors.length > 0) throw new Error(document.errors[0]!.message);
  return document.toJS();
}

/**
 * The data the fixes should produce: the model the text edits are checked against. A round's paths are those at the
 * start of the round, so its values are set (and items removed, last first) before its keys are renamed.
 */
function applyChanges(data: unknown, fixes: AppliedFix[], file: string): unknown {
  const copy = structuredClone(data);
  const rounds = [...new Set(fixes.map((fix) => fix.round))].sort((a, b) => a - b);
  for (const round of rounds) {
    const changes = fixes.filter((fix) => fix.round === round).flatMap((fix) => fix.changes).filter((change) => change.file === file);
    const order = (change: DataChange) => (change.kind === 'rename-key' ? 2 : change.kind === 'remove-item' ? 1 : 0);
    const sorted = [...changes].sort((a, b) => order(a) - order(b) || (a.kind === 'remove-item' && b.kind === 'remove-item' ? Number(b.path.at(-1)) - Number(a.path.at(-1)) : 0));
    for (const change of sorted) {
      const parent = change.path.slice(0, -1).reduce<Record<string | number, unknown>>((node, segment) => node[segment] as Record<string | number, unknown>, copy as Record<string | number, unknown>);
      const last = change.path[change.path.length - 1]!;
      if (change.kind === 'set') parent[last] = change.value;
      else if (change.kind === 'remove-item') (parent as unknown as unknown[]).splice(Number(last), 1);
      else {
        const entries = Object.entries(parent).map(([key, value]) => [key === last ? change.newKey : key, value]);
        for (const key of Object.keys(parent)) delete parent[key];
        Object.assign(parent, Object.fromEntries(entries));
      }
    }
  }
  return copy;
}

async function fixGenerated(document: Record<string, unknown>, style: Format): Promise<{ file: string; name: string; before: string; result: FixResult }> {
  const folder = tempFolder('spectral-webhooks-prop-');
  const { text, name } = serialise(document, style);
  const file = join(folder, name);
  writeFileSync(file, text);
  return { file, name, before: text, result: await fixDocument(file) };
}

const findingKey = (ruleId: string, path: ReadonlyArray<string | number>) => JSON.stringify([ruleId, path.map(String)]);

describe('lint --fix properties', () => {
  it('output parses; only the targeted nodes change; fixing twice equals fixing once; nothing fixable is left unexplained', async () => {
    await fc.assert(
      fc.asyncProperty(documentSpec, format, async (spec, style) => {
        const { file, name, before, result } = await fixGenerated(buildDocument(spec), style);
        const after = result.changes[0]?.after ?? before;
        expect(readFileSync(file, 'utf8')).toBe(before); // fixDocument itself never writes

        // The output parses, and differs from the input exactly by the changes the fixes declare.
        expect(parseText(name, after)).toEqual(applyChanges(parseText(name, before), result.fixed, file));

        // After the fix, a fixable rule reports only what the fix refused, with a reason.
        const refused = new Set(result.refused.map((refusal) => findingKey(refusal.finding.ruleId, refusal.finding.path)));
        const left = result.results.filter((finding) => FIXABLE_RULES.has(String(finding.code)));
        for (const finding of left) expect(refused, `${finding.code} at ${finding.path.join('.')} left without a reason`).toContain(findingKey(String(finding.code), finding.path));

        // Fixing the fixed document changes nothing.
        writeFileSync(file, after);
        const again = await fixDocument(file);
        expect(again.changes).toEqual([]);
        expect(again.fixed).toEqual([]);
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 25), interruptAfterTimeLimit: 60_000 },
    );
  }, 120_000);

  it('a document of receivers only, with nothing that blocks a fix, has no fixable finding left', async () => {
    const receiversOnly = documentSpec.map((spec) => ({
      ...spec,
      aliasOf: -1,
      // Distinct producers, so no two receivers move to the same path.
      paths: spec.paths.map(([, item], index) => [`/hooks/producer${index}/eventName`, item] as [string, typeof item]),
    }));
    await fc.assert(
      fc.asyncProperty(receiversOnly, format, async (spec, style) => {
        const { result } = await fixGenerated(buildDocument(spec), style);
        expect(result.results.filter((finding) => FIXABLE_RULES.has(String(finding.code)))).toEqual([]);
        expect(result.refused).toEqual([]);
      }),
      { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 10), interruptAfterTimeLimit: 30_000 },
    );
  }, 60_000);
});
