import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentSource } from '../../src/fs/document-source';
import { isInside } from '../../src/fs/project';
import { readTree } from './support';
import { runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';

// --fix reads through the same door as lint (src/fs/document-source.ts): what lint refuses, --fix refuses with the
// same message and exit 2, changing no byte and writing nothing outside the project.

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A parent folder holding `project/` (a git repository) and `elsewhere/` beside it, outside the project. */
function workspace(files: Record<string, string | Buffer>): { root: string; project: string } {
  const root = realpathSync(tempFolder('spectral-webhooks-door-'));
  folders.push(root);
  mkdirSync(join(root, 'project', '.git'), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return { root, project: join(root, 'project') };
}

function snapshot(root: string): Record<string, Buffer> {
  const tree: Record<string, Buffer> = {};
  for (const name of Object.keys(readTree(root))) tree[name] = readFileSync(join(root, name));
  return tree;
}

const cli = (args: string[], cwd: string) => runCli(args, { cwd, env: { NO_COLOR: '1' } });

/** A receiver the fixes would move and mark (webhook-path-prefix, webhook-x-internal), with `extra` in its response. */
function receiverDocument(extra = ''): string {
  return `openapi: 3.0.3
info:
  title: orders
  version: "1"
paths:
  /hooks/stripe:
    post:
      responses:
        "200":
          description: ok
${extra}`;
}

describe('--fix refuses what lint refuses', () => {
  it('a YAML file holding a Latin-1 byte: exit 2 with lint\'s message, the bytes unchanged', async () => {
    const bytes = Buffer.from(receiverDocument().replace('title: orders', 'title: caf\u00e9'), 'latin1');
    expect(bytes.includes(0xe9)).toBe(true);
    const { root, project } = workspace({ 'project/openapi.yaml': bytes });
    const before = snapshot(root);

    const lint = await cli(['lint', 'openapi.yaml'], project);
    expect(lint.status).toBe(2);
    expect(lint.stderr).toBe('spectral-webhooks: openapi.yaml:3:13: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n');
    for (const flag of ['--fix', '--fix-dry-run']) {
      const fix = await cli(['lint', flag, 'openapi.yaml'], project);
      expect(fix.status).toBe(2);
      expect(fix.stderr).toBe(lint.stderr);
      expect(fix.stdout).toBe('');
      expect(snapshot(root)).toEqual(before);
    }
  });

  it('an operationRef to a file outside the project: exit 2 with lint\'s message, nothing written in or out of it', async () => {
    const back = `paths:\n  /orders:\n    get:\n      responses:\n        "200":\n          description: ok\n          links:\n            hook:\n              operationRef: '../project/openapi.yaml#/paths/~1hooks~1stripe/post'\n`;
    const link = `          links:\n            order:\n              operationRef: '../elsewhere/orders.yaml#/paths/~1orders/get'\n`;
    const { root, project } = workspace({
      'project/openapi.yaml': receiverDocument(link),
      'project/with-ref.yaml': receiverDocument().replace('    post:\n', "    $ref: '../elsewhere/item.yaml'\n    post:\n"),
      'elsewhere/orders.yaml': `openapi: 3.0.3\ninfo: {title: shared, version: "1"}\n${back}`,
      'elsewhere/item.yaml': 'description: outside\n',
    });
    // What lint says of a file outside the project (it reads no operationRef, so a $ref to the same folder shows it).
    const lint = await cli(['lint', '-f', 'json', 'with-ref.yaml'], project);
    const refusal = (JSON.parse(lint.stdout) as Array<{ code: string; message: string }>).find((result) => result.code === 'invalid-ref');
    expect(refusal?.message).toBe(`${join(root, 'elsewhere', 'item.yaml')} is outside the project (${project}); $refs may only read files inside it`);
    const before = snapshot(root);

    for (const flag of ['--fix', '--fix-dry-run']) {
      const fix = await cli(['lint', flag, 'openapi.yaml'], project);
      expect(fix.status).toBe(2);
      expect(fix.stderr).toBe(`spectral-webhooks: openapi.yaml:13:15: ${join(root, 'elsewhere', 'orders.yaml')} is outside the project (${project}); $refs may only read files inside it\n`);
      expect(snapshot(root)).toEqual(before);
    }
  });

  it('a $ref to a project file that is not UTF-8: exit 2 with the message of lint\'s invalid-ref finding, at the $ref', async () => {
    const item = Buffer.from('post:\n  description: caf\u00e9\n  responses:\n    "200":\n      description: ok\n', 'latin1');
    const { root, project } = workspace({
      'project/openapi.yaml': "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /hooks/stripe:\n    $ref: 'item.yaml'\n",
      'project/item.yaml': item,
    });
    const lint = await cli(['lint', '-f', 'json', 'openapi.yaml'], project);
    expect(lint.status).toBe(1);
    const invalid = (JSON.parse(lint.stdout) as Array<{ code: string; message: string }>).find((result) => result.code === 'invalid-ref');
    expect(invalid?.message).toBe(`${join(project, 'item.yaml')}:2:19: not valid UTF-8 (byte 0xe9); save the file as UTF-8`);
    const before = snapshot(root);
    const fix = await cli(['lint', '--fix', 'openapi.yaml'], project);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toBe(`spectral-webhooks: openapi.yaml:5:5: ${invalid?.message}\n`);
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps a UTF-8 byte order mark and every byte the fixes did not mean to change', async () => {
    const text = receiverDocument().replace('title: orders', 'title: café ☕');
    const { project } = workspace({ 'project/openapi.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    const fix = await cli(['lint', '--fix', 'openapi.yaml'], project);
    expect(fix.stderr).toContain('fixed webhook-path-prefix: renamed "/hooks/stripe" to "/_webhooks/stripe"');
    const after = readFileSync(join(project, 'openapi.yaml'));
    const expected = text.replace('/hooks/stripe:', '/_webhooks/stripe:').replace('    post:\n', '    post:\n      x-internal: true\n');
    expect(after).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected)]));
  });
});

describe('the project boundary', () => {
  it('is judged on path segments: a file named ..notes.yaml is inside, ../notes.yaml is not', () => {
    expect(isInside('/work/api/..notes.yaml', '/work/api')).toBe(true);
    expect(isInside('/work/api/docs/../..x/a.yaml', '/work/api')).toBe(true);
    expect(isInside('/work/api/../x.yaml', '/work/api')).toBe(false);
    expect(isInside('/work/api', '/work/api')).toBe(true);
    expect(isInside('/work/notes.yaml', '/work/api')).toBe(false);
    expect(isInside('/work/api-other/a.yaml', '/work/api')).toBe(false);
  });

  it('lets a $ref read a project file whose name starts with two dots', async () => {
    const { project } = workspace({
      'project/openapi.yaml': "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /_webhooks/stripe:\n    $ref: '..stripe.yaml'\n",
      'project/..stripe.yaml': 'post:\n  x-internal: true\n  responses:\n    "200": {description: ok}\n',
    });
    const source = new DocumentSource({ cwd: project });
    source.beginDocument(join(project, 'openapi.yaml'));
    expect(source.readReferenced(join(project, '..stripe.yaml'))).toContain('x-internal: true');
    expect(() => source.readReferenced(join(project, '..', 'outside.yaml'))).toThrow(/is outside the project/);
    const lint = await cli(['lint', '-f', 'json', 'openapi.yaml'], project);
    expect((JSON.parse(lint.stdout) as Array<{ code: string }>).map((result) => result.code)).not.toContain('invalid-ref');
  });
});
