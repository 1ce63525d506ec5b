import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/run-cli';
import { ERROR_AND_WARNING } from '../support/cli-documents';

interface Result {
  code: string;
  severity: number;
  path: string[];
}

async function lintJson(cwd: string, args: string[] = []): Promise<{ status: number | null; stderr: string; results: Result[] }> {
  const run = await runCli(['lint', '-f', 'json', ...args, 'openapi.yaml'], { cwd });
  return { status: run.status, stderr: run.stderr, results: run.stdout ? (JSON.parse(run.stdout) as Result[]) : [] };
}

const codes = (results: Result[]) => results.map((result) => `${result.code}:${result.severity}`);

describe('config: a .spectral.* ruleset layered over the webhook rules', { timeout: 120_000 }, () => {
  it('changes a severity and turns a rule off, with extends: spectral-webhooks resolved without installing it', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      '.spectral.yaml': 'extends: [spectral-webhooks]\nrules:\n  webhook-method-post: error\n  webhook-path-prefix: off\n',
    });
    const run = await lintJson(cwd);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(codes(run.results)).toEqual(['webhook-method-post:0']);
  });

  it('layers over our rules even when the config does not extend them', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING, '.spectral.json': JSON.stringify({ rules: { 'webhook-path-prefix': 'warn' } }) });
    const run = await lintJson(cwd);
    expect(run.status).toBe(0);
    expect(codes(run.results)).toEqual(['webhook-path-prefix:1', 'webhook-method-post:1']);
  });

  it('applies overrides by file and JSON path', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      '.spectral.yaml': [
        'extends: spectral-webhooks',
        'overrides:',
        '  - files: ["openapi.yaml#/paths/~1hooks~1stripe"]',
        '    rules:',
        '      webhook-path-prefix: off',
        '',
      ].join('\n'),
    });
    const run = await lintJson(cwd);
    expect(run.status).toBe(0);
    expect(codes(run.results)).toEqual(['webhook-method-post:1']);
  });

  it('adds rules from extends: spectral:oas and the config\'s own rules', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      '.spectral.yaml': [
        'extends: [spectral:oas]',
        'rules:',
        '  title-says-api:',
        '    given: $.info.title',
        '    severity: error',
        '    then:',
        '      function: pattern',
        '      functionOptions: { match: "API$" }',
        '',
      ].join('\n'),
    });
    const run = await lintJson(cwd);
    expect(run.status).toBe(1);
    const found = new Set(run.results.map((result) => result.code));
    for (const code of ['webhook-path-prefix', 'webhook-method-post', 'info-contact', 'operation-operationId', 'title-says-api']) expect(found).toContain(code);
  });

  it('loads a JavaScript ruleset that requires spectral-webhooks', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      '.spectral.js': 'const webhooks = require("spectral-webhooks");\nmodule.exports = { extends: [webhooks], rules: { "webhook-method-post": "off" } };\n',
    });
    const run = await lintJson(cwd);
    expect(run.stderr).toBe('');
    expect(codes(run.results)).toEqual(['webhook-path-prefix:0']);
  });

  it('finds the config in a parent folder up to the git root, and not above it', async () => {
    const cwd = tempProject({
      '.spectral.yaml': 'rules:\n  webhook-path-prefix: off\n',
      'repo/.spectral.yaml': 'rules:\n  webhook-method-post: off\n',
      'repo/api/v1/openapi.yaml': ERROR_AND_WARNING,
      'outside/openapi.yaml': ERROR_AND_WARNING,
    });
    mkdirSync(join(cwd, 'repo', '.git'));
    const inRepo = await lintJson(join(cwd, 'repo', 'api', 'v1'));
    expect(codes(inRepo.results)).toEqual(['webhook-path-prefix:0']);
    // Outside any repository only the working directory is searched: the parent's config does not apply.
    const outside = await lintJson(join(cwd, 'outside'));
    expect(codes(outside.results)).toEqual(['webhook-path-prefix:0', 'webhook-method-post:1']);
  });

  it('uses the ruleset given with -r, and ignores discovered ones with --no-config', async () => {
    const cwd = tempProject({
      'openapi.yaml': ERROR_AND_WARNING,
      '.spectral.yaml': 'rules:\n  webhook-path-prefix: off\n',
      'rulesets/strict.yaml': 'extends: spectral-webhooks\nrules:\n  webhook-method-post: error\n',
    });
    expect(codes((await lintJson(cwd)).results)).toEqual(['webhook-method-post:1']);
    expect(codes((await lintJson(cwd, ['-r', 'rulesets/strict.yaml'])).results)).toEqual(['webhook-path-prefix:0', 'webhook-method-post:0']);
    expect(codes((await lintJson(cwd, ['--no-config'])).results)).toEqual(['webhook-path-prefix:0', 'webhook-method-post:1']);
  });
});

describe('config: a ruleset that cannot be used is exit 2 with one line', { timeout: 120_000 }, () => {
  const cases: Array<{ name: string; files: Record<string, string>; args?: string[]; stderr: RegExp }> = [
    {
      name: 'an unknown rule id, located',
      files: { '.spectral.yaml': 'extends: spectral-webhooks\nrules:\n  webhook-path-prefx: off\n' },
      stderr: /^spectral-webhooks: \.spectral\.yaml:3:\d+: unknown rule "webhook-path-prefx": no ruleset this config extends defines it/,
    },
    {
      name: 'an invalid severity, located',
      files: { '.spectral.yaml': 'rules:\n  webhook-https: loud\n' },
      stderr: /^spectral-webhooks: \.spectral\.yaml:2:\d+: invalid ruleset: rules\.webhook-https must be a severity \(error, warn, info, hint, off\) or true\/false\n$/,
    },
    {
      name: 'broken YAML, located',
      files: { '.spectral.yaml': 'rules: [\n' },
      stderr: /^spectral-webhooks: \.spectral\.yaml:\d+:\d+: cannot parse ruleset YAML: /,
    },
    {
      name: 'a JavaScript ruleset that throws',
      files: { '.spectral.js': 'throw new Error("boom");\n' },
      stderr: /^spectral-webhooks: \.spectral\.js: invalid ruleset: boom$/m,
    },
    {
      name: 'a missing -r file',
      files: {},
      args: ['-r', 'nope.yaml'],
      stderr: /^spectral-webhooks: nope\.yaml: ruleset file not found$/m,
    },
  ];
  for (const { name, files, args = [], stderr } of cases) {
    it(name, async () => {
      const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING, ...files });
      const run = await runCli(['lint', ...args, 'openapi.yaml'], { cwd });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(stderr);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});
