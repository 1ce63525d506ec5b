import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';
import { createLinter, type LintTrace } from '../../src/lint/linter';
import { createDocument, loadDocument } from '../../src/lint/load-document';
import { writeRecursiveRefs } from '../support/recursive-refs';
import { visible } from './compare';
import { ToolError } from '../../src/errors';
import { documentsUnder, expectParity, githubWebhooks, repoRoot } from './documents';
import { spectralOracle } from '../support/oracle';
import { tempFolder } from '../support/temp';

/** Fixtures our loader refuses (exit 2 in the CLI): file, line:column (or none), the message. */
const REFUSED_FIXTURES: Array<[string, string, string]> = [
  ['fixtures/bad-input/alias-bomb.yaml', '13:10', 'YAML aliases expand this document to 490,329,076 nodes from 127 written (limit 100,000); refusing an alias bomb ("billion laughs"): write the repeated parts out or use $refs'],
  ['fixtures/bad-input/binary-tag.yaml', '7:16', 'cannot parse YAML: the parser fails on the tag !!binary (data.replace is not a function); write the value without a tag'],
  ['fixtures/bad-input/binary.yaml', '', 'is a binary file, not a YAML or JSON document'],
  ['fixtures/bad-input/circular-multi-file/schemas/event.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/circular-multi-file/schemas/repository.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/comments-only.yaml', '1:1', 'is empty (no YAML or JSON content)'],
  ['fixtures/bad-input/duplicate-keys.json', '6:5', 'cannot parse JSON: Duplicate key: /_webhooks/stripe'],
  ['fixtures/bad-input/duplicate-keys.yaml', '6:3', 'cannot parse YAML: Duplicate key: /_webhooks/stripe'],
  ['fixtures/bad-input/empty.yaml', '1:1', 'is empty (no YAML or JSON content)'],
  ['fixtures/bad-input/has-own-property-key.yaml', '13:17', 'a key named "hasOwnProperty" cannot be linted: Spectral\'s $ref resolver calls hasOwnProperty() on every object and crashes (rename the key)'],
  ['fixtures/bad-input/invalid-utf8.yaml', '4:19', 'not valid UTF-8 (byte 0xe9); save the file as UTF-8'],
  ['fixtures/bad-input/malformed.json', '6:3', 'cannot parse JSON: Property name expected'],
  ['fixtures/bad-input/malformed.yaml', '6:3', 'cannot parse YAML: Missed comma between flow collection entries'],
  ['fixtures/bad-input/no-specs/docker-compose.yml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/not-openapi.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/openapi-4.yaml', '1:10', 'openapi 4.0.0 is not a supported OpenAPI version (supported: swagger "2.0", openapi 3.0.x, 3.1.x, 3.2.x)'],
  ['fixtures/bad-input/openapi-number.yaml', '1:10', '"openapi" must be a string such as "3.1.0", not the number 3.1 (quote it)'],
  ['fixtures/bad-input/operation-string.yaml', '5:11', 'paths./_webhooks/stripe.post must be an operation (a mapping), not a string ("receives Stripe events")'],
  ['fixtures/bad-input/paths-list.yaml', '4:3', '"paths" must be a mapping of paths to path items, not a list'],
  ['fixtures/bad-input/proto-key.yaml', '8:7', 'a key named "__proto__" cannot be linted: JavaScript parsers turn it into a prototype and drop it (rename the key)'],
  ['fixtures/bad-input/rulesets/broken.spectral.yaml', '4:1', 'cannot parse YAML: Unexpected end of the stream within a flow collection'],
  ['fixtures/bad-input/rulesets/unknown-extends.spectral.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/rulesets/unknown-rule.spectral.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
  ['fixtures/bad-input/utf16.yaml', '1:1', 'is UTF-16 text; save it as UTF-8'],
  ['fixtures/consumer/multi-file/operations/adyen.yaml', '1:1', 'not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
];

// Our CLI's linter vs the oracle (stock spectral-core, test/parity/oracle.ts) on every fixture (multi-file ones by
// absolute name, as json-ref-resolver needs) and on GitHub's 4.8 MB webhook description (one Spectral run: seconds).
describe('parity with stock Spectral: fixtures and GitHub webhooks', () => {
  const fixtures = documentsUnder(`${repoRoot}/fixtures`).filter((file) => !/\/(paths|shared)\//.test(file));
  const refused = new Map(REFUSED_FIXTURES.map(([name, at, message]) => [name, { at, message }]));

  it.each(fixtures.filter((file) => !refused.has(relative(repoRoot, file))).map((file) => [relative(repoRoot, file), file]))('%s', async (_name, file) => {
    const engine = await expectParity(file);
    // Our own fixtures must not fall back to Spectral (others, e.g. broken inputs, may).
    if (/\/fixtures\/(parity|examples)\//.test(file)) expect(engine).toBe('fast');
  });

  // Fixtures that are not lintable documents (bad input, parts of multi-file documents, rulesets): each is refused
  // with exactly this one line, so none can slip out of the parity run unnoticed.
  it.each(REFUSED_FIXTURES)('%s is refused at %s: %s', async (name, at, message) => {
    expect(fixtures.map((file) => relative(repoRoot, file))).toContain(name);
    const file = join(repoRoot, name);
    await expect(loadDocument(file)).rejects.toThrow(ToolError);
    const error = (await loadDocument(file).catch((thrown: unknown) => thrown)) as ToolError;
    expect(error.toOneLine()).toBe(`${file}${at === '' ? '' : `:${at}`}: ${message}`);
  });

  // Many findings in one big file: every result's range is computed from the text, in JSON and in YAML.
  it.each(['json', 'yaml'])('300 generated receivers, every tenth broken (%s)', async (format) => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      const broken = i % 10 === 0;
      paths[`/_webhooks/producer-${i}/${broken ? 'eventCreated' : 'event-created'}`] = {
        [broken ? 'put' : 'post']: { 'x-internal': !broken, responses: { 204: { description: 'Received' } }, ...(i % 30 === 0 ? { security: [] } : {}) },
      };
    }
    const document = { openapi: '3.0.3', info: { title: 'Generated', version: '1' }, servers: [{ url: 'https://api.example.com' }], security: [{ key: [] }], paths };
    const file = join(tempFolder('parity-'), `openapi.${format}`);
    writeFileSync(file, format === 'json' ? JSON.stringify(document, null, 2) : stringify(document));
    expect(await expectParity(file)).toBe('fast');
  });

  // Reference cycles across files are linted by the fast engine as a circular graph (Spectral's resolver takes minutes
  // on big ones, see test/support/recursive-refs.ts). Where Spectral finishes, the results are the same.
  it.each([
    [1, 1],
    [2, 1],
    [2, 2],
    [3, 2],
  ])('reference cycles across %i schema files of %i schemas each', async (files, schemas) => {
    const root = writeRecursiveRefs(tempFolder('parity-cycles-'), files, schemas);
    expect(await expectParity(root)).toBe('fast');
  }, 120_000);

  // Local reference cycles the rules read through: Spectral leaves one `$ref` of each cycle in place, the fast engine
  // gives the rules a circular graph; the rules dereference what they read, so the findings are the same.
  const ok = { '200': { description: 'Received' } };
  const cyclicDocuments: Array<[string, Record<string, unknown>]> = [
    [
      'path items that point at each other',
      { paths: { '/_webhooks/a/event': { $ref: '#/paths/~1_webhooks~1b~1event' }, '/_webhooks/b/event': { $ref: '#/paths/~1_webhooks~1a~1event' } } },
    ],
    [
      'a callback that calls itself back',
      {
        paths: { '/subscriptions': { post: { callbacks: { onEvent: { $ref: '#/components/callbacks/Loop' } }, responses: ok } } },
        components: { callbacks: { Loop: { '{$request.body#/url}': { post: { callbacks: { again: { $ref: '#/components/callbacks/Loop' } }, responses: ok } } } } },
      },
    ],
    [
      'payload schemas that only allOf/oneOf each other',
      {
        webhooks: {
          a: { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, responses: ok } },
          b: { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/B' } } } }, responses: ok } },
        },
        components: {
          schemas: {
            A: { allOf: [{ $ref: '#/components/schemas/B' }, { properties: { id: { type: 'string' } }, required: ['id'] }] },
            B: { oneOf: [{ $ref: '#/components/schemas/A' }, { properties: { version: { const: 'v1' } } }] },
          },
        },
      },
    ],
    [
      'a webhook path item that is a $ref to itself through components',
      {
        webhooks: { loop: { $ref: '#/components/pathItems/Loop' } },
        components: { pathItems: { Loop: { $ref: '#/webhooks/loop' } } },
      },
    ],
  ];
  it.each(cyclicDocuments)('local reference cycles: %s', async (_name, parts) => {
    const document = { openapi: '3.1.0', info: { title: 'Cycles', version: '1' }, servers: [{ url: 'https://api.example.com' }], ...parts };
    const file = join(tempFolder('parity-local-cycles-'), 'openapi.yaml');
    writeFileSync(file, stringify(document));
    expect(await expectParity(file)).toBe('fast');
  }, 60_000);

  it('GitHub webhooks (@octokit/openapi-webhooks)', async () => {
    expect(await expectParity(githubWebhooks)).toBe('fast');
  }, 120_000);
});

/** Our linter, made to run Spectral's engine, gives the oracle's results on `file` (and finds something there). */
async function expectSpectralEngineParity(file: string): Promise<void> {
  const traces = new Map<string, LintTrace>();
  const linter = createLinter({ engine: 'spectral' }, (document, how) => traces.set(document.file, how));
  const ours = visible(await linter.lint(await loadDocument(file)));
  expect(traces.get(file)?.engine).toBe('spectral');
  expect(ours.length).toBeGreaterThan(0);
  expect(ours).toEqual(visible(await spectralOracle(file)));
}

/** Writes `text` to `file` and lints it as the API does: the parser's diagnostics send it to Spectral's engine. */
async function lintThroughSpectralParser(file: string, text: string) {
  writeFileSync(file, text);
  const traces = new Map<string, LintTrace>();
  const linter = createLinter({}, (document, how) => traces.set(document.file, how));
  const ours = visible(await linter.lint(createDocument(text, file)));
  expect(traces.get(file)).toEqual({ engine: 'spectral', reason: 'the parser reports diagnostics' });
  return ours;
}

// Spectral's engine parses the main document with src/engine/yaml-pointers.ts too (spectral-parsers' parser is
// quadratic in a mapping's size): its ranges, and its parser results, must be stock Spectral's.
describe("parity with stock Spectral: Spectral's engine on YAML read by our parser", () => {
  const yamlFixtures = documentsUnder(`${repoRoot}/fixtures/parity`).filter((file) => /\.ya?ml$/.test(file) && !/\/(paths|shared)\//.test(file));

  it.each(yamlFixtures.map((file) => [relative(repoRoot, file), file]))('%s', async (_name, file) => {
    await expectSpectralEngineParity(file);
  });

  // The loader refuses duplicate keys (exit 2); a linter given the document anyway (the API) reports them as Spectral
  // does, with the findings after them in place.
  it('duplicate keys: the parser results and the findings after them', async () => {
    const file = join(tempFolder('parity-duplicates-'), 'openapi.yaml');
    const text = [
      'openapi: 3.0.3',
      'info: {title: Duplicates, version: "1"}',
      'servers: [{url: "https://api.example.com"}]',
      'paths:',
      '  /hooks/stripe:',
      '    post: {responses: {"204": {description: Received}}}',
      '  /_webhooks/github/push:',
      '    post: {x-internal: true, responses: {"204": {description: Received}}}',
      '  /hooks/stripe:',
      '    put:',
      '      responses: {"204": {description: Received}}',
      '      responses: {"200": {description: OK}}',
      '  /_webhooks/github/Push_Event: {post: {responses: {"204": {description: Received}}}}',
      '',
    ].join('\n');
    const ours = await lintThroughSpectralParser(file, text);
    expect(ours.filter((result) => result.code === 'parser').map((result) => result.path)).toEqual([
      ['paths', '/hooks/stripe'],
      ['paths', '/hooks/stripe', 'put', 'responses'],
    ]);
    expect(ours).toEqual(visible(await spectralOracle(file)));
  });
});

// Spectral's engine parses the main JSON document with src/engine/json-pointers.ts too (@stoplight/json's parser and
// lookup are quadratic in an object's size): its ranges, and its parser results, must be stock Spectral's.
describe("parity with stock Spectral: Spectral's engine on JSON read by our parser", () => {
  const jsonFixtures = documentsUnder(`${repoRoot}/fixtures/parity`).filter((file) => file.endsWith('.json') && !/\/(paths|shared)\//.test(file));

  it.each(jsonFixtures.map((file) => [relative(repoRoot, file), file]))('%s', async (_name, file) => {
    await expectSpectralEngineParity(file);
  });

  // The loader refuses duplicate keys and syntax errors (exit 2); a linter given the document anyway (the API) reports
  // them as Spectral does, with the findings after them in place, in an object big enough to be indexed.
  it('duplicate keys and a syntax error: the parser results and the findings after them', async () => {
    const file = join(tempFolder('parity-json-duplicates-'), 'openapi.json');
    const receiver = (extra: string) => `{"post": {${extra}"responses": {"204": {"description": "Received"}}}}`;
    const filler = Array.from({ length: 20 }, (_, i) => `    "/_webhooks/producer-${i}/event-created": ${receiver('"x-internal": true, ')},`);
    const text = [
      '{',
      '  "openapi": "3.0.3",',
      '  "info": {"title": "Duplicates", "version": "1"},',
      '  "servers": [{"url": "https://api.example.com"}],',
      '  "paths": {',
      `    "/hooks/stripe": ${receiver('')},`,
      ...filler,
      `    "/_webhooks/github/push": ${receiver('"x-internal": true, ')},`,
      `    "/hooks/stripe": {"put": {"responses": {"204": {"description": "Received"}}, "responses": {"200": {"description": "OK"}}}},`,
      `    "/_webhooks/github/Push_Event": ${receiver('"summary": "Push", ')}`,
      '  },',
      '}',
      '',
    ].join('\n');
    const ours = await lintThroughSpectralParser(file, text);
    expect(ours.filter((result) => result.code === 'parser').map((result) => [result.path, result.message])).toEqual([
      [['paths', '/hooks/stripe'], 'Duplicate key: /hooks/stripe'],
      [['paths', '/hooks/stripe', 'put', 'responses'], 'Duplicate key: responses'],
      [[], 'Property name expected'],
      [[], 'Value expected'],
    ]);
    expect(ours).toEqual(visible(await spectralOracle(file)));
  });
});

describe('parity with stock Spectral: rulesets that change severities or turn rules off', () => {
  const configs: Array<[string, Record<string, unknown>]> = [
    ['extends off, two rules back on', { extends: [[ruleset, 'off']], rules: { 'webhook-x-internal': 'warn', 'webhook-https': true } }],
    ['extends, one rule off, one severity', { extends: [ruleset], rules: { 'webhook-method-post': 'off', 'webhook-security': 'hint', 'webhook-path-prefix': false } }],
    ['extends all', { extends: [[ruleset, 'all']] }],
  ];
  const documents = ['multi-file/openapi.yaml', 'json-findings/openapi.json'].map((file) => `${repoRoot}/fixtures/parity/${file}`);

  it.each(configs)('%s', async (_name, config) => {
    const traces = new Map<string, LintTrace>();
    const ours = createLinter({ ruleset: config as never }, (document, how) => traces.set(document.file, how));
    for (const file of documents) {
      const results = visible(await ours.lint(await loadDocument(file)));
      expect(traces.get(file)?.engine).toBe('fast');
      expect(results.length).toBeGreaterThan(0);
      expect(results).toEqual(visible(await spectralOracle(file, config as never)));
    }
  });

  // Config files that only extend our rulesets are read without Spectral's loader (src/config/simple-config.ts): the
  // fast engine must give exactly what Spectral gives for the Ruleset that loader builds from the same file.
  const configFiles: Array<[string, string]> = [
    ['extends the package by name', 'extends: [spectral-webhooks]\n'],
    ['extends the Standard Webhooks profile, one rule set to error', 'extends: ["spectral-webhooks/standard-webhooks"]\nrules:\n  standard-webhooks-envelope: error\n'],
    ['extends the main ruleset and the profile, one off', 'extends:\n  - spectral-webhooks\n  - [spectral-webhooks/standard-webhooks, all]\nrules: {webhook-https: off}\n'],
    ['extends the profile off, two rules back on (JSON)', '{"extends": [["spectral-webhooks/standard-webhooks", "off"]], "rules": {"standard-webhooks-headers": "warn", "webhook-security": true}}'],
  ];
  const producer = join(tempFolder('parity-producer-'), 'openapi.yaml');
  writeFileSync(
    producer,
    stringify({
      openapi: '3.1.0',
      info: { title: 'Producer', version: '1' },
      webhooks: {
        orderCreated: {
          post: {
            parameters: [{ name: 'X-Signature', in: 'header', required: true, schema: { type: 'string' } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } },
            responses: { 200: { description: 'Received' } },
          },
        },
      },
    }),
  );
  const configDocuments = [...documents, `${repoRoot}/fixtures/examples/petstore-webhooks.yaml`, producer];

  // The config loader requires the built ruleset (dist/), as the CLI does: `npm test` builds before it runs vitest.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfigRuleset, loadSimpleConfig } = require('../../dist/src/config/load-config.js') as typeof import('../../src/config/load-config');

  it.each(configFiles)('config file: %s', async (_name, text) => {
    const file = join(tempFolder('parity-config-'), text.startsWith('{') ? '.spectral.json' : '.spectral.yaml');
    writeFileSync(file, text);
    const simple = loadSimpleConfig(file);
    expect(simple).toBeDefined();
    const traces = new Map<string, LintTrace>();
    const ours = createLinter({ ruleset: simple }, (document, how) => traces.set(document.file, how));
    // The other side: the Ruleset our Spectral loader path builds (migrator + bundler, as spectral-cli loads a config),
    // run by the oracle.
    const loaded = await loadConfigRuleset(file);
    let total = 0;
    for (const document of configDocuments) {
      const results = visible(await ours.lint(await loadDocument(document)));
      expect(traces.get(document)?.engine).toBe('fast');
      expect(results).toEqual(visible(await spectralOracle(document, loaded)));
      total += results.length;
    }
    expect(total).toBeGreaterThan(0);
  });

  it.each([
    ['another ruleset', 'extends: [spectral:oas]\n'],
    ['a rule of its own', 'extends: [spectral-webhooks]\nrules:\n  my-rule: {given: $, then: {function: truthy}}\n'],
    ['a rule no extended ruleset defines', 'extends: [spectral-webhooks]\nrules: {no-such-rule: warn}\n'],
    ['an invalid severity', 'extends: [spectral-webhooks]\nrules: {webhook-https: warning}\n'],
    ['overrides', 'extends: [spectral-webhooks]\noverrides: [{files: ["*.yaml"], rules: {webhook-https: off}}]\n'],
    ['broken YAML', 'extends: [spectral-webhooks\n'],
  ])('config file left to Spectral\'s loader: %s', (_name, text) => {
    const file = join(tempFolder('parity-config-'), '.spectral.yaml');
    writeFileSync(file, text);
    expect(loadSimpleConfig(file)).toBeUndefined();
  });

  it('leaves a ruleset with overrides to Spectral', async () => {
    const traces = new Map<string, LintTrace>();
    const config = { extends: [ruleset], overrides: [{ files: ['*.yaml'], rules: { 'webhook-https': 'off' } }] };
    const linter = createLinter({ ruleset: config as never }, (document, how) => traces.set(document.file, how));
    // Spectral then wants the ruleset's file name to match overrides against: the CLI gives one; here it may throw.
    await linter.lint(await loadDocument(documents[0]!)).catch(() => undefined);
    expect(traces.get(documents[0]!)).toMatchObject({ engine: 'spectral', reason: 'ruleset key "overrides"' });
  });
});
