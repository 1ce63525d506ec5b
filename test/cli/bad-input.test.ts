import { closeSync, cpSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRecursiveRefs } from '../support/recursive-refs';
import { REPO_ROOT, runCli, tempProject, type CliRun } from '../support/run-cli';

/**
 * Scenario tests for issue #6: every bad input gets exit 2 with one line naming file and line:col (or a proper
 * finding), no stack trace, in bounded time and memory. Fixtures live in fixtures/bad-input; big ones are generated.
 */
const FIXTURES = join(REPO_ROOT, 'fixtures', 'bad-input');
// Every run must answer within these, measured in the CLI process itself (test/support/cpu-time.cjs): CPU time, not
// wall time, so a busy test machine does not fail them; and a heap cap, so a run that balloons dies instead of passing.
const CPU_LIMIT_MS = 10_000;
const RSS_LIMIT_KB = 400 * 1024;
const HEAP_CAP = '--max-old-space-size=256';
// Wall time is only a backstop against hangs: a busy machine (CI, or many test files at once) makes it long.
const WALL = { timeout: 120_000 };
const CPU_HOOK = join(REPO_ROOT, 'test', 'support', 'cpu-time.cjs');

const generated = tempProject({}, 'spectral-webhooks-bad-input-');
afterAll(() => rmSync(generated, { recursive: true, force: true }));

type MeasuredRun = CliRun & { cpuMs: number; maxRssKb: number };

/** `spectral-webhooks lint ...args` in `cwd`, with what it cost; killed after 100 s of wall time (a hang fails). */
async function lint(args: string[], cwd = FIXTURES): Promise<MeasuredRun> {
  const run = await runCli(['lint', ...args], { cwd, nodeArgs: [HEAP_CAP, '--require', CPU_HOOK], extraOutput: true, timeoutMs: 100_000 });
  const { cpuMs, maxRssKb } = run.extra ? (JSON.parse(run.extra) as { cpuMs: number; maxRssKb: number }) : { cpuMs: Infinity, maxRssKb: Infinity };
  return { stdout: run.stdout, stderr: run.stderr, status: run.status, cpuMs, maxRssKb };
}

function expectBounded(run: MeasuredRun): void {
  expect(run.cpuMs).toBeLessThan(CPU_LIMIT_MS);
  expect(run.maxRssKb).toBeLessThan(RSS_LIMIT_KB);
}

interface Finding {
  code: string;
  path: Array<string | number>;
  message: string;
  source: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function findings(run: CliRun): Finding[] {
  return JSON.parse(run.stdout) as Finding[];
}

/** Exit 2, nothing on stdout, and exactly this one line on stderr (so no stack trace). */
function expectToolError(run: MeasuredRun, line: string | RegExp): void {
  expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
  const lines = run.stderr.split('\n').filter((text) => text !== '');
  expect(lines).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(`spectral-webhooks: ${line}`);
  else expect(lines[0]).toMatch(line);
  expectBounded(run);
}

describe.concurrent('what lint does with bad input: refused with one line (exit 2)', WALL, () => {
  const cases: Array<[string, string[], string | RegExp]> = [
    ['a missing file', ['does-not-exist.yaml'], 'does-not-exist.yaml: file not found'],
    ['an empty file', ['empty.yaml'], 'empty.yaml:1:1: is empty (no YAML or JSON content)'],
    ['a file with only comments', ['comments-only.yaml'], 'comments-only.yaml:1:1: is empty (no YAML or JSON content)'],
    ['a binary file', ['binary.yaml'], 'binary.yaml: is a binary file, not a YAML or JSON document'],
    ['a UTF-16 file', ['utf16.yaml'], 'utf16.yaml:1:1: is UTF-16 text; save it as UTF-8'],
    ['invalid UTF-8 (a Latin-1 byte)', ['invalid-utf8.yaml'], 'invalid-utf8.yaml:4:19: not valid UTF-8 (byte 0xe9); save the file as UTF-8'],
    ['malformed YAML', ['malformed.yaml'], 'malformed.yaml:6:3: cannot parse YAML: Missed comma between flow collection entries'],
    ['malformed JSON', ['malformed.json'], 'malformed.json:6:3: cannot parse JSON: Property name expected'],
    ['duplicate keys in YAML', ['duplicate-keys.yaml'], 'duplicate-keys.yaml:6:3: cannot parse YAML: Duplicate key: /_webhooks/stripe'],
    ['duplicate keys in JSON', ['duplicate-keys.json'], 'duplicate-keys.json:6:5: cannot parse JSON: Duplicate key: /_webhooks/stripe'],
    [
      'a YAML alias bomb (billion laughs)',
      ['alias-bomb.yaml'],
      'alias-bomb.yaml:13:10: YAML aliases expand this document to 490,329,076 nodes from 127 written (limit 100,000); refusing an alias bomb ("billion laughs"): write the repeated parts out or use $refs',
    ],
    ['a YAML !!binary scalar (Spectral\'s parser crashes on it)', ['binary-tag.yaml'], 'binary-tag.yaml:7:16: cannot parse YAML: the parser fails on the tag !!binary (e.replace is not a function); write the value without a tag'],
    ['YAML that is not OpenAPI', ['not-openapi.yaml'], 'not-openapi.yaml:1:1: not an OpenAPI document (no "openapi" or "swagger" field at the root)'],
    ['openapi: 4.0.0', ['openapi-4.yaml'], 'openapi-4.yaml:1:10: openapi 4.0.0 is not a supported OpenAPI version (supported: swagger "2.0", openapi 3.0.x, 3.1.x, 3.2.x)'],
    ['openapi: 3.1 as a number', ['openapi-number.yaml'], 'openapi-number.yaml:1:10: "openapi" must be a string such as "3.1.0", not the number 3.1 (quote it)'],
    ['paths that is a list', ['paths-list.yaml'], 'paths-list.yaml:4:3: "paths" must be a mapping of paths to path items, not a list'],
    ['an operation that is a string', ['operation-string.yaml'], 'operation-string.yaml:5:11: paths./_webhooks/stripe.post must be an operation (a mapping), not a string ("receives Stripe events")'],
    ['a __proto__ key', ['proto-key.yaml'], 'proto-key.yaml:8:7: a key named "__proto__" cannot be linted: JavaScript parsers turn it into a prototype and drop it (rename the key)'],
    [
      'a hasOwnProperty key',
      ['has-own-property-key.yaml'],
      `has-own-property-key.yaml:13:17: a key named "hasOwnProperty" cannot be linted: Spectral's $ref resolver calls hasOwnProperty() on every object and crashes (rename the key)`,
    ],
    ['a directory with no specs', ['no-specs'], /^spectral-webhooks: .*no-specs.*$/],
    ['an unknown --format', ['-f', 'xml', 'lf.yaml'], /'xml'/],
    [
      'a report path in a missing folder (checked before linting)',
      ['-f', 'json', '-o', 'no-such-folder/report.json', 'lf.yaml'],
      'no-such-folder/report.json: cannot write the report: folder no-such-folder does not exist (create it first, e.g. mkdir -p no-such-folder)',
    ],
    ['a ruleset file that is broken', ['-r', 'rulesets/broken.spectral.yaml', 'lf.yaml'], 'rulesets/broken.spectral.yaml:4:1: cannot parse ruleset YAML: unexpected end of the stream within a flow collection'],
    [
      'a ruleset that extends a ruleset that does not exist',
      ['-r', 'rulesets/unknown-extends.spectral.yaml', 'lf.yaml'],
      'rulesets/unknown-extends.spectral.yaml:2:11: extends "spectral-webhook" is neither an installed package nor a file; did you mean spectral-webhooks or spectral-webhooks/standard-webhooks?',
    ],
    [
      'a ruleset that names a rule that does not exist',
      ['-r', 'rulesets/unknown-rule.spectral.yaml', 'lf.yaml'],
      'rulesets/unknown-rule.spectral.yaml:4:17: unknown rule "webhook-http": no ruleset this config extends defines it (did you mean webhook-https?)',
    ],
    ['a --max-file-size that is not a size', ['--max-file-size', '10XB', 'lf.yaml'], '--max-file-size: "10XB" is not a size (use e.g. 50MB, 512KB or a number of bytes)'],
    ['a file over --max-file-size', ['--max-file-size', '100', 'lf.yaml'], 'lf.yaml: is 319 bytes, larger than the 100 bytes limit for one document (raise it with --max-file-size, e.g. --max-file-size 319)'],
  ];
  it.each(cases)('%s', async (_name, args, line) => {
    expectToolError(await lint(args), line);
  });
});

describe('what lint does with bad input among good files', WALL, () => {
  it('names every bad file on its own line, still reports the others, and exits 2', async () => {
    const run = await lint(['-f', 'json', 'empty.yaml', 'lf.yaml', 'malformed.json']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
      'spectral-webhooks: empty.yaml:1:1: is empty (no YAML or JSON content)',
      'spectral-webhooks: malformed.json:6:3: cannot parse JSON: Property name expected',
      'spectral-webhooks: 2 of 3 files could not be linted (see above); the report covers the other 1',
    ]);
    expect(findings(run).map(({ code, source }) => ({ code, source }))).toEqual([{ code: 'webhook-path-prefix', source: join(FIXTURES, 'lf.yaml') }]);
    expectBounded(run);
  });

  it('keeps the baseline entries of a file it could not lint when updating the baseline', async () => {
    const dir = join(generated, 'baseline-partial');
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'lf.yaml'), join(dir, 'good.yaml'));
    cpSync(join(FIXTURES, 'lf.yaml'), join(dir, 'later-broken.yaml'));
    expect((await lint(['--update-baseline', 'good.yaml', 'later-broken.yaml'], dir)).status).toBe(0);
    const before = readFileSync(join(dir, '.spectral-webhooks-baseline.json'), 'utf8');
    expect(before).toContain('later-broken.yaml');
    writeFileSync(join(dir, 'later-broken.yaml'), 'openapi: [\n');
    const run = await lint(['--update-baseline', 'good.yaml', 'later-broken.yaml'], dir);
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, '.spectral-webhooks-baseline.json'), 'utf8')).toBe(before);
  });
});

describe.concurrent('what lint does with bad input: generated big documents', WALL, () => {
  it('refuses a 100 MB file above the default 50 MB limit without reading it', async () => {
    const file = join(generated, 'huge.yaml');
    const fd = openSync(file, 'w');
    writeSync(fd, 'openapi: 3.1.0\ninfo: {title: Huge, version: "1"}\npaths: {}\nx-padding: |\n');
    const line = Buffer.from(`  ${'x'.repeat(1021)}\n`);
    for (let i = 0; i < 100 * 1024; i++) writeSync(fd, line);
    closeSync(fd);
    const run = await lint(['huge.yaml'], generated);
    expectToolError(run, /^spectral-webhooks: huge\.yaml: is 100 MB, larger than the 50 MB limit for one document \(raise it with --max-file-size, e\.g\. --max-file-size 101MB\)$/);
  });

  const deep = (open: string, close: string) => open.repeat(10_000) + close.repeat(10_000);
  it('refuses 10 000-deep JSON nesting at the place it gets too deep', async () => {
    const text = `{"openapi": "3.1.0", "info": {"title": "Deep", "version": "1"}, "paths": {}, "x-deep": ${deep('[', ']')}}`;
    writeFileSync(join(generated, 'deep.json'), text);
    // The root object is level 1, so the 500th "[" is the first too deep.
    const column = text.indexOf('[') + 500;
    expectToolError(await lint(['deep.json'], generated), `deep.json:1:${column}: nested more than 500 levels deep; refusing to parse (flatten the document, e.g. with $refs)`);
  });

  it('refuses 10 000-deep YAML flow nesting', async () => {
    writeFileSync(join(generated, 'deep-flow.yaml'), `openapi: 3.1.0\ninfo: {title: Deep, version: "1"}\npaths: {}\nx-deep: ${deep('{a: ', '}')}\n`);
    // Line 4 is one block level; "x-deep: " is 8 columns, each "{a: " 4: the 500th "{" (level 501) is at column 9 + 499 * 4.
    expectToolError(await lint(['deep-flow.yaml'], generated), `deep-flow.yaml:4:${9 + 499 * 4}: nested more than 500 levels deep; refusing to parse (flatten the document, e.g. with $refs)`);
  });

  it('refuses 10 000-deep YAML block sequences without crashing', async () => {
    writeFileSync(join(generated, 'deep-block.yaml'), `openapi: 3.1.0\ninfo: {title: Deep, version: "1"}\npaths: {}\nx-deep:\n  ${'- '.repeat(10_000)}leaf\n`);
    expectToolError(await lint(['deep-block.yaml'], generated), 'deep-block.yaml: nested too deeply to parse (stack overflow); flatten the document, e.g. with $refs');
  });
});

describe.concurrent('what lint does with bad input: linted normally, findings in the right place', WALL, () => {
  it('a UTF-8 BOM and CRLF line endings change no line or column', async () => {
    const [lf, bom, crlf] = await Promise.all([lint(['-f', 'json', 'lf.yaml']), lint(['-f', 'json', 'bom.yaml']), lint(['-f', 'json', 'crlf.yaml'])]);
    const where = (run: CliRun) => findings(run).map(({ code, path, range }) => ({ code, path, start: range.start }));
    const expected = [{ code: 'webhook-path-prefix', path: ['paths', '/hooks/sendgrid'], start: { line: 5, character: 18 } }];
    for (const run of [lf, bom, crlf]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(where(run)).toEqual(expected);
    }
  });

  it('a UTF-8 BOM in JSON', async () => {
    const run = await lint(['-f', 'json', 'bom.json']);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, range }) => ({ code, start: range.start }))).toEqual([{ code: 'webhook-path-prefix', start: { line: 4, character: 23 } }]);
  });

  it('keys named constructor or toString are plain keys: the findings are the right ones', async () => {
    const run = await lint(['-f', 'json', 'constructor-keys.yaml']);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      { code: 'webhook-x-internal', path: ['paths', '/_webhooks/constructor', 'post'], message: 'POST /_webhooks/constructor: webhook receivers must be marked x-internal: true' },
      {
        code: 'webhook-security',
        path: ['paths', '/_webhooks/github', 'post', 'security', '0', 'constructor'],
        message: 'POST /_webhooks/github: security scheme "constructor" is not declared in components.securitySchemes',
      },
    ]);
  });

  it('a $ref to nowhere is an invalid-ref finding at the $ref', async () => {
    const run = await lint(['-f', 'json', 'ref-to-nowhere.yaml']);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, path, message, range }) => ({ code, path, message, start: range.start }))).toEqual([
      {
        code: 'invalid-ref',
        path: ['paths', '/_webhooks/stripe', 'post', 'requestBody', '$ref'],
        message: "'#/components/requestBodies/StripeEvent' does not exist",
        start: { line: 8, character: 26 },
      },
    ]);
  });

  it('a circular local $ref terminates and the rules still run', async () => {
    const run = await lint(['-f', 'json', 'circular-local-ref.yaml']);
    expect(run.status).toBe(1);
    expectBounded(run);
    expect(findings(run).map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'webhook-path-prefix', path: ['paths', '/hooks/github'] }]);
  });

  it('a circular multi-file $ref terminates and the rules still run', async () => {
    const run = await lint(['-f', 'json', 'circular-multi-file/openapi.yaml']);
    expect(run.status).toBe(1);
    expectBounded(run);
    expect(findings(run).map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'webhook-path-prefix', path: ['paths', '/hooks/github'] }]);
  });

  it('reference cycles across 12 files (1,700 $refs) are linted in bounded time, findings in place', async () => {
    const root = writeRecursiveRefs(join(generated, 'recursive-refs'));
    mkdirSync(join(generated, 'recursive-refs', '.git'));
    const run = await lint(['-f', 'json', 'openapi.yaml'], join(generated, 'recursive-refs'));
    expect(run.status).toBe(0);
    expectBounded(run);
    const results = findings(run);
    // Every webhook's payload is a schema in the cycles, read through its `allOf` chain across the files: none has an id
    // property, so each gets an idempotency warning...
    expect(results.filter((result) => result.code === 'webhook-producer-idempotency').map(({ path }) => path.join('.'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `webhooks.event-${i}.post`),
    );
    // ...and each declares a `version` property with a const, so none lacks a payload version.
    expect(results.some((result) => result.code === 'webhook-producer-versioned-payload')).toBe(false);
    expect(new Set(results.map((result) => result.source))).toEqual(new Set([root]));
  });

  it('--max-file-size applies to $ref-ed files too: an invalid-ref finding at the $ref', async () => {
    const dir = join(generated, 'big-ref');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'openapi.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /_webhooks/a:\n    $ref: ./item.yaml\n');
    writeFileSync(join(dir, 'item.yaml'), `post:\n  description: "${'x'.repeat(3000)}"\n  responses: {"204": {description: ok}}\n`);
    const run = await lint(['-f', 'json', '--max-file-size', '1KB', 'openapi.yaml'], dir);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'invalid-ref',
        path: ['paths', '/_webhooks/a', '$ref'],
        message: `${join(dir, 'item.yaml')}: is 3 KB, larger than the 1 KB limit for one document (raise it with --max-file-size, e.g. --max-file-size 3KB)`,
      },
    ]);
  });

  it('a remote $ref is not fetched, and the finding says how to allow it', async () => {
    const run = await lint(['-f', 'json', 'remote-ref.yaml']);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'invalid-ref',
        path: ['paths', '/_webhooks/stripe', '$ref'],
        message: 'https://schemas.example.com/stripe-receiver.yaml is a remote $ref and was not fetched (pass --allow-remote-refs to fetch it)',
      },
    ]);
  });

  it('a $ref may read a file elsewhere in the same git repository', async () => {
    const run = await lint(['-f', 'json', 'ref-outside-project/project/openapi.yaml']);
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, source }) => ({ code, source }))).toEqual([
      { code: 'webhook-x-internal', source: join(FIXTURES, 'ref-outside-project', 'shared', 'stripe.yaml') },
    ]);
  });

  it('a $ref to a file outside the project is an invalid-ref finding, and the file is not read', async () => {
    const root = join(generated, 'outside');
    cpSync(join(FIXTURES, 'ref-outside-project'), root, { recursive: true });
    mkdirSync(join(root, 'project', '.git'));
    const run = await lint(['-f', 'json', 'openapi.yaml'], join(root, 'project'));
    expect(run.status).toBe(1);
    expect(findings(run).map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'invalid-ref',
        path: ['paths', '/_webhooks/stripe', '$ref'],
        message: `${join(root, 'shared', 'stripe.yaml')} is outside the project (${join(root, 'project')}); $refs may only read files inside it`,
      },
    ]);
  });
});
