import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { REPO_ROOT, runCli, tempProject, type CliRun } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * Scenario tests for issue #16, the hostile-input catalogue: each numbered case of the issue is a `describe` here,
 * run through the real binary with a hard timeout (the child is killed past it, so a hang fails the test). Each
 * asserts the exit status, the one line on stderr, and the bytes of any file the run could touch, before and after.
 */
const TIMEOUT_MS = 60_000;
const SCENARIO = { timeout: TIMEOUT_MS + 10_000 };

const lint = (args: string[], cwd: string, env?: Record<string, string | undefined>): Promise<CliRun> =>
  runCli(['lint', ...args], { cwd, env, timeoutMs: TIMEOUT_MS });

/** A spec `--fix` changes (rename, x-internal), with `padding` characters of description so its size is known. */
function fixableSpec(padding = 0): string {
  return `openapi: 3.1.0
info:
  title: Shop
  version: 1.0.0
  description: "${'x'.repeat(padding)}"
servers:
  - url: https://api.example.com
security:
  - webhookSecret: []
paths:
  /hooks/sendgrid/email_sent:
    post:
      responses:
        '204':
          description: Received
components:
  securitySchemes:
    webhookSecret:
      type: apiKey
      in: header
      name: X-Webhook-Secret
`;
}

const oneLine = (run: CliRun) => run.stderr.trimEnd().split('\n');

describe('case 1: --fix on a nearly full disk keeps the spec and exits 2', SCENARIO, () => {
  // A 256 KiB tmpfs holds the 148 KB spec but not a second copy of it: the temp file's write comes up short.
  let disk: string | undefined = tempFolder('spectral-webhooks-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk], { stdio: 'ignore' });
  } catch {
    rmSync(disk, { recursive: true, force: true });
    disk = undefined; // not root, or no mount here: the short-write stub below covers the same path
  }
  afterAll(() => {
    if (disk === undefined) return;
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
  });

  it.skipIf(disk === undefined)('on a 256 KiB tmpfs: the spec keeps every byte, no temp file is left, exit 2 says the disk is full', async () => {
    const spec = join(disk!, 'spec.yaml');
    writeFileSync(spec, fixableSpec(148_000));
    const before = readFileSync(spec);
    const run = await lint(['--fix', 'spec.yaml'], disk!);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: spec.yaml: cannot write: no space left on device; the file was not changed']);
    expect(readFileSync(spec).equals(before)).toBe(true);
    expect(readdirSync(disk!)).toEqual(['spec.yaml']);
  });

  it('with a disk that takes only part of the write (stub): the spec keeps every byte, exit 2', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(20_000) });
    const before = readFileSync(join(cwd, 'spec.yaml'));
    const stub = join(REPO_ROOT, 'test', 'support', 'short-write.cjs');
    const run = await lint(['--fix', 'spec.yaml'], cwd, { NODE_OPTIONS: `--require ${stub}`, SHORT_WRITE_BUDGET: '12000' });
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: spec.yaml: cannot write: no space left on device; the file was not changed']);
    expect(readFileSync(join(cwd, 'spec.yaml')).equals(before)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['spec.yaml']);
  });

  it('a report on a full disk: the old report stays, exit 2', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), 'report.json': '[]\n' });
    const stub = join(REPO_ROOT, 'test', 'support', 'short-write.cjs');
    const run = await lint(['-f', 'json', '-o', 'report.json', 'spec.yaml'], cwd, { NODE_OPTIONS: `--require ${stub}`, SHORT_WRITE_BUDGET: '100' });
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([`spectral-webhooks: ${join(cwd, 'report.json')}: cannot write: no space left on device; the file was not changed`]);
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).toBe('[]\n');
    expect(readdirSync(cwd).sort()).toEqual(['report.json', 'spec.yaml']);
  });
});

describe('case 2: -o naming an input is refused before anything is written', SCENARIO, () => {
  it.each([
    ['-f json -o spec.yaml', ['-f', 'json', '-o', 'spec.yaml', 'spec.yaml'], 'spec.yaml'],
    ['--fix -o spec.yaml', ['--fix', '-o', 'spec.yaml', 'spec.yaml'], 'spec.yaml'],
    ['-o.sarif spec.yaml', ['-f', 'stylish', '-f', 'sarif', '-o.sarif', 'spec.yaml', 'spec.yaml'], 'spec.yaml'],
    ['another spelling of the same file', ['-f', 'json', '-o', './sub/../spec.yaml', 'spec.yaml'], './sub/../spec.yaml'],
  ])('%s: exit 2, the spec unchanged', async (_name, args, shown) => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), 'sub/.keep': '' });
    const run = await lint(args, cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([`spectral-webhooks: ${shown}: the report would overwrite spec.yaml, which this run reads (choose another -o file)`]);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(fixableSpec());
  });

  it('-o naming the baseline: exit 2, the baseline unchanged', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), 'baseline.json': '[\n]\n' });
    const run = await lint(['--baseline', 'baseline.json', '-f', 'json', '-o', 'baseline.json', 'spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: baseline.json: the report would overwrite baseline.json, which this run reads (choose another -o file)']);
    expect(readFileSync(join(cwd, 'baseline.json'), 'utf8')).toBe('[\n]\n');
  });
});

describe('case 3: -o naming a folder or a device; -o - and /dev/stdout print', SCENARIO, () => {
  it('-o /dev/stdout prints the report (stdout is a pipe)', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec() });
    const run = await lint(['-f', 'json', '-o', '/dev/stdout', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code)).toContain('webhook-path-prefix');
  });

  it('-o - prints the report', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec() });
    const run = await lint(['-f', 'json', '-o', '-', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code)).toContain('webhook-path-prefix');
    expect(readdirSync(cwd)).toEqual(['spec.yaml']);
  });

  it('-o /dev/null discards the report and leaves the device a device', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec() });
    const run = await lint(['-f', 'json', '-o', '/dev/null', 'spec.yaml'], cwd);
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(execFileSync('stat', ['-c', '%F', '/dev/null'], { encoding: 'utf8' }).trim()).toBe('character special file');
  });

  it('-o naming another device is refused (exit 2), before linting', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec() });
    const run = await lint(['-f', 'json', '-o', '/dev/zero', 'spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      'spectral-webhooks: /dev/zero: cannot write the report: not a regular file (a device, FIFO or socket); give a file name, - for stdout, or /dev/null',
    ]);
  });

  it('-o naming a folder is refused (exit 2), the folder untouched', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), 'reports/old.json': '{}' });
    const run = await lint(['-f', 'json', '-o', 'reports', 'spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: reports: cannot write the report: is a folder (give a file name)']);
    expect(readdirSync(join(cwd, 'reports'))).toEqual(['old.json']);
  });

  it('two formats to one file are refused (exit 2)', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec() });
    const run = await lint(['-f', 'json', '-f', 'sarif', '-o.json', 'out', '-o.sarif', 'out', 'spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: out: two reports would be written to this one file (give each format its own file)']);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});

/** A spec with one receiver at `pathKey` that only the path rules report. */
function receiverSpec(pathKey: string): string {
  return fixableSpec().replace('  /hooks/sendgrid/email_sent:\n    post:\n', `  ${JSON.stringify(pathKey)}:\n    post:\n      x-internal: true\n`);
}

describe('case 4: --fix keeps letters of every script and refuses what kebab-case cannot spell', SCENARIO, () => {
  it('renames /hooks/sendgrid/Émail_envoyé to /_webhooks/sendgrid/émail-envoyé (exit 0)', async () => {
    const cwd = tempProject({ 'spec.yaml': receiverSpec('/hooks/sendgrid/Émail_envoyé') });
    const run = await lint(['--fix', 'spec.yaml'], cwd);
    expect(run.status).toBe(0);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(receiverSpec('/_webhooks/sendgrid/émail-envoyé'));
  });

  it('refuses to rename /hooks/sendgrid/émail_😀_sent rather than drop the emoji: the spec keeps every byte (exit 1)', async () => {
    const cwd = tempProject({ 'spec.yaml': receiverSpec('/hooks/sendgrid/émail_😀_sent') });
    const run = await lint(['--fix', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(receiverSpec('/hooks/sendgrid/émail_😀_sent'));
    expect(run.stderr).toContain('spec.yaml:11:3 not fixed webhook-path-prefix: "émail_😀_sent" cannot be spelt in kebab-case (only letters and digits of any script, and hyphens, can be)');
  });

  it('under /_webhooks/ already: the kebab-case finding names the character and --fix refuses the rename (exit 1)', async () => {
    const cwd = tempProject({ 'spec.yaml': receiverSpec('/_webhooks/sendgrid/émail_😀_sent') });
    const run = await lint(['--fix', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(receiverSpec('/_webhooks/sendgrid/émail_😀_sent'));
    expect(run.stderr).toContain(
      'not fixed webhook-path-kebab-case: "/_webhooks/sendgrid/émail_😀_sent" holds "😀", which kebab-case cannot spell; rename it by hand',
    );
    expect(run.stdout).toContain('"😀" cannot be spelt in kebab-case (rename it by hand)');
  });
});

/** A local HTTP server that serves `body` as YAML and counts the requests it gets. */
async function rulesetServer(body: string): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'text/yaml' }).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/ruleset.yaml`, requests: () => requests, close: () => new Promise((closed) => server.close(() => closed())) };
}

describe('case 5: a config extends a URL only with --allow-remote-refs', SCENARIO, () => {
  const REMOTE = 'rules:\n  remote-title:\n    given: $.info\n    then: { field: title, function: truthy }\n';

  it('without the flag: exit 2 at the extends entry, and no request reaches the server', async () => {
    const server = await rulesetServer(REMOTE);
    try {
      const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': `extends:\n  - spectral-webhooks\n  - ${server.url}\n` });
      const run = await lint(['spec.yaml'], cwd);
      expect(run.status).toBe(2);
      expect(oneLine(run)).toEqual([`spectral-webhooks: .spectral.yaml:3:5: extends "${server.url}", a URL: not fetched without --allow-remote-refs (pass it, or extend a local copy)`]);
      expect(server.requests()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a URL in a config the config extends: exit 2 at its entry there, no request', async () => {
    const server = await rulesetServer(REMOTE);
    try {
      const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': 'extends: [spectral-webhooks, ./base.yaml]\n', 'base.yaml': `extends: ${server.url}\n` });
      const run = await lint(['spec.yaml'], cwd);
      expect(run.status).toBe(2);
      expect(oneLine(run)).toEqual([`spectral-webhooks: base.yaml:1:10: extends "${server.url}", a URL: not fetched without --allow-remote-refs (pass it, or extend a local copy)`]);
      expect(server.requests()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('with --allow-remote-refs: fetched, and its rules run', async () => {
    const server = await rulesetServer(REMOTE.replace('field: title', 'field: termsOfService'));
    try {
      const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': `extends:\n  - spectral-webhooks\n  - ${server.url}\n` });
      const run = await lint(['--allow-remote-refs', '-f', 'json', 'spec.yaml'], cwd);
      expect(run.stderr).toBe('');
      expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code)).toContain('remote-title');
      expect(server.requests()).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe('case 6: code in a config runs only from -r or the working directory', SCENARIO, () => {
  // The function leaves a marker file when it runs: the proof that the config's code ran, or did not.
  const marker = (root: string) => `require('fs').writeFileSync(${JSON.stringify(join(root, 'ran'))}, 'yes');\n`;
  const CONFIG = 'extends: [spectral-webhooks]\nfunctionsDir: functions\nfunctions: [mark]\nrules:\n  marked:\n    given: $\n    then: { function: mark }\n';
  const project = (config: (root: string) => Record<string, string>) => {
    const root = tempProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'api/spec.yaml': receiverSpec('/_webhooks/sendgrid/email-sent') });
    for (const [name, text] of Object.entries({ 'functions/mark.js': `${marker(root)}module.exports = () => [];\n`, ...config(root) })) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };

  it('a .spectral.yaml with functions in a parent folder: exit 2, its code does not run', async () => {
    const root = project(() => ({ '.spectral.yaml': CONFIG }));
    const run = await lint(['spec.yaml'], join(root, 'api'));
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      "spectral-webhooks: ../.spectral.yaml: this config, found in a parent folder, defines custom functions: only the working directory's config or -r may run code (pass -r ../.spectral.yaml to run it, or --no-config)",
    ]);
    expect(existsSync(join(root, 'ran'))).toBe(false);
  });

  it('a .spectral.js in a parent folder: lint and rules exit 2, its code does not run', async () => {
    const root = project((at) => ({ '.spectral.js': `${marker(at)}module.exports = { extends: [] };\n` }));
    for (const command of [['lint', 'spec.yaml'], ['rules']]) {
      const run = await runCli(command, { cwd: join(root, 'api'), timeoutMs: TIMEOUT_MS });
      expect(run.status).toBe(2);
      expect(oneLine(run)).toEqual([
        "spectral-webhooks: ../.spectral.js: this config, found in a parent folder, is a JavaScript ruleset: only the working directory's config or -r may run code (pass -r ../.spectral.js to run it, or --no-config)",
      ]);
    }
    expect(existsSync(join(root, 'ran'))).toBe(false);
  });

  it('the same config chosen with -r, or in the working directory: its code runs', async () => {
    const root = project(() => ({ '.spectral.yaml': CONFIG }));
    const chosen = await lint(['-r', '../.spectral.yaml', 'spec.yaml'], join(root, 'api'));
    expect(chosen).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(root, 'ran'), 'utf8')).toBe('yes');
    rmSync(join(root, 'ran'));
    const here = await lint(['api/spec.yaml'], root);
    expect(here).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(join(root, 'ran'), 'utf8')).toBe('yes');
  });
});

describe('case 12: configs that would recurse or expand forever', SCENARIO, () => {
  it('a config that extends itself: exit 2 at the entry that closes the cycle', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': 'extends:\n  - spectral-webhooks\n  - ./.spectral.yaml\n' });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: .spectral.yaml:3:5: extends "./.spectral.yaml" closes a cycle (.spectral.yaml → .spectral.yaml); remove one of the extends']);
  });

  it('two configs that extend each other: exit 2 at the second one\'s entry', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': 'extends: [spectral-webhooks, ./a.yaml]\n', 'a.yaml': 'extends: [./.spectral.yaml]\n' });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: a.yaml:1:11: extends "./.spectral.yaml" closes a cycle (.spectral.yaml → a.yaml → .spectral.yaml); remove one of the extends']);
  });

  it('a config holding an alias bomb: exit 2 at the first alias', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), '.spectral.yaml': `extends: [spectral-webhooks]\nrules:\n  bomb:\n    given: $\n    description: x\n    then: { function: truthy }\naliases:\n  ${levels.join('\n  ')}\n` });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(['spectral-webhooks: .spectral.yaml:9:10: aliases would expand the config past 100 copies (a YAML alias bomb); write the values out']);
  });
});

/** The YAML of a billion-laughs bomb: 9 levels of 9 aliases, under `key`. */
function aliasBomb(key: string): string {
  const levels = [`${key}:`, '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    levels.push(`  ${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  }
  return `${levels.join('\n')}\n`;
}

describe('case 7: an alias bomb in a $ref-ed file is refused like one in the document', SCENARIO, () => {
  it('an invalid-ref finding at the $ref names the alias (exit 1), in bounded time', async () => {
    const spec = receiverSpec('/_webhooks/sendgrid/email-sent').replace('components:\n', "components:\n  schemas:\n    Bomb:\n      $ref: './bomb.yaml#/bomb'\n");
    const cwd = tempProject({ 'spec.yaml': spec, 'bomb.yaml': aliasBomb('bomb') });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string; path: string[] }>;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'invalid-ref', path: ['components', 'schemas', 'Bomb', '$ref'] });
    expect(findings[0]!.message).toBe(
      `${join(cwd, 'bomb.yaml')}:10:10: YAML aliases expand this document to 490,329,066 nodes from 112 written (limit 100,000); refusing an alias bomb ("billion laughs"): write the repeated parts out or use $refs`,
    );
  });
});

describe('case 8: the alias guard is linear in the number of aliases', SCENARIO, () => {
  it('30 000 aliases to one small anchor lint normally (was 182 s)', async () => {
    const list = Array.from({ length: 30_000 }, () => '  - *shared\n').join('');
    const cwd = tempProject({ 'spec.yaml': `${receiverSpec('/_webhooks/sendgrid/email-sent')}x-shared: &shared {note: same}\nx-list:\n${list}` });
    const started = Date.now();
    const run = await lint(['spec.yaml'], cwd);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('case 9: YAML mappings lint in linear time up to 100 000 keys (20 000 in a $ref-ed file); past that, refused at once', SCENARIO, () => {
  const keys = (count: number, entry: (i: number) => string) => Array.from({ length: count }, (_, i) => entry(i));
  const flowMapping = (count: number) => `x-big: {${keys(count, (i) => `k${i}: ${i}`).join(', ')}}\n`;
  const blockMapping = (count: number) => `x-big:\n${keys(count, (i) => `  k${i}: ${i}\n`).join('')}`;

  it.each([
    ['a flow mapping', flowMapping(100_000)],
    ['a block mapping', blockMapping(100_000)],
  ])('%s of 100 000 keys lints normally', async (_name, tail) => {
    const cwd = tempProject({ 'spec.yaml': `${receiverSpec('/_webhooks/sendgrid/email-sent')}${tail}` });
    const run = await lint(['spec.yaml'], cwd);
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });

  it.each([
    ['a flow mapping of 100 001 keys', flowMapping(100_001), 23, 8],
    ['a block mapping of 100 001 keys', blockMapping(100_001), 24, 3],
  ])('%s: exit 2 at the mapping', async (_name, tail, line, column) => {
    const cwd = tempProject({ 'spec.yaml': `${receiverSpec('/_webhooks/sendgrid/email-sent')}${tail}` });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      `spectral-webhooks: spec.yaml:${line}:${column}: a YAML mapping with more than 100,000 keys; larger ones are not linted (save the document as JSON, which has no such limit)`,
    ]);
  });

  // Spectral's engine parses $ref-ed files with spectral-parsers' YAML parser, quadratic in a mapping's keys; the fast
  // engine refuses the same files, so both give the same answer.
  it.each([
    ['the fast engine', []],
    ["Spectral's engine (a config with a rule of its own)", ['-r', '.spectral.yaml']],
  ])('a $ref-ed file with a mapping of 20 001 keys: an invalid-ref finding at the $ref naming the line, under %s', async (_name, args) => {
    const spec = receiverSpec('/_webhooks/sendgrid/email-sent').replace('components:\n', "components:\n  schemas:\n    Big:\n      $ref: './big.yaml#/big'\n");
    const config = 'extends: [spectral-webhooks]\nrules:\n  info-title:\n    given: $.info\n    then: {field: title, function: truthy}\n';
    const cwd = tempProject({ 'spec.yaml': spec, 'big.yaml': `note: many keys\n${blockMapping(20_001).replace('x-big', 'big')}`, '.spectral.yaml': config });
    const run = await lint(['-f', 'json', ...args, 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string; path: string[] }>;
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'invalid-ref',
        path: ['components', 'schemas', 'Big', '$ref'],
        message: `${join(cwd, 'big.yaml')}:3:3: a YAML mapping with more than 20,000 keys; Spectral's YAML parser, which reads $ref-ed files when Spectral's engine runs, takes time that grows with the square of that (save the file as JSON, which has no such limit)`,
      }),
    ]);
  });

  it('a block sequence of 30 000 small mappings and a 30 000-line block scalar are not refused', async () => {
    const items = keys(30_000, (i) => `  - a: ${i}\n    b: ${i}\n`).join('');
    const text = keys(30_000, (i) => `    k${i}: ${i}\n`).join('');
    const cwd = tempProject({ 'spec.yaml': `${receiverSpec('/_webhooks/sendgrid/email-sent')}x-items:\n${items}x-text: |\n${text}` });
    const run = await lint(['spec.yaml'], cwd);
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });

  it('the same 100 001 keys as JSON lint normally', async () => {
    const big = Object.fromEntries(keys(100_001, (i) => `k${i}`).map((key, i) => [key, i]));
    const cwd = tempProject({ 'spec.json': JSON.stringify({ ...(parseYaml(receiverSpec('/_webhooks/sendgrid/email-sent')) as object), 'x-big': big }) });
    const run = await lint(['spec.json'], cwd);
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('case 10: the stylish report takes time linear in message length', SCENARIO, () => {
  it('a 100 000-character path key: exit 1 within seconds, the cell shortened with a pointer to -f json', async () => {
    const key = `/hooks/${'a b '.repeat(25_000)}`;
    const cwd = tempProject({ 'spec.yaml': receiverSpec(key).replace('      x-internal: true\n', '') });
    const started = Date.now();
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stdout).toMatch(new RegExp(`"${key.slice(0, 499)}… \\(\\d{3},\\d{3} characters; -f json shows all\\)`));
    const json = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect((JSON.parse(json.stdout) as Array<{ path: string[] }>)[0]!.path).toEqual(['paths', key]);
  });
});

describe('case 22: file names and keys cannot forge output', SCENARIO, () => {
  // A file name with a newline and a workflow command, and a key with a terminal escape sequence and a newline.
  const NAME = 'spec\n::error file=evil::injected.yaml';
  const KEY = '/hooks/stripe\u001b[2J\n::warning::fake';
  const spec = () => receiverSpec(KEY).replace(JSON.stringify(KEY), JSON.stringify(KEY).replace('\\u001b', '\\e'));

  it('github-actions: one workflow command per finding, the name and key escaped as GitHub defines', async () => {
    const cwd = tempProject({ [NAME]: spec() });
    const run = await lint(['-f', 'github-actions', NAME], cwd);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error title=webhook-path-prefix,file=spec\\n%3A%3Aerror file=evil%3A%3Ainjected\.yaml,col=\d+,endColumn=\d+,line=11,endLine=\d+::"\/hooks\/stripe\\e\[2J\\n::warning::fake" looks like/,
    );
  });

  it('teamcity: the file name escaped as a service-message value', async () => {
    const cwd = tempProject({ 'it\'s [odd].yaml': spec() });
    const run = await lint(['-f', 'teamcity', "it's [odd].yaml"], cwd);
    expect(run.stdout).toContain(`file='${join(cwd, "it|'s |[odd|].yaml")}'`);
  });

  it('stylish: escapes instead of raw control characters, in the table and on stderr', async () => {
    const cwd = tempProject({ [NAME]: spec(), [`${NAME}2`]: 'openapi: [' });
    const run = await lint([NAME, `${NAME}2`], cwd);
    expect(run.status).toBe(2);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\n::');
    expect(run.stdout).toContain('spec\\n::error file=evil::injected.yaml\n');
    expect(run.stdout).toContain('"/hooks/stripe\\e[2J\\n::warning::fake" looks like a webhook receiver');
    expect(run.stderr.split('\n')[0]).toMatch(/^spectral-webhooks: spec\\n::error file=evil::injected\.yaml2:\d+:\d+: cannot parse YAML/);
  });
});

describe('case 13: stdin has the size limit of a file', SCENARIO, () => {
  it('stdin past --max-file-size: exit 2 naming <stdin>, nothing linted', async () => {
    const cwd = tempProject({});
    const run = await runCli(['lint', '--max-file-size', '1KB', '-'], { cwd, input: fixableSpec(2_000), timeoutMs: TIMEOUT_MS });
    expect(run.status).toBe(2);
    expect(oneLine(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^spectral-webhooks: <stdin>: is over [\d.]+ KB, larger than the 1 KB limit for one document \(raise it with --max-file-size\)\n$/);
  });
});

describe('case 14: a baseline is read like a document: size limit, encoding, nesting, never the spec itself', SCENARIO, () => {
  const baseline = '{"version":1,"findings":[]}\n';
  it.each([
    ['over --max-file-size', { 'baseline.json': baseline.replace('[]', `[${' '.repeat(2_000)}]`) }, ['--max-file-size', '1KB', '--baseline', 'baseline.json'], 'baseline.json: is 2 KB, larger than the 1 KB limit for one document (raise it with --max-file-size, e.g. --max-file-size 2KB)'],
    ['nested 100 000 deep', { 'baseline.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` }, ['--baseline', 'baseline.json'], 'baseline.json:1:501: nested more than 500 levels deep; refusing to parse (flatten the document, e.g. with $refs)'],
    ['naming the spec', {}, ['--baseline', 'spec.yaml'], 'spec.yaml: --baseline names a document this run lints; give the baseline file (e.g. .spectral-webhooks-baseline.json)'],
    ['/dev/null', {}, ['--baseline', '/dev/null'], '/dev/null: is not a regular file (a FIFO, socket or device); give a file'],
  ])('%s: exit 2 in one line, the file untouched', async (_name, files, args, line) => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), ...files });
    const run = await lint([...args, 'spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([`spectral-webhooks: ${line}`]);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(fixableSpec());
  });

  it('a baseline with a byte order mark is read (was: InvalidSymbol)', async () => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), 'baseline.json': `\ufeff${baseline}` });
    const run = await lint(['--baseline', 'baseline.json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Baseline baseline.json suppressed 0 findings; 1 new finding reported.');
  });
});

describe('case 16: only regular files are read: a FIFO is refused before it is opened for reading', SCENARIO, () => {
  const withFifo = (name: string, files: Record<string, string> = {}) => {
    const cwd = tempProject({ 'spec.yaml': fixableSpec(), ...files });
    execFileSync('mkfifo', [join(cwd, name)]);
    return cwd;
  };
  const NOT_REGULAR = 'is not a regular file (a FIFO, socket or device); give a file';

  it.each([
    ['the document', ['fifo.yaml'], 'fifo.yaml'],
    ['the document to --fix', ['--fix', 'fifo.yaml'], 'fifo.yaml'],
    ['the -r ruleset', ['-r', 'fifo.yaml', 'spec.yaml'], 'fifo.yaml'],
    ['the --baseline', ['--baseline', 'fifo.yaml', 'spec.yaml'], 'fifo.yaml'],
  ])('as %s: exit 2 at once', async (_name, args, shown) => {
    const run = await lint(args, withFifo('fifo.yaml'));
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([`spectral-webhooks: ${shown}: ${NOT_REGULAR}`]);
  });

  it('as a $ref target: an invalid-ref finding at the $ref (exit 1)', async () => {
    const spec = receiverSpec('/_webhooks/sendgrid/email-sent').replace('components:\n', "components:\n  schemas:\n    Piped:\n      $ref: './fifo.yaml#/x'\n");
    const cwd = withFifo('fifo.yaml', { 'spec.yaml': spec });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-ref', message: `${join(cwd, 'fifo.yaml')}: ${NOT_REGULAR}` })]);
  });
});

describe('case 17: SIGINT and SIGTERM end a run within a second, files untouched', SCENARIO, () => {
  // A spec whose parse and lint (synchronous steps) take over a second: 15 000 short paths, 1 MB of YAML.
  const bigSpec = () =>
    fixableSpec().replace('paths:\n', `paths:\n${Array.from({ length: 15_000 }, (_, i) => `  /orders/o${i}:\n    get:\n      responses:\n        '200': {description: ok}\n`).join('')}`);

  it.each([
    ['lint', 'SIGTERM', []],
    ['lint', 'SIGINT', []],
    ['lint --fix', 'SIGTERM', ['--fix']],
  ] as const)('%s, %s in the middle: the process ends within a second (was: ignored, or 10-23 s late)', async (_name, signal, args) => {
    const cwd = tempProject({ 'spec.yaml': bigSpec() });
    const before = readFileSync(join(cwd, 'spec.yaml'));
    let sent: number | undefined;
    const run = await runCli(['lint', '--verbose', ...args, 'spec.yaml'], {
      cwd,
      timeoutMs: TIMEOUT_MS,
      // Once the file is being linted (the parse and rules are synchronous), not while Node starts.
      onSpawn: (child) =>
        child.stderr!.on('data', (chunk: string) => {
          if (sent !== undefined || !chunk.includes('linting spec.yaml')) return;
          sent = Date.now();
          setTimeout(() => child.kill(signal), 100);
        }),
    });
    const ended = Date.now();
    expect(sent).toBeDefined();
    // Ended by the CLI with the shell's status, or by the signal's default action during a synchronous step (null).
    expect([signal === 'SIGINT' ? 130 : 143, null]).toContain(run.status);
    // A second on an idle machine; the bound leaves room for a loaded one (the run itself takes several seconds).
    expect(ended - sent! - 100).toBeLessThan(3_000);
    expect(readFileSync(join(cwd, 'spec.yaml')).equals(before)).toBe(true);
    expect(readdirSync(cwd)).toEqual(['spec.yaml']);
  });
});

describe('case 18: keys JavaScript turns into prototypes are refused however they are written', SCENARIO, () => {
  const receivers = "  /hooks/stripe:\n    post:\n      responses: {'204': {description: ok}}\n";
  it.each([
    ['a YAML key escaped as "\\x5f_proto__"', 'spec.yaml', `openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  "\\x5f_proto__": {}\n${receivers}`, '4:3'],
    [
      'a JSON key escaped as "\\u005f_proto__"',
      'spec.json',
      '{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{"\\u005f_proto__":{},"/hooks/stripe":{"post":{"responses":{"204":{"description":"ok"}}}}}}',
      '1:64',
    ],
  ])('%s: exit 2 at the key (was: exit 0, no problems)', async (_name, file, text, at) => {
    const cwd = tempProject({ [file]: text });
    const run = await lint([file], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      `spectral-webhooks: ${file}:${at}: a key named "__proto__" cannot be linted: JavaScript parsers turn it into a prototype and drop it (rename the key)`,
    ]);
  });

  it('__proto__ in a $ref-ed path item: an invalid-ref finding at the $ref (was: the operation vanished, exit 0)', async () => {
    const cwd = tempProject({
      'spec.yaml': "openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  /hooks/stripe:\n    $ref: './item.yaml'\n",
      'item.yaml': "__proto__: {}\npost:\n  responses: {'204': {description: ok}}\n",
    });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        code: 'invalid-ref',
        path: ['paths', '/hooks/stripe', '$ref'],
        message: `${join(cwd, 'item.yaml')}:1:1: a key named "__proto__" cannot be linted: JavaScript parsers turn it into a prototype and drop it (rename the key)`,
      }),
    ]);
  });
});

describe('case 19: tab-indented YAML is a located exit 2, never a silent null', SCENARIO, () => {
  it('a tab-indented paths mapping: exit 2 at the first tab (was: paths read as null, exit 0)', async () => {
    const cwd = tempProject({ 'spec.yaml': 'openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n\t/hooks/stripe:\n\t\tpost: {}\n' });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([
      'spectral-webhooks: spec.yaml:4:1: indented with a tab; YAML indents with spaces only, and the parser reads what is under it as null (replace the tabs with spaces)',
    ]);
  });

  it('a tab between a key and its value is valid YAML: linted as usual', async () => {
    const cwd = tempProject({ 'spec.yaml': receiverSpec('/_webhooks/sendgrid/email-sent').replace('title: Shop', 'title:\tShop') });
    const run = await lint(['spec.yaml'], cwd);
    expect(run.status).toBe(0);
  });
});

describe('case 20: the project boundary is computed on path segments', SCENARIO, () => {
  it('a $ref to a file named ..shared.yaml inside the project is read', async () => {
    const cwd = tempProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'spec.yaml': "openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  /hooks/stripe:\n    $ref: './..shared.yaml'\n",
      '..shared.yaml': "post:\n  responses: {'204': {description: ok}}\n",
    });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code)).toContain('webhook-path-prefix');
  });
});

describe('case 15: with --allow-remote-refs, a server that never answers fails its $ref, not the run', SCENARIO, () => {
  it('an invalid-ref finding after the 20 s timeout (was: hung past 200 s)', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined); // accepts every connection and never answers
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    try {
      const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/item.yaml`;
      const cwd = tempProject({ 'spec.yaml': `openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  /hooks/stripe:\n    $ref: "${url}"\n` });
      const started = Date.now();
      const run = await lint(['--allow-remote-refs', '-f', 'json', 'spec.yaml'], cwd);
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ code: 'invalid-ref', message: `FetchError: network timeout at: ${url}` })]);
      expect(Date.now() - started).toBeLessThan(50_000);
    } finally {
      silent.close();
    }
  });
});

describe('case 23: every message is one located line', SCENARIO, () => {
  it.each([
    [
      'an escaped hasOwnProperty key (was: "target.hasOwnProperty is not a function")',
      { 'spec.yaml': 'openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths: {}\nx-a: {"has\\u004fwnProperty": 1}\n' },
      ['spec.yaml'],
      'spec.yaml:4:7: a key named "hasOwnProperty" cannot be linted: Spectral\'s $ref resolver calls hasOwnProperty() on every object and crashes (rename the key)',
    ],
    ['-r /dev/zero (was: "ruleset file not found")', { 'spec.yaml': fixableSpec() }, ['-r', '/dev/zero', 'spec.yaml'], '/dev/zero: is not a regular file (a FIFO, socket or device); give a file'],
    [
      'swagger: 2.0, a number in YAML (was: "swagger 2 is not supported")',
      { 'spec.yaml': 'swagger: 2.0\ninfo: {title: T, version: 1.0.0}\npaths: {}\n' },
      ['spec.yaml'],
      'spec.yaml:1:10: "swagger" must be the string "2.0", not the number 2 (quote it: swagger: "2.0")',
    ],
    [
      '--fix on a key over 1,024 characters (was: no position)',
      { 'spec.yaml': `openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  /hooks/${'a'.repeat(1_100)}:\n    post:\n      responses: {'204': {description: ok}}\n` },
      ['--fix', 'spec.yaml'],
      'spec.yaml:4:3: cannot be fixed: cannot parse YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
    ],
  ])('%s', async (_name, files, args, line) => {
    const cwd = tempProject(files);
    const before = readFileSync(join(cwd, 'spec.yaml'));
    const run = await lint(args, cwd);
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual([`spectral-webhooks: ${line}`]);
    expect(readFileSync(join(cwd, 'spec.yaml')).equals(before)).toBe(true);
  });

  it('a $ref-ed YAML nested 5 000 deep: an invalid-ref finding saying so (was: a raw RangeError)', async () => {
    const deep = `a:${Array.from({ length: 5_000 }, (_, i) => `\n${' '.repeat(i + 1)}a:`).join('')} 1\n`;
    const cwd = tempProject({ 'spec.yaml': receiverSpec('/_webhooks/sendgrid/email-sent').replace('components:\n', "components:\n  schemas:\n    Deep:\n      $ref: './deep.yaml#/a'\n"), 'deep.yaml': deep });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        code: 'invalid-ref',
        message: `${join(cwd, 'deep.yaml')}:501:501: nested more than 500 levels deep; refusing to parse (flatten the document, e.g. with $refs)`,
      }),
    ]);
  });
});

describe('--max-time and the memory bound: a runaway run ends with one line, not a hang or a V8 trace', SCENARIO, () => {
  it('case 12: a custom rule with a catastrophic pattern is stopped at --max-time (was: over 120 s)', async () => {
    const cwd = tempProject({
      '.spectral.yaml': 'extends: [spectral-webhooks]\nrules:\n  slow-title:\n    given: $.info\n    then:\n      field: title\n      function: pattern\n      functionOptions:\n        match: "^(a+)+$"\n',
      'spec.yaml': `openapi: 3.1.0\ninfo: {title: ${'a'.repeat(40)}!, version: 1.0.0}\npaths: {}\n`,
    });
    const started = Date.now();
    const run = await lint(['--max-time', '5s', 'spec.yaml'], cwd);
    // Killed (SIGKILL, 137 in a shell): the rule's regular expression never gives the thread back.
    expect(run.status).toBeNull();
    expect(oneLine(run)).toEqual([
      'spectral-webhooks: spec.yaml: stopped after 5 s, past --max-time 5s (a custom rule with a slow pattern, or a document too large to lint in time; raise it with --max-time)',
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  // 15 000 small paths: the run holds about 110 MB at its peak, more than a 60 MB heap, well under a 200 MB one.
  const manyPaths = () => fixableSpec().replace('paths:\n', `paths:\n${Array.from({ length: 15_000 }, (_, i) => `  /orders/o${i}:\n    get:\n      responses:\n        '200': {description: ok}\n`).join('')}`);
  const OUT_OF_HEAP = /^spectral-webhooks: spec\.yaml: stopped: out of memory at the \d+ MB heap limit \(a document too large, or one that expands; node --max-old-space-size raises the limit\)$/;

  it('a run that exhausts the heap is stopped with one line and exit 2, not a V8 out-of-memory trace (status 134)', async () => {
    const run = await lint(['spec.yaml'], tempProject({ 'spec.yaml': manyPaths() }), { NODE_OPTIONS: '--max-old-space-size=60' });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
    expect(oneLine(run)).toEqual([expect.stringMatching(OUT_OF_HEAP)]);
  });

  it('a run that fits its heap finishes, however much memory the process shows (was: stopped at 80 % of the heap limit)', async () => {
    // V8 lets garbage pile up to near the limit: this run's resident memory passes 200 MB in a 248 MB heap.
    const run = await lint(['-f', 'json', 'spec.yaml'], tempProject({ 'spec.yaml': manyPaths() }), { NODE_OPTIONS: '--max-old-space-size=200' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 1, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ code: 'webhook-path-prefix', path: ['paths', '/hooks/sendgrid/email_sent'] })]);
  });

  it('--fix-dry-run of a 1.5 MB YAML spec fits a 150 MB heap and shows every fix (was: stopped at 80 % of the heap limit)', async () => {
    // 200 receivers to move, each with a request body $ref-ing one of 150 schemas of 40 described properties: the
    // shape of the 21 MB spec of issue #16, smaller. It holds under 60 MB at its peak; the process shows 180 MB.
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      const body = { content: { 'application/json': { schema: { $ref: `#/components/schemas/S${i % 150}` } } } };
      paths[`/hooks/stripe/Event${i}Created`] = { post: { summary: `Stripe webhook ${i}`, requestBody: body, responses: { 204: { description: 'Received' } } } };
    }
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) {
      const properties = Object.fromEntries(Array.from({ length: 40 }, (_, j) => [`field_${j}`, { type: 'string', description: `Field ${j} of schema ${i}. `.repeat(8) }]));
      schemas[`S${i}`] = { type: 'object', properties };
    }
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Receivers to move', version: '1.0.0' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ key: [] }],
      paths,
      components: { schemas, securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
    };
    const run = await lint(['--fix-dry-run', 'spec.yaml'], tempProject({ 'spec.yaml': stringifyYaml(spec, { lineWidth: 0 }) }), { NODE_OPTIONS: '--max-old-space-size=150' });
    expect(run.status).toBe(0);
    const stderr = oneLine(run);
    expect(stderr).toHaveLength(401);
    expect(stderr[400]).toBe('400 problems would be fixed');
    expect(run.stdout.match(/^\+ {2}\/_webhooks\/stripe\/event\d+created:$/gm)).toHaveLength(200);
  });

  it('in a Node without the inspector, the bound is 80 % of the heap limit in resident memory (SIGKILL, 137 in a shell)', async () => {
    const stub = join(REPO_ROOT, 'test', 'support', 'no-inspector.cjs');
    const run = await lint(['spec.yaml'], tempProject({ 'spec.yaml': manyPaths() }), { NODE_OPTIONS: `--max-old-space-size=60 --require ${stub}` });
    expect(run.status).toBeNull();
    expect(oneLine(run)).toEqual([
      expect.stringMatching(/^spectral-webhooks: spec\.yaml: stopped at \d+ MB of memory, near the \d+ MB heap limit \(a document too large, or one that expands; node --max-old-space-size raises the limit\)$/),
    ]);
  });

  it('--max-time takes seconds, minutes or milliseconds, and refuses anything else (exit 2)', async () => {
    const run = await lint(['--max-time', 'soon', 'spec.yaml'], tempProject({}));
    expect(run.status).toBe(2);
    expect(oneLine(run)).toEqual(["spectral-webhooks: option '--max-time <duration>' argument 'soon' is invalid. \"soon\" is not a duration (use e.g. 90s, 5m or 500ms)"]);
  });
});

describe('case 21: CR-only line endings get correct lines and can be fixed', SCENARIO, () => {
  const crOnly = (text: string) => text.replace(/\n/g, '\r');

  it('a finding is reported at its line (was: 1:145)', async () => {
    const cwd = tempProject({ 'spec.yaml': crOnly(fixableSpec()) });
    const run = await lint(['-f', 'json', 'spec.yaml'], cwd);
    expect(run.status).toBe(1);
    const prefix = (JSON.parse(run.stdout) as Array<{ code: string; range: { start: { line: number } } }>).find((finding) => finding.code === 'webhook-path-prefix');
    expect(prefix?.range.start.line).toBe(10); // 0-based: line 11, where the path is
  });

  it('--fix edits it and keeps its CR line endings (was: refused to parse)', async () => {
    const cwd = tempProject({ 'spec.yaml': crOnly(fixableSpec()) });
    const run = await lint(['--fix', 'spec.yaml'], cwd);
    expect(run.status).toBe(0);
    const after = readFileSync(join(cwd, 'spec.yaml'), 'utf8');
    expect(after).not.toContain('\n');
    expect(after).toBe(crOnly(fixableSpec().replace('  /hooks/sendgrid/email_sent:\n    post:\n', '  /_webhooks/sendgrid/email-sent:\n    post:\n      x-internal: true\n')));
  });
});
