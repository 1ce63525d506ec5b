import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runSpectral } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * x-lint-ignore is honoured by the rules themselves, so stock `spectral lint` with `extends` on our built ruleset
 * must say exactly what our CLI says: the same suppressed findings, the same webhook-lint-ignore warnings.
 */

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
  const dir = tempFolder('spectral-webhooks-extends-');
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A 3.1 document served over https with an API key required everywhere: receivers need no more than x-internal. */
const HEAD = `openapi: 3.1.0
info: { title: Example, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
paths:
`;

const SPEC = `${HEAD}  /_webhooks/meta:
    get:
      x-internal: true
      x-lint-ignore:
        webhook-method-post: Meta verifies the endpoint with a GET handshake
      responses: { '200': { description: Challenge echoed } }
  /_webhooks/stripe:
    get:
      x-internal: true
      responses: { '204': { description: Received } }
  /_webhooks/sendgrid:
    post:
      x-internal: true
      x-lint-ignore: [webhook-methd-post]
      responses: { '204': { description: Received } }
  /_webhooks/github:
    post:
      x-internal: true
      x-lint-ignore: webhook-method-post
      responses: { '204': { description: Received } }
  /hooks/legacy-partner:
    x-lint-ignore:
      webhook-path-prefix: Partner hard-coded this URL
    post:
      x-internal: true
      responses: { '204': { description: Received } }
`;

interface Result {
  code: string;
  path: string[];
  message: string;
}

/** Our CLI and the real spectral-cli on the same folder: their JSON results. */
async function both(dir: string, file = 'openapi.yaml'): Promise<{ spectral: Result[]; ours: Result[] }> {
  const env = { NO_COLOR: '1' };
  const [spectral, ours] = await Promise.all([
    runSpectral(['lint', '-f', 'json', '--quiet', file], { cwd: dir, env }),
    runCli(['lint', '-f', 'json', file], { cwd: dir, env }),
  ]);
  return { spectral: JSON.parse(spectral.stdout) as Result[], ours: JSON.parse(ours.stdout) as Result[] };
}

const summary = (results: Result[]) => results.map((result) => `${result.code} ${result.path.join(' > ')}`).sort();
const comparable = (results: Result[]) => results.map((result) => JSON.stringify([result.code, result.path, result.message])).sort();

describe('x-lint-ignore under the real Spectral CLI', { timeout: 120_000 }, () => {
  it('extends the built ruleset and reports exactly what spectral-webhooks reports', async () => {
    const dir = folderWith({
      '.spectral.yaml': `extends:\n  - ${JSON.stringify(join(REPO_ROOT, 'dist', 'spectral-webhooks.mjs'))}\n`,
      'openapi.yaml': SPEC,
    });
    const { spectral: spectralResults, ours: ourResults } = await both(dir);
    expect(summary(spectralResults)).toEqual([
      'webhook-lint-ignore paths > /_webhooks/github > post > x-lint-ignore',
      'webhook-lint-ignore paths > /_webhooks/sendgrid > post > x-lint-ignore > 0',
      'webhook-method-post paths > /_webhooks/stripe > get',
    ]);
    expect(spectralResults.find((result) => result.path.includes('/_webhooks/sendgrid'))?.message).toContain('did you mean "webhook-method-post"?');
    expect(spectralResults.find((result) => result.path.includes('/_webhooks/github'))?.message).toContain('suppresses nothing');
    expect(comparable(ourResults)).toEqual(comparable(spectralResults));
  });

  // The reproduction: a config whose webhook-path-prefix takes one more receiver word. The ignore on the path
  // it names suppresses that rule's finding, so webhook-lint-ignore must not call it stale (it did, judging against the
  // package defaults), in our CLI and under stock Spectral alike. (The issue used `notify`, which the receiver
  // classifier now knows by default; `inbox` is a word only the config adds.)
  const NOTIFY_SPEC = (ignore: boolean) => `${HEAD}  /payments/inbox:
${ignore ? '    x-lint-ignore:\n      webhook-path-prefix: The payment provider calls this URL; moving it needs their release\n' : ''}    post:
      responses: { '204': { description: Received } }
`;
  const NOTIFY_CONFIG = `import webhooks from ${JSON.stringify(join(REPO_ROOT, 'dist', 'spectral-webhooks.mjs'))};
const prefix = webhooks.rules['webhook-path-prefix'];
export default {
  extends: [webhooks],
  rules: { 'webhook-path-prefix': { ...prefix, then: { ...prefix.then, functionOptions: { receiverWords: ['inbox'] } } } },
};
`;

  it("judges an ignore by the rules in force, options included: receiverWords ['inbox'] (our CLI and spectral-cli)", async () => {
    const withIgnore = await both(folderWith({ '.spectral.mjs': NOTIFY_CONFIG, 'openapi.yaml': NOTIFY_SPEC(true) }));
    for (const results of [withIgnore.ours, withIgnore.spectral]) expect(summary(results)).toEqual([]);
    // Following the old advice (remove the ignore) brings the finding back: the ignore does suppress it.
    const without = await both(folderWith({ '.spectral.mjs': NOTIFY_CONFIG, 'openapi.yaml': NOTIFY_SPEC(false) }));
    for (const results of [without.ours, without.spectral]) expect(summary(results)).toEqual(['webhook-path-prefix paths > /payments/inbox']);
    // With the package defaults, `inbox` is no receiver word and the same ignore is stale: both say so.
    const defaults = await both(folderWith({ '.spectral.yaml': `extends:\n  - ${JSON.stringify(join(REPO_ROOT, 'dist', 'spectral-webhooks.mjs'))}\n`, 'openapi.yaml': NOTIFY_SPEC(true) }));
    for (const results of [defaults.ours, defaults.spectral]) {
      expect(summary(results)).toEqual(['webhook-lint-ignore paths > /payments/inbox > x-lint-ignore > webhook-path-prefix']);
    }
    expect(comparable(defaults.ours)).toEqual(comparable(defaults.spectral));
  });
});
