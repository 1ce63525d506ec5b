import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChanges } from '../../src/fix/fix-command';
import { fixDocument } from '../../src/fix/fix-document';
import { spectralWebhooks } from './support';
import { tempFolder } from '../support/temp';

const SECURITY = `security:
  - secret: []
components:
  securitySchemes:
    secret: {type: apiKey, in: header, name: X-Secret}
`;

/** A 3.1 document with one receiver at `path`, served by `method` and marked x-internal. */
function oneReceiver(path: string, method: string): string {
  return `openapi: 3.1.0
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
${SECURITY}paths:
  ${path}:
    ${method}:
      x-internal: true
      responses: {'204': {description: ok}}
`;
}

function write(name: string, text: string): string {
  const folder = tempFolder('spectral-webhooks-edit-');
  writeFileSync(join(folder, name), text);
  return join(folder, name);
}

async function fixText(name: string, text: string) {
  const file = write(name, text);
  const result = await fixDocument(file);
  return { file, result, after: result.changes.find((change) => change.path === file)?.after ?? text };
}

describe('--fix edits', () => {
  it('does not edit an operation shared through a YAML alias, and says why', async () => {
    const { result, after } = await fixText(
      'openapi.yaml',
      `openapi: 3.1.0
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
${SECURITY}x-shared: &shared
  responses: {'204': {description: ok}}
paths:
  /_webhooks/a:
    post: *shared
`,
    );
    expect(after).toContain('post: *shared');
    expect(result.refused.map((refusal) => [refusal.finding.ruleId, refusal.reason])).toEqual([
      ['webhook-x-internal', 'it is shared through the YAML alias *shared; edit the anchor by hand'],
    ]);
  });

  it('does not move a receiver that names no producer (/api/hooks) to a path that still names none', async () => {
    const text = oneReceiver('/api/hooks', 'post');
    const { result, after } = await fixText('openapi.yaml', text);
    expect(after).toBe(text);
    expect(result.refused.map((refusal) => [refusal.finding.ruleId, refusal.reason])).toEqual([
      ['webhook-path-prefix', '"/api/hooks" names no producer; only a person knows which producer calls it: move it to /_webhooks/<producer>/...'],
    ]);
  });

  it('overrides an x-internal that comes through a YAML merge key with an own key', async () => {
    const { result, after } = await fixText(
      'openapi.yaml',
      `openapi: 3.1.0
info: {title: t, version: '1'}
servers: [{url: 'https://api.example.com'}]
${SECURITY}x-defaults: &defaults
  x-internal: false
paths:
  /_webhooks/a:
    post:
      <<: *defaults
      responses: {'204': {description: ok}}
`,
    );
    expect(after).toContain(`    post:\n      <<: *defaults\n      x-internal: true\n      responses:`);
    expect(after).toContain('x-defaults: &defaults\n  x-internal: false\n');
    expect(result.results.filter((finding) => finding.code === 'webhook-x-internal')).toEqual([]);
  });

  it('inserts into tab-indented JSON with tabs, and into one-line JSON without line breaks', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ secret: [] }],
      paths: { '/_webhooks/a': { post: { responses: { '204': { description: 'ok' } } } } },
      components: { securitySchemes: { secret: { type: 'apiKey', in: 'header', name: 'X-Secret' } } },
    };
    const tabs = await fixText('openapi.json', JSON.stringify(document, null, '\t'));
    expect(tabs.after).toContain('\t\t"/_webhooks/a": {\n\t\t\t"post": {\n\t\t\t\t"x-internal": true,\n\t\t\t\t"responses"');
    const oneLine = await fixText('openapi.json', JSON.stringify(document));
    expect(oneLine.after).toBe(JSON.stringify(document).replace('"post":{', '"post":{"x-internal": true,'));
  });

  it('keeps a byte order mark', async () => {
    const { file, result } = await fixText(
      'openapi.yaml',
      `\uFEFFopenapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://api.example.com'}]\n${SECURITY}paths:\n  /_webhooks/Stripe:\n    post: {x-internal: true, responses: {'204': {description: ok}}}\n`,
    );
    await writeChanges(result.changes);
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('\uFEFFopenapi: 3.1.0\n')).toBe(true);
    expect(written).toContain('  /_webhooks/stripe:\n');
  });

  it('renames a key inside a flow mapping in place', async () => {
    const { after } = await fixText(
      'openapi.yaml',
      `openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://api.example.com'}]\n${SECURITY}paths: {/hooks/stripe: {post: {x-internal: true, responses: {'204': {description: ok}}}}}\n`,
    );
    expect(after).toContain('paths: {/_webhooks/stripe: {post: {x-internal: true,');
  });

  it('does not overwrite a file that changed on disk since it was read', async () => {
    const { file, result } = await fixText(
      'openapi.yaml',
      `openapi: 3.1.0\ninfo: {title: t, version: '1'}\nservers: [{url: 'https://api.example.com'}]\n${SECURITY}paths:\n  /hooks/stripe:\n    post: {x-internal: true, responses: {'204': {description: ok}}}\n`,
    );
    const someoneElses = readFileSync(file, 'utf8') + '# edited meanwhile\n';
    writeFileSync(file, someoneElses);
    await expect(writeChanges(result.changes)).rejects.toThrow('changed on disk since it was read; not overwritten (run again)');
    expect(readFileSync(file, 'utf8')).toBe(someoneElses);
  });
});

describe('lint --fix on the command line', () => {
  const text = oneReceiver('/hooks/stripe', 'get');

  it('--fix-dry-run writes nothing, prints the diff, and exits 1 when an unfixable error remains', async () => {
    const file = write('openapi.yaml', text.replace('security:\n  - secret: []\n', ''));
    const run = await spectralWebhooks(['lint', '--fix-dry-run', 'openapi.yaml'], join(file, '..'));
    expect(readFileSync(file, 'utf8')).toBe(text.replace('security:\n  - secret: []\n', ''));
    expect(run.stdout).toContain('-  /hooks/stripe:\n+  /_webhooks/stripe:\n');
    expect(run.stdout).toContain('webhook-security');
    expect(run.stderr).toContain('openapi.yaml:8:3 would fix webhook-path-prefix: renamed "/hooks/stripe" to "/_webhooks/stripe"\n');
    expect(run.stderr).toContain('1 problem would be fixed\n');
    expect(run.status).toBe(1);
  });

  it('--fix-dry-run with -f json keeps stdout the JSON of what remains; the diffs go to stderr', async () => {
    const file = write('openapi.yaml', text);
    const run = await spectralWebhooks(['lint', '--fix-dry-run', '-f', 'json', 'openapi.yaml'], join(file, '..'));
    expect((JSON.parse(run.stdout) as Array<{ code: string }>).map((finding) => finding.code)).toEqual(['webhook-method-post']);
    expect(run.stderr).toContain('-  /hooks/stripe:\n+  /_webhooks/stripe:\n');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses --fix together with --fix-dry-run (exit 2) and writes nothing', async () => {
    const file = write('openapi.yaml', text);
    const run = await spectralWebhooks(['lint', '--fix', '--fix-dry-run', 'openapi.yaml'], join(file, '..'));
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'spectral-webhooks: --fix writes the fixes and --fix-dry-run only shows them: pass one of them\n' });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('--fix with -f json keeps stdout the JSON of what remains; the fix report goes to stderr', async () => {
    const file = write('openapi.yaml', text);
    const run = await spectralWebhooks(['lint', '--fix', '-f', 'json', 'openapi.yaml'], join(file, '..'));
    const remaining = JSON.parse(run.stdout) as Array<{ code: string }>;
    expect(remaining.map((finding) => finding.code)).toEqual(['webhook-method-post']);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('/hooks/stripe', '/_webhooks/stripe'));
    expect(run.stderr).toContain('1 problem fixed\n');
    expect(run.status).toBe(0);
  });
});
