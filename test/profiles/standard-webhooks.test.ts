import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import base from '../../rules';
import { createDocument } from '../../src/lint/load-document';
import { createLinter } from '../../src/lint/linter';
import { runProgram, runSpectral } from '../support/run-cli';
import { tempFolder } from '../support/temp';

const repoRoot = resolve(__dirname, '..', '..');

/** A GitHub-style webhook: signed and identified, but with neither Standard Webhooks headers nor envelope. */
const DOCUMENT = `openapi: 3.1.0
info: { title: Example, version: 1.0.0, x-webhook-retry: { attempts: 5 } }
webhooks:
  push:
    post:
      parameters:
        - { name: X-GitHub-Delivery, in: header, required: true, schema: { type: string } }
        - { name: X-Hub-Signature-256, in: header, required: true, schema: { type: string } }
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { ref: { type: string }, version: { type: string } } } } } }
      responses: { '200': { description: OK } }
`;

const EXPECTED = [
  ['standard-webhooks-envelope', 1, 'webhooks.push.post.requestBody.content.application/json.schema'],
  ['standard-webhooks-headers', 0, 'webhooks.push.post'],
];

const summary = (results: Array<{ code: string | number; severity: number; path: Array<string | number> }>) =>
  results.map((result) => [String(result.code), result.severity, result.path.join('.')]).sort();

describe('the Standard Webhooks profile', () => {
  let folder: string;
  beforeAll(() => {
    // A project that installed spectral-webhooks: the package resolves through its `exports` (dist/ is built by npm test).
    folder = tempFolder('spectral-webhooks-profile-');
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(repoRoot, join(folder, 'node_modules', 'spectral-webhooks'), 'dir');
    writeFileSync(join(folder, 'api.yaml'), DOCUMENT);
    writeFileSync(join(folder, '.spectral.yaml'), 'extends: ["spectral-webhooks/standard-webhooks"]\n');
  });

  it('is off in the base ruleset', async () => {
    const results = await createLinter().lint(createDocument(DOCUMENT, join(folder, 'api.yaml')));
    expect(summary(results)).toEqual([]);
  });

  it('adds its two rules to the base ruleset through our linter', async () => {
    const profile = (await import('../../rules/profiles/standard-webhooks')).default as RulesetDefinition;
    const results = await createLinter({ ruleset: profile }).lint(createDocument(DOCUMENT, join(folder, 'api.yaml')));
    expect(summary(results)).toEqual(EXPECTED);
    expect(Object.keys(base.rules)).toEqual(expect.arrayContaining(['standard-webhooks-headers', 'standard-webhooks-envelope']));
  });

  it('works through extends under the real Spectral CLI', { timeout: 90_000 }, async () => {
    const run = await runSpectral(['lint', 'api.yaml', '-r', '.spectral.yaml', '-f', 'json', '--quiet'], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(summary(JSON.parse(run.stdout))).toEqual(EXPECTED);
    expect(run.status).toBe(1);
  });

  it('exports the same ruleset to require and import (an ES module: `require(...).default`)', { timeout: 60_000 }, async () => {
    const script = `
      const viaRequire = require('spectral-webhooks/standard-webhooks').default;
      import('spectral-webhooks/standard-webhooks').then((esm) => {
        console.log(JSON.stringify([esm.default === viaRequire, Object.keys(viaRequire.rules), typeof viaRequire.extends[0][0].rules]));
      });`;
    const run = await runProgram(process.execPath, ['-e', script], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, ['standard-webhooks-headers', 'standard-webhooks-envelope'], 'object']);
  });
});
