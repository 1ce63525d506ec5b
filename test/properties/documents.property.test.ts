import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { ToolError } from '../../src/errors';
import { parseDocument } from '../../src/lint/load-document';
import ruleset from '../../rules';
import { createLinter } from '../../src/lint/linter';
import { visible } from '../parity/compare';
import { REPO_ROOT, runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * Properties over small, odd OpenAPI-ish documents (issue #6): the rules never throw, every finding's path exists in
 * the document and its range lies inside the file, and the CLI always exits 0, 1 or 2. `npm test` runs a bounded
 * number of cases; `npm run fuzz` runs many more (FUZZ_RUNS, default 20 000; FUZZ_SEED to replay a failure).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const CLI_RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 4);

const odd = fc.constantFrom<unknown>(null, 0, 42, -1, '', 'true', 'yes', true, false, [], {}, ['x'], { $ref: '#/nowhere' });
const word = fc.constantFrom('_webhooks', 'hooks', 'webhook', 'webhooks', 'callbacks', 'stripe', 'SendGrid', 'send_grid', 'emailClicked', 'email-sent', '{id}', 'v1', 'api', '', '%20', 'ünïcode', '__proto__x', 'constructor', 'toString');
const pathKey = fc.array(word, { minLength: 0, maxLength: 4 }).map((segments) => '/' + segments.join('/'));
const method = fc.constantFrom('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'parameters', 'x-internal', 'summary');
const xInternal = fc.constantFrom<unknown>(undefined, true, false, 'true', 'false', 1, null, []);
const schemeName = fc.constantFrom('apiKey', 'basic', 'oauth', 'missing', 'constructor', '');
const security = fc.oneof(
  fc.constant(undefined),
  fc.array(fc.dictionary(schemeName, fc.constantFrom<unknown>([], ['scope'], null, 'x'), { maxKeys: 2 }), { maxLength: 3 }),
  odd,
);
const serverUrl = fc.constantFrom<unknown>('https://api.example.com', 'http://api.example.com', 'HTTP://EXAMPLE.COM', '//example.com', '/relative', 'http://localhost:8080', '{scheme}://example.com', '', 42, null);
const servers = fc.oneof(fc.constant(undefined), fc.array(fc.record({ url: serverUrl }), { maxLength: 3 }), odd);
const ignore = fc.constantFrom<unknown>(undefined, 'webhook-method-post', ['webhook-security', 'no-such-rule'], { 'webhook-x-internal': 'legacy' }, 42, null);
// Not `#` or `#/paths`: a path item that $refs the whole document (or all paths) makes Spectral report paths through
// the resolved, infinitely nested document, which name no node of the file: a Spectral limitation, not ours to test.
const ref = fc.constantFrom('#/components/pathItems/Shared', '#/components/requestBodies/Event', '#/components/schemas/Node', '#/nowhere', '#/info');

const operation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ 'x-internal': xInternal, security, servers, 'x-lint-ignore': ignore, requestBody: fc.option(fc.record({ $ref: ref }), { nil: undefined }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ $ref: ref }) },
  { weight: 1, arbitrary: odd },
);
const pathItem = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(method, operation, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.record({ $ref: ref }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const pathsObject = fc.dictionary(fc.oneof(pathKey, fc.constantFrom('x-extension')), pathItem, { maxKeys: 6 });

const document = fc
  .record({
    version: fc.constantFrom('2.0', '3.0.3', '3.1.0'),
    paths: pathsObject,
    webhooks: fc.option(fc.dictionary(fc.constantFrom('stripe', 'github', 'new-pet'), pathItem, { maxKeys: 2 }), { nil: undefined }),
    security,
    servers,
    host: fc.constantFrom<unknown>(undefined, 'api.example.com', 42),
    schemes: fc.constantFrom<unknown>(undefined, ['https'], ['http', 'https'], 'http', []),
    ignore,
  })
  .map((spec) => {
    const doc: Record<string, unknown> = spec.version === '2.0' ? { swagger: '2.0' } : { openapi: spec.version };
    doc.info = { title: 'Generated', version: '1' };
    doc.paths = spec.paths;
    if (spec.version === '3.1.0' && spec.webhooks) doc.webhooks = spec.webhooks;
    if (spec.security !== undefined) doc.security = spec.security;
    if (spec.version === '2.0') {
      if (spec.host !== undefined) doc.host = spec.host;
      if (spec.schemes !== undefined) doc.schemes = spec.schemes;
      doc.securityDefinitions = { apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'basic' } };
    } else {
      if (spec.servers !== undefined) doc.servers = spec.servers;
      doc.components = {
        securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' }, oauth: { type: 'oauth2', flows: {} } },
        pathItems: { Shared: { post: { 'x-internal': true } } },
        requestBodies: { Event: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
        schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
      };
    }
    if (spec.ignore !== undefined) doc['x-lint-ignore'] = spec.ignore;
    return doc;
  });

/** The document written as a file would be: JSON (compact or indented) or YAML (block or flow), LF or CRLF. */
const written = fc.record({ doc: document, format: fc.constantFrom('json', 'json-indented', 'yaml', 'yaml-flow'), crlf: fc.boolean() }).map(({ doc, format, crlf }) => {
  let text =
    format === 'json' ? JSON.stringify(doc) : format === 'json-indented' ? JSON.stringify(doc, null, 2) : stringify(doc, format === 'yaml-flow' ? { collectionStyle: 'flow' } : {});
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return { doc, text, file: `/generated/openapi.${format.startsWith('json') ? 'json' : 'yaml'}` };
});

function valueAt(root: unknown, path: ReadonlyArray<string | number>): { found: boolean } {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return { found: false };
    node = (node as Record<string, unknown>)[segment as string];
  }
  return { found: true };
}

function expectInside(text: string, result: ISpectralDiagnostic): void {
  const lines = text.split(/\r?\n/);
  for (const { line, character } of [result.range.start, result.range.end]) {
    expect(line, `${result.code} ${result.path.join('.')}: line`).toBeGreaterThanOrEqual(0);
    expect(line).toBeLessThan(lines.length);
    expect(character, `${result.code} ${result.path.join('.')}: column`).toBeGreaterThanOrEqual(0);
    expect(character).toBeLessThanOrEqual((lines[line] as string).length + 1);
  }
}

describe('generated documents', { timeout: 300_000 }, () => {
  const parityRuns = Math.max(20, Math.floor(RUNS / 2));
  it(`give the fast engine's results exactly as stock Spectral gives them (${parityRuns} documents)`, async () => {
    const traces = new Map<string, string>();
    const fast = createLinter({}, (document, how) => traces.set(document.file, how.engine));
    const spectral = createLinter({ ruleset: { extends: [ruleset as never] }, engine: 'spectral' });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(written, async ({ text, file }) => {
        let loaded;
        try {
          loaded = parseDocument(text, file, file);
        } catch {
          return; // refused: no results to compare
        }
        const ours = visible(await fast.lint(loaded));
        if (traces.get(file) !== 'fast') return;
        compared++;
        expect(ours).toEqual(visible(await spectral.lint(parseDocument(text, file, file))));
      }),
      { numRuns: parityRuns, seed: SEED },
    );
    // Most generated documents are linted by the fast engine (the others are refused, or go to Spectral on both sides).
    expect(compared).toBeGreaterThan(parityRuns / 4);
  });

  for (const engine of ['auto', 'spectral'] as const) {
    const linter = createLinter({ engine });
    const runs = engine === 'auto' ? RUNS : Math.max(20, Math.floor(RUNS / 4));
    it(`never make the rules throw; every finding's path exists and its range is in the file (${engine} engine, ${runs} documents)`, async () => {
      const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
      await fc.assert(
        fc.asyncProperty(written, async ({ doc, text, file }) => {
          let loaded;
          try {
            loaded = parseDocument(text, file, file);
          } catch (error) {
            // A refusal is an answer (exit 2), never a crash: it must be a ToolError with a message.
            expect(error).toBeInstanceOf(ToolError);
            expect((error as ToolError).message).not.toBe('');
            return;
          }
          const results = await linter.lint(loaded);
          for (const result of results) {
            expect(typeof result.message).toBe('string');
            expect(result.message).not.toContain('[object Object]');
            if (result.source === undefined || result.source === file) {
              expect(valueAt(doc, result.path).found, `${result.code} at ${JSON.stringify(result.path)}`).toBe(true);
              expectInside(text, result);
            }
          }
        }),
        { numRuns: runs, seed: SEED },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    });
  }
});

describe('the CLI on generated documents', { timeout: 300_000 }, () => {
  const folder = tempFolder('spectral-webhooks-fuzz-');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it(`always exits 0, 1 or 2 with no stack trace (${CLI_RUNS} runs)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(written, async ({ text, file }) => {
        const name = join(folder, `doc-${run++}${file.slice(file.lastIndexOf('.'))}`);
        writeFileSync(name, text);
        const result = await runCli(['lint', name], { cwd: REPO_ROOT, timeoutMs: 60_000 });
        expect([0, 1, 2]).toContain(result.status);
        expect(result.stderr).not.toMatch(/^\s+at /m);
      }),
      { numRuns: CLI_RUNS, seed: SEED },
    );
  });
});
