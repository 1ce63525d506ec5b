import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempProject } from '../support/run-cli';
import { CLEAN, ERROR_AND_WARNING, NOT_OPENAPI } from '../support/cli-documents';

/** Three fixable findings (https, x-internal, path prefix), at lines 4, 9 and 11. */
const FIXABLE = `openapi: 3.1.0
info: { title: Hooks, version: 1.0.0 }
servers:
  - url: http://hooks.example.com
security:
  - key: []
paths:
  /_webhooks/stripe:
    post:
      responses: { '204': { description: Received } }
  /hooks/github:
    post:
      x-internal: true
      responses: { '204': { description: Received } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`;

const sources = (stdout: string) => (JSON.parse(stdout) as Array<{ source: string }>).map((result) => result.source.split('/').slice(-2).join('/'));

/**
 * Habits users bring from `spectral lint` and ESLint (issue #14): each scenario runs the real binary and checks what
 * the user sees: stdout, stderr, exit status.
 */
describe('habits from spectral lint and ESLint', { timeout: 120_000 }, () => {
  it('rules --profile standard-webhooks shows the profile rules in force, as lint --profile runs them', async () => {
    const cwd = tempProject({});
    const inForce = async (args: string[]) =>
      Object.fromEntries((JSON.parse((await runCli(['rules', '--format', 'json', ...args], { cwd })).stdout) as Array<{ id: string; inForce: string }>).map((row) => [row.id, row.inForce]));
    expect((await inForce([]))['standard-webhooks-headers']).toBe('off');
    expect((await inForce(['--profile', 'standard-webhooks']))['standard-webhooks-headers']).toBe('error');
    const table = await runCli(['rules', '--profile', 'standard-webhooks'], { cwd });
    expect(table).toMatchObject({ status: 0, stderr: '' });
    expect(table.stdout).toMatch(/^standard-webhooks-headers\s+error\s+error\s/m);
    expect(table.stdout).toContain('(no config: the rules as they ship and --profile standard-webhooks)');
  });

  it("a misspelt id of one of Spectral's own rules in a config gets a did-you-mean", async () => {
    const cwd = tempProject({
      'openapi.yaml': CLEAN,
      '.spectral.yaml': 'extends: [spectral:oas, spectral-webhooks]\nrules:\n  operation-operationid: off\n',
    });
    const run = await runCli(['lint', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      'spectral-webhooks: .spectral.yaml:3:26: unknown rule "operation-operationid": no ruleset this config extends defines it (did you mean operation-operationId?)\n',
    );
  });

  it('--fix notes come in document order', async () => {
    const cwd = tempProject({ 'openapi.yaml': FIXABLE });
    const run = await runCli(['lint', '--fix-dry-run', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      [
        'openapi.yaml:4:5 would fix webhook-https: replaced "http://hooks.example.com" with "https://hooks.example.com"',
        'openapi.yaml:9:5 would fix webhook-x-internal: set x-internal: true',
        'openapi.yaml:11:3 would fix webhook-path-prefix: renamed "/hooks/github" to "/_webhooks/github"',
        '3 problems would be fixed',
        '',
      ].join('\n'),
    );
  });

  it('lint -v is --verbose, as in spectral lint: it lints and writes the report (the version stays `spectral-webhooks -v`)', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-f', 'sarif', '-o', 'x.sarif', '-v', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('spectral-webhooks: linting openapi.yaml');
    expect(run.stderr).toContain('wrote sarif report to x.sarif');
    expect(await runCli(['-v'], { cwd })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('-e utf8 is accepted; another encoding is refused in one line', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN });
    expect(await runCli(['lint', '-e', 'utf8', 'openapi.yaml'], { cwd })).toMatchObject({ status: 0, stderr: '' });
    expect(await runCli(['lint', '--encoding', 'utf-8', 'openapi.yaml'], { cwd })).toMatchObject({ status: 0, stderr: '' });
    const latin1 = await runCli(['lint', '-e', 'latin1', 'openapi.yaml'], { cwd });
    expect(latin1).toMatchObject({ status: 2, stdout: '' });
    expect(latin1.stderr).toBe(
      "spectral-webhooks: option '-e, --encoding <encoding>' argument 'latin1' is invalid. only UTF-8 documents are read (utf8, utf-8, ascii); save the file as UTF-8\n",
    );
  });

  it('--fail-on-unmatched-globs is accepted: an unmatched glob fails (exit 2), as it does here anyway', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN });
    expect(await runCli(['lint', '--fail-on-unmatched-globs', '*.yaml'], { cwd })).toMatchObject({ status: 0, stderr: '' });
    const unmatched = await runCli(['lint', '--fail-on-unmatched-globs', 'specs/*.yaml'], { cwd });
    expect(unmatched).toMatchObject({ status: 2, stdout: '' });
    expect(unmatched.stderr).toBe('spectral-webhooks: no OpenAPI document matches "specs/*.yaml" (check the pattern, or pass --allow-empty-input)\n');
  });

  it('--show-documentation-url adds each finding\'s docs link to -f json, as spectral lint does', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const plain = JSON.parse((await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd })).stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(plain[0]!)).toEqual(['code', 'path', 'message', 'severity', 'range', 'source']);
    const run = await runCli(['lint', '-f', 'json', '--show-documentation-url', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ code: string; documentationUrl?: string }>;
    expect(results.map((result) => [result.code, result.documentationUrl])).toEqual([
      ['webhook-path-prefix', 'https://github.com/spectral-webhooks/spectral-webhooks/blob/main/docs/rules/webhook-path-prefix.md'],
      ['webhook-method-post', 'https://github.com/spectral-webhooks/spectral-webhooks/blob/main/docs/rules/webhook-method-post.md'],
    ]);
  });

  it('--resolver is refused in one line that says why', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN, 'resolver.js': 'module.exports = {};\n' });
    const run = await runCli(['lint', '--resolver', 'resolver.js', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toMatch(/^spectral-webhooks: option '--resolver <file>' argument 'resolver.js' is invalid\. custom \$ref resolvers are not supported: .*\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('a glob that matches YAML that is not OpenAPI: spectral lint\'s unrecognized-format warning, exit 0; --ignore-unknown-format drops it', async () => {
    const cwd = tempProject({ 'openapi.yaml': CLEAN, 'docker-compose.yaml': NOT_OPENAPI });
    const run = await runCli(['lint', '-f', 'json', '*.yaml'], { cwd });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([
      {
        code: 'unrecognized-format',
        path: [],
        message: 'The provided document does not match any of the registered formats [OpenAPI 2.0 (Swagger), OpenAPI 3.x]',
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: NOT_OPENAPI.trimEnd().split('\n').length - 1, character: NOT_OPENAPI.trimEnd().split('\n').pop()!.length } },
        source: join(cwd, 'docker-compose.yaml'),
      },
    ]);
    expect(await runCli(['lint', '-f', 'json', '--ignore-unknown-format', '*.yaml'], { cwd })).toMatchObject({ status: 0, stdout: '[]\n', stderr: '' });
    // Named on the command line, it is still an error: the user asked for that very file.
    expect((await runCli(['lint', 'docker-compose.yaml'], { cwd })).status).toBe(2);
  });

  it('the unrecognized-format warning names the formats of the rules in force, as stock spectral lint does', async () => {
    const cwd = tempProject({ 'specs/docker-compose.yaml': NOT_OPENAPI, '.spectral.yaml': 'extends: [spectral:oas, spectral-webhooks]\n' });
    mkdirSync(join(cwd, 'node_modules'));
    symlinkSync(REPO_ROOT, join(cwd, 'node_modules', 'spectral-webhooks'), 'dir');
    const ours = await runCli(['lint', '-f', 'json', 'specs/*.yaml'], { cwd });
    const stock = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js'), 'lint', '-f', 'json', 'specs/*.yaml'], { cwd, encoding: 'utf8' });
    const messages = (stdout: string) => (JSON.parse(stdout) as Array<{ code: string; message: string }>).map(({ code, message }) => ({ code, message }));
    expect(ours.status).toBe(0);
    expect(messages(ours.stdout)).toEqual(messages(stock.stdout));
    expect(messages(ours.stdout)[0]!.message).toContain('OpenAPI 3.1.x');
  });

  it('a URL argument is refused in one line that says how to lint it', async () => {
    const run = await runCli(['lint', 'https://example.com/openapi.yaml'], { cwd: tempProject({}) });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      "spectral-webhooks: https://example.com/openapi.yaml: URLs are not fetched (a lint run stays off the network); pipe it in: curl -fsSL 'https://example.com/openapi.yaml' | spectral-webhooks lint - --stdin-filepath openapi.yaml\n",
    );
  });

  it('the summary says how many problems --fix could repair', async () => {
    const run = await runCli(['lint', 'openapi.yaml'], { cwd: tempProject({ 'openapi.yaml': FIXABLE }) });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✖ 3 problems (3 errors, 0 warnings, 0 infos, 0 hints)\n  3 of them potentially fixable with the `--fix` option (`--fix-dry-run` shows the changes).\n');
  });

  it('--color forces colour into a pipe; --no-color wins over FORCE_COLOR', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    expect((await runCli(['lint', 'openapi.yaml'], { cwd })).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', '--color', 'openapi.yaml'], { cwd })).stdout).toContain('\u001b[');
    expect((await runCli(['lint', '--no-color', 'openapi.yaml'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('.spectral-webhooks-ignore and --ignore-pattern leave files out of globs and directories; --no-ignore reads them again', async () => {
    const cwd = tempProject({ 'api/openapi.yaml': ERROR_AND_WARNING, 'legacy/old.yaml': ERROR_AND_WARNING, 'vendor/third.yaml': ERROR_AND_WARNING });
    const linted = async (args: string[]) => sources((await runCli(['lint', '-f', 'json', ...args], { cwd })).stdout).filter((value, index, all) => all.indexOf(value) === index);
    expect(await linted(['**/*.yaml'])).toEqual(['api/openapi.yaml', 'legacy/old.yaml', 'vendor/third.yaml']);
    expect(await linted(['--ignore-pattern', 'legacy/', '.'])).toEqual(['api/openapi.yaml', 'vendor/third.yaml']);
    writeFileSync(join(cwd, '.spectral-webhooks-ignore'), '# third-party specs\nvendor/\n');
    expect(await linted(['**/*.yaml'])).toEqual(['api/openapi.yaml', 'legacy/old.yaml']);
    expect(await linted(['--ignore-pattern', 'legacy/*.yaml', '**/*.yaml'])).toEqual(['api/openapi.yaml']);
    expect(await linted(['--no-ignore', '**/*.yaml'])).toHaveLength(3);
    const verbose = await runCli(['lint', '-v', '**/*.yaml'], { cwd });
    expect(verbose.stderr).toContain('spectral-webhooks: skipped vendor/third.yaml: ignored (--ignore-pattern or .spectral-webhooks-ignore)');
  });

  it('--fix-dry-run and --fix on stdin print the fixed document on stdout, the notes and report on stderr', async () => {
    const cwd = tempProject({});
    mkdirSync(join(cwd, 'api'));
    for (const flag of ['--fix-dry-run', '--fix']) {
      const run = await runCli(['lint', '-', flag, '--stdin-filepath', 'api/openapi.yaml'], { cwd, input: FIXABLE });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(
        FIXABLE.replace('http://hooks', 'https://hooks')
          .replace("  /_webhooks/stripe:\n    post:\n", "  /_webhooks/stripe:\n    post:\n      x-internal: true\n")
          .replace('/hooks/github:', '/_webhooks/github:'),
      );
      const verb = flag === '--fix' ? 'fixed' : 'would fix';
      expect(run.stderr).toContain(`api/openapi.yaml:4:5 ${verb} webhook-https`);
      expect(run.stderr).toContain('No problems found in 1 file.');
    }
  });

  it('--fix-dry-run on stdin without --stdin-filepath edits JSON as JSON', async () => {
    const json = JSON.stringify(
      { openapi: '3.1.0', info: { title: 'Hooks', version: '1.0.0' }, security: [{ key: [] }], paths: { '/_webhooks/github': { post: { responses: { '204': { description: 'Received' } } } } }, components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } },
      null,
      2,
    );
    const run = await runCli(['lint', '-', '--fix-dry-run'], { cwd: tempProject({}), input: json });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { paths: Record<string, { post: Record<string, unknown> }> }).paths['/_webhooks/github']!.post['x-internal']).toBe(true);
  });

  it('--print-config prints the rules in force for a file, after the config and its overrides, and lints nothing', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      'legacy/old.yaml': ERROR_AND_WARNING,
      '.spectral.yaml': 'extends: [spectral-webhooks]\nrules:\n  webhook-https: off\noverrides:\n  - files: ["legacy/**"]\n    rules:\n      webhook-path-prefix: warn\n',
    });
    const run = await runCli(['lint', '--print-config', 'legacy/old.yaml'], { cwd });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const config = JSON.parse(run.stdout) as { file: string; config: string; profile: null; rules: Record<string, string> };
    expect(config).toMatchObject({ file: 'legacy/old.yaml', config: '.spectral.yaml', profile: null });
    expect(config.rules).toMatchObject({ 'webhook-https': 'off', 'webhook-path-prefix': 'warn', 'webhook-method-post': 'warn' });
    const main = JSON.parse((await runCli(['lint', '--print-config', 'openapi.yaml'], { cwd })).stdout) as { rules: Record<string, string> };
    expect(main.rules['webhook-path-prefix']).toBe('error');
    // Without a config, read directly: the profile's rules are listed, off until --profile turns them on.
    const plain = async (args: string[]) => (JSON.parse((await runCli(['lint', '--no-config', ...args, '--print-config', 'openapi.yaml'], { cwd })).stdout) as { rules: Record<string, string> }).rules;
    expect((await plain([]))['standard-webhooks-headers']).toBe('off');
    expect((await plain(['--profile', 'standard-webhooks']))['standard-webhooks-headers']).toBe('error');
  });

  it('lint --help shows each default once', async () => {
    const run = await runCli(['lint', '--help']);
    expect(run.stdout).toContain('(default: stylish)');
    expect(run.stdout).not.toContain('(default: [])');
    expect(run.stdout).not.toContain('(default: {})');
  });
});
