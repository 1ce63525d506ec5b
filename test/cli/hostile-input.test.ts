import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
