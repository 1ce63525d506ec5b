import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/run-cli';
import { CLEAN, ERROR_AND_WARNING, NOT_OPENAPI, WARNING_ONLY } from '../support/cli-documents';

describe('lint: files, globs, directories', { timeout: 120_000 }, () => {
  it('lints a clean document and exits 0', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN });
    const run = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe('No problems found in 1 file.\n');
  });

  it('shows findings grouped by file with line:col, severity, rule id, message and path, then a summary and docs links', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('openapi.yaml');
    expect(run.stdout).toMatch(/^\s*10:\d+\s+error\s+webhook-path-prefix\s+"\/hooks\/stripe" looks like a webhook receiver.*\s+paths\.\/hooks\/stripe$/m);
    expect(run.stdout).toMatch(/^\s*17:\d+\s+warning\s+webhook-method-post\s+GET \/_webhooks\/meta\/verify.*\s+paths\.\/_webhooks\/meta\/verify\.get$/m);
    expect(run.stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 infos, 0 hints)');
    // Each rule that fired has its docs link once, under the summary, not on every finding line.
    const docs = run.stdout.slice(run.stdout.indexOf('✖'));
    expect(docs).toMatch(/^ {2}webhook-method-post {2}https:\/\/\S+\/docs\/rules\/webhook-method-post\.md$/m);
    expect(docs).toMatch(/^ {2}webhook-path-prefix {2}https:\/\/\S+\/docs\/rules\/webhook-path-prefix\.md$/m);
    expect(run.stdout.match(/docs\/rules\/webhook-path-prefix\.md/g)).toHaveLength(1);
    expect(lines.filter((line) => /^\s*\d+:\d+/.test(line)).every((line) => !line.includes('https://'))).toBe(true);
  });

  it('lints two files and fails on the second', async () => {
    const cwd = tempProject({ 'a.yaml': CLEAN, 'b.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', 'a.yaml', 'b.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^b\.yaml$/m);
    expect(run.stdout).not.toMatch(/^a\.yaml$/m);
  });

  it('expands a glob, including JSON documents, in sorted order', async () => {
    const cwd = tempProject({
      'specs/one.yaml': ERROR_AND_WARNING,
      'specs/nested/two.json': JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/webhooks/github': { post: { 'x-internal': true, responses: {} } } } }),
      'other/three.yaml': ERROR_AND_WARNING,
    });
    const run = await runCli(['lint', '-f', 'json', 'specs/**/*.{yaml,json}'], { cwd });
    expect(run.status).toBe(1);
    const sources = [...new Set((JSON.parse(run.stdout) as Array<{ source: string }>).map((result) => result.source))];
    expect(sources).toEqual([join(cwd, 'specs/nested/two.json'), join(cwd, 'specs/one.yaml')]);
  });

  it('lints the OpenAPI documents in a directory and, with --verbose, says which files it skipped', async () => {
    const cwd = tempProject({
      'api/openapi.yaml': ERROR_AND_WARNING,
      'api/components/schemas.yaml': 'Pet:\n  type: object\n',
      'api/docker-compose.yml': NOT_OPENAPI,
      'api/README.md': '# not a spec\n',
    });
    const run = await runCli(['lint', '--verbose', 'api'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^api\/openapi\.yaml$/m);
    expect(run.stderr).toContain('skipped api/components/schemas.yaml');
    expect(run.stderr).toContain('skipped api/docker-compose.yml');
    expect(run.stderr).not.toContain('README.md');
  });

  it('fails (exit 2) when a glob matches nothing, naming the pattern', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN });
    const run = await runCli(['lint', 'specs/*.yaml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('spectral-webhooks: no OpenAPI document matches "specs/*.yaml" (check the pattern, or pass --allow-empty-input)\n');
  });

  it('fails (exit 2) on a directory with no OpenAPI document', async () => {
    const cwd = tempProject({ 'config/app.yaml': NOT_OPENAPI });
    const run = await runCli(['lint', 'config'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no OpenAPI document matches "config"');
  });

  it('exits 0 on an empty match with --allow-empty-input', async () => {
    const cwd = tempProject({});
    const run = await runCli(['lint', '--allow-empty-input', 'specs/*.yaml'], { cwd });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe('No problems found in 0 files.\n');
  });

  it('fails (exit 2) on a missing file, naming it', async () => {
    const cwd = tempProject({});
    const run = await runCli(['lint', 'missing.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: missing.yaml: file not found\n');
  });

  it('fails (exit 2) on malformed YAML with file:line:col, and no stack trace', async () => {
    const cwd = tempProject({ 'openapi.yaml': 'openapi: 3.1.0\npaths:\n  /a: [\n' });
    const run = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^spectral-webhooks: openapi\.yaml:\d+:\d+: cannot parse YAML: .+\n$/);
  });

  it('prints the stack trace of a tool error with --verbose', async () => {
    const cwd = tempProject({ 'openapi.json': '{"openapi": ' });
    const run = await runCli(['lint', '--verbose', 'openapi.json'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/spectral-webhooks: openapi\.json:\d+:\d+: cannot parse JSON/);
    expect(run.stderr).toMatch(/\n\s+at .+\(.+\.js:\d+:\d+\)/);
  });

  it('fails (exit 2) on a named file that is not OpenAPI, and skips it with --ignore-unknown-format', async () => {
    const cwd = tempProject({ 'compose.yaml': NOT_OPENAPI, 'openapi.yaml': WARNING_ONLY });
    const strict = await runCli(['lint', 'compose.yaml', 'openapi.yaml'], { cwd });
    expect(strict.status).toBe(2);
    expect(strict.stderr).toBe(
      'spectral-webhooks: compose.yaml:1:1: not an OpenAPI document (no "openapi" or "swagger" field at the root)\n' +
        'spectral-webhooks: 1 of 2 files could not be linted (see above); the report covers the other 1\n',
    );
    expect(strict.stdout).toContain('webhook-method-post');
    const lenient = await runCli(['lint', '--ignore-unknown-format', 'compose.yaml', 'openapi.yaml'], { cwd });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain('webhook-method-post');
  });
});

describe('lint: failing and showing', { timeout: 120_000 }, () => {
  it('passes with warnings by default and fails on them with -F warn', async () => {
    const cwd = tempProject({ 'openapi.yaml': WARNING_ONLY });
    expect((await runCli(['lint', 'openapi.yaml'], { cwd })).status).toBe(0);
    expect((await runCli(['lint', '-F', 'warn', 'openapi.yaml'], { cwd })).status).toBe(1);
    expect((await runCli(['lint', '--fail-severity', 'hint', 'openapi.yaml'], { cwd })).status).toBe(1);
  });

  it('fails when warnings exceed --max-warnings, as ESLint does', async () => {
    const cwd = tempProject({ 'openapi.yaml': WARNING_ONLY });
    const within = await runCli(['lint', '--max-warnings', '1', 'openapi.yaml'], { cwd });
    expect(within.status).toBe(0);
    const over = await runCli(['lint', '--max-warnings', '0', 'openapi.yaml'], { cwd });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('spectral-webhooks: too many warnings (1; --max-warnings allows 0)\n');
  });

  it('rejects a --max-warnings that is not a number (exit 2)', async () => {
    const run = await runCli(['lint', '--max-warnings', 'few', 'openapi.yaml'], { cwd: tempProject({}) });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^spectral-webhooks: option '--max-warnings <number>' argument 'few' is invalid\. expected a whole number ≥ 0\n$/);
  });

  it('shows only failures with -D', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-D', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('webhook-path-prefix');
    expect(run.stdout).not.toContain('webhook-method-post');
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)');
  });

  it('prints only the findings with -q: no summary, no docs links, nothing when clean', async () => {
    const cwd = tempProject({ 'bad.yaml': ERROR_AND_WARNING, 'good.yaml': CLEAN });
    const bad = await runCli(['lint', '-q', 'bad.yaml'], { cwd });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('webhook-path-prefix');
    expect(bad.stdout).not.toContain('✖');
    expect(bad.stdout).not.toContain('https://');
    const good = await runCli(['lint', '--quiet', 'good.yaml'], { cwd });
    expect(good).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('reads a document from stdin, named by --stdin-filepath', async () => {
    const cwd = tempProject({});
    const run = await runCli(['lint', '-f', 'json', '-', '--stdin-filepath', 'specs/api.yaml'], { cwd, input: ERROR_AND_WARNING });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ code: string; source: string }>;
    expect(results.map((result) => result.code)).toEqual(['webhook-path-prefix', 'webhook-method-post']);
    expect(results.every((result) => result.source === join(cwd, 'specs/api.yaml'))).toBe(true);
  });

  it('reads stdin without a name as <stdin>', async () => {
    const run = await runCli(['lint', '-'], { cwd: tempProject({}), input: ERROR_AND_WARNING });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>$/m);
  });

  it('names <stdin> in a parse error of stdin', async () => {
    const run = await runCli(['lint', '-', '--stdin-filepath', 'api.json'], { cwd: tempProject({}), input: '{"openapi": [' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^spectral-webhooks: api\.json:\d+:\d+: cannot parse JSON/);
  });

  it('rejects --stdin-filepath without - (exit 2)', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN });
    const run = await runCli(['lint', '--stdin-filepath', 'x.yaml', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--stdin-filepath names the document read from stdin');
  });

  it('colours output only when asked: FORCE_COLOR turns it on, NO_COLOR keeps it off', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const ESC = '\u001b[';
    const plain = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(plain.stdout).not.toContain(ESC);
    const forced = await runCli(['lint', 'openapi.yaml'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
    const noColor = await runCli(['lint', 'openapi.yaml'], { cwd, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
    expect(noColor.stdout).toBe(plain.stdout);
  });
});

describe('lint: arguments', { timeout: 120_000 }, () => {
  it('rejects an unknown option in one line (exit 2)', async () => {
    const run = await runCli(['lint', '--fromat', 'json', 'x.yaml'], { cwd: tempProject({}) });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^spectral-webhooks: unknown option '--fromat'/);
  });

  it('rejects an unknown format in one line listing the formats (exit 2)', async () => {
    const run = await runCli(['lint', '-f', 'xml', 'x.yaml'], { cwd: tempProject({}) });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      "spectral-webhooks: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, junit, sarif, github-actions, code-climate, gitlab, markdown, html, text, teamcity, pretty.\n",
    );
  });

  it('rejects lint with no files (exit 2)', async () => {
    const run = await runCli(['lint'], { cwd: tempProject({}) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("spectral-webhooks: missing required argument 'files'\n");
  });
});

describe('lint: signals', { timeout: 120_000 }, () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('ends on %s with status %i, as a shell reports it', async (signal, status) => {
    // Enough specs that the run is still going when the signal comes, even on a loaded machine (400 were not always).
    const files = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`specs/spec-${i}.yaml`, ERROR_AND_WARNING]));
    const cwd = tempProject(files);
    let sent = false;
    const run = await runCli(['lint', '--verbose', 'specs'], {
      cwd,
      // Sent once the CLI is linting (its handlers are in place), not while Node is still starting.
      onSpawn: (child) =>
        child.stderr!.on('data', (chunk: string) => {
          if (!sent && chunk.includes('linting ')) sent = child.kill(signal);
        }),
    });
    expect(sent).toBe(true);
    // The CLI ends itself with the shell's status for the signal, or, during a synchronous step, the signal's default
    // action ends it (src/signals.ts; status null here): a shell reports both as 128 + the signal's number.
    expect([status, null]).toContain(run.status);
  });
});
