/**
 * The package as a user gets it: `npm pack`, installed with the real `@stoplight/spectral-cli` into a project of its
 * own, extended from `.spectral.yaml`, loaded through its ESM entry and by the loaders editors use (the VS Code
 * extension's, Spectral's `bundleAndLoadRuleset`), type-checked, and configured the ways README and the docs pages
 * tell users to. One shared setup (one pack, one install) keeps this the suite's only slow test file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOrThrow } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/** Spawned through the tests' one spawn helper; rejects unless the command exits 0. */
const run = (file: string, args: string[], options: { cwd: string; env?: Record<string, string | undefined> }) => runOrThrow(file, args, { ...options, timeoutMs: 600_000 });
const repoRoot = join(__dirname, '..', '..');
/** What README's editor section tells users to write: `spectral:oas` and ours, as YAML, JSON and a JS ruleset. */
const EDITOR_CONFIGS: Record<string, string> = {
  'editor.spectral.yaml': 'extends: [spectral:oas, spectral-webhooks]\n',
  'editor.spectral.json': '{ "extends": ["spectral:oas", "spectral-webhooks"] }\n',
  // The VS Code extension fetches bare package imports of a JS ruleset from esm.sh: the installed file, by its path.
  'editor.spectral.js': `import { oas } from '@stoplight/spectral-rulesets';
import webhooks from './node_modules/spectral-webhooks/dist/spectral-webhooks.mjs';

export default { extends: [oas, webhooks] };
`,
  'editor-profile.spectral.yaml': 'extends: ["spectral-webhooks/standard-webhooks"]\n',
};

/** A TypeScript user of the package's types (ESM, nodenext): the rulesets are typed, not `any`. */
const TYPES_CHECK = `import webhooks from 'spectral-webhooks';
import profile from 'spectral-webhooks/standard-webhooks';

export const ids: string[] = Object.keys(webhooks.rules);
export const extended: unknown[] = profile.extends;
// @ts-expect-error: not a rule of the ruleset
export const missing = webhooks.rules['no-such-rule'];
`;
const fixture = (relative: string) => join(repoRoot, 'fixtures', relative);
const FIXTURES = [
  'consumer/compliant.yaml',
  'consumer/compliant.json',
  'consumer/swagger2.yaml',
  'consumer/multi-file/openapi.yaml',
  'examples/petstore-webhooks.yaml',
].map(fixture);
const CONSUMER_RULES = [
  'webhook-https',
  'webhook-method-post',
  'webhook-path-identifier',
  'webhook-path-kebab-case',
  'webhook-path-prefix',
  'webhook-security',
  'webhook-x-internal',
];

interface Finding {
  code: string;
  path: string[];
  source: string;
  severity: number;
  message: string;
}

/** What users compare: rule, where (file and JSON path), severity, message; in a stable order. */
function normalise(findings: Finding[]): Finding[] {
  return findings
    .map(({ code, path, source, severity, message }) => ({ code, path: path.map(String), source, severity, message }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Runs a command that exits 1 when it reports findings; anything but 0 or 1 fails with its stderr. */
async function runLinter(file: string, args: string[], cwd: string): Promise<string> {
  try {
    return (await run(file, args, { cwd })).stdout;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 1 && failed.stdout) return failed.stdout;
    throw new Error(`${file} ${args.join(' ')} exited ${failed.code}: ${failed.stderr ?? ''}${failed.stdout ?? ''}`);
  }
}

const ESM_SCRIPT = `
import { readFileSync } from 'node:fs';
import webhooks from 'spectral-webhooks';
import core from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import refResolver from '@stoplight/spectral-ref-resolver';
import readers from '@stoplight/json-ref-readers';

const spectral = new core.Spectral({ resolver: new refResolver.Resolver({ resolvers: { file: { resolve: readers.resolveFile } } }) });
spectral.setRuleset(webhooks);
const results = [];
for (const file of process.argv.slice(2)) {
  const parser = file.endsWith('.json') ? parsers.Json : parsers.Yaml;
  results.push(...(await spectral.run(new core.Document(readFileSync(file, 'utf8'), parser, file), { ignoreUnknownFormat: true })));
}
let profile = null;
if (process.env.WITH_PROFILE) profile = Object.keys((await import('spectral-webhooks/standard-webhooks')).default.rules);
process.stdout.write(JSON.stringify({ entry: import.meta.resolve('spectral-webhooks'), results, profile }));
`;

/** A team's own style rules beside ours, exempting receivers the two ways README shows. */
const TEAM_RULESET = `
extends: ["spectral-webhooks"]
aliases:
  TeamPaths:
    - "$.paths[?(!@property.includes('/_webhooks'))]"
rules:
  team-path-kebab-case:
    description: Path segments are kebab-case
    severity: error
    given: "#TeamPaths~"
    then:
      function: pattern
      functionOptions:
        match: "^(/([a-z0-9]+(-[a-z0-9]+)*|\\\\{[a-zA-Z0-9_]+\\\\}))*/?$"
  team-operation-id:
    description: Operations have an operationId
    severity: error
    given: "$.paths[*][get,put,post,delete,patch]"
    then: { field: operationId, function: truthy }
overrides:
  - files: ["**/*.yaml"]
    rules:
      webhook-method-post: error
      webhook-https: "off"
  - files: ["**#/paths/~1_webhooks~1stripe"]
    rules:
      team-operation-id: "off"
  - files: ["**#/paths/~1_webhooks~1*"]
    rules:
      team-operation-id: "off"
`;

const TEAM_DOCUMENT = `openapi: 3.1.0
info: { title: Team API, version: 1.0.0 }
servers: [{ url: http://api.example.com }]
security: [{ key: [] }]
paths:
  /userProfiles:
    get:
      responses: { '200': { description: OK } }
  /_webhooks/stripe:
    post:
      x-internal: true
      responses: { '204': { description: Received } }
  /_webhooks/sendgrid:
    get:
      x-internal: true
      responses: { '204': { description: Received } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`;

/** The docs page's way to pass webhook-path-prefix options: a JS ruleset that re-uses the packaged rule. */
const OPTIONS_RULESET = `import webhooks from 'spectral-webhooks';

const prefix = webhooks.rules['webhook-path-prefix'];

export default {
  extends: [webhooks],
  rules: {
    'webhook-path-prefix': { ...prefix, then: { ...prefix.then, functionOptions: { receiverWords: ['notify'], exemptPaths: ['^/internal/'] } } },
  },
};
`;

const OPTIONS_DOCUMENT = `openapi: 3.1.0
info: { title: Payments, version: 1.0.0 }
paths:
  /payments/notify:
    post:
      responses: { '204': { description: Received } }
  /internal/hooks/deploy:
    post:
      responses: { '204': { description: Received } }
`;

describe('the packed package, extended from a separate project', () => {
  let project: string;
  let server: Server | undefined;
  const outputs: Record<'ours' | 'extended' | 'dogfood' | 'esm' | 'team' | 'options' | 'url' | 'editor' | 'types', string> = {} as never;
  const oursByConfig: Record<string, string> = {};
  const profileBuilt = existsSync(join(repoRoot, 'dist', 'rules', 'profiles', 'standard-webhooks.js'));

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'rules', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
    project = tempFolder('spectral-webhooks-pack-');
    // dist/ is built by `npm test` before the tests run; --ignore-scripts keeps prepack from rebuilding it under the
    // feet of the CLI tests running beside this one.
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: repoRoot })).stdout) as Array<{ filename: string }>;
    const tarball = join(project, packed[0]!.filename);
    // The Spectral CLI version our own devDependency resolved to: already in the npm cache, and the one we test against.
    const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@stoplight', 'spectral-cli', 'package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-team-api', private: true }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `@stoplight/spectral-cli@${cliVersion}`], { cwd: project });

    writeFileSync(join(project, '.spectral.yaml'), 'extends: ["spectral-webhooks"]\n');
    writeFileSync(join(project, 'esm-lint.mjs'), ESM_SCRIPT);
    writeFileSync(join(project, 'team.spectral.yaml'), TEAM_RULESET);
    writeFileSync(join(project, 'team-api.yaml'), TEAM_DOCUMENT);
    writeFileSync(join(project, 'options.spectral.mjs'), OPTIONS_RULESET);
    writeFileSync(join(project, 'payments.yaml'), OPTIONS_DOCUMENT);
    for (const [name, text] of Object.entries(EDITOR_CONFIGS)) writeFileSync(join(project, name), text);
    copyFileSync(join(__dirname, 'editor-loader.cjs'), join(project, 'editor-loader.cjs'));
    writeFileSync(join(project, 'types-check.mts'), TYPES_CHECK);

    // The pinned-URL alternative: the installed package's files over loopback HTTP, as a CDN serves an npm package.
    const packageDir = join(project, 'node_modules', 'spectral-webhooks');
    server = createServer((request, response) => {
      const file = join(packageDir, normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
      if (!file.startsWith(packageDir + '/') || !existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    writeFileSync(join(project, 'url.spectral.yaml'), `extends: ["http://127.0.0.1:${port}/dist/spectral-webhooks.mjs"]\n`);

    const spectral = join(project, 'node_modules', '.bin', 'spectral');
    const esmEnv = profileBuilt ? { WITH_PROFILE: '1' } : {};
    const installedCli = join(project, 'node_modules', '.bin', 'spectral-webhooks');
    const editorConfigs = Object.keys(EDITOR_CONFIGS);
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    [outputs.ours, outputs.extended, outputs.dogfood, outputs.esm, outputs.team, outputs.options, outputs.url, outputs.editor, outputs.types] = await Promise.all([
      runLinter(process.execPath, [join(repoRoot, 'bin', 'spectral-webhooks.js'), 'lint', '-f', 'json', ...FIXTURES], repoRoot),
      runLinter(spectral, ['lint', '-f', 'json', ...FIXTURES], project),
      // This repository's own .spectral.yaml, which extends the local build.
      runLinter(join(repoRoot, 'node_modules', '.bin', 'spectral'), ['lint', '-f', 'json', ...FIXTURES], repoRoot),
      run(process.execPath, ['esm-lint.mjs', ...FIXTURES], { cwd: project, env: esmEnv }).then((result) => result.stdout),
      runLinter(spectral, ['lint', '-f', 'json', '-r', 'team.spectral.yaml', 'team-api.yaml'], project),
      runLinter(spectral, ['lint', '-f', 'json', '-r', 'options.spectral.mjs', 'payments.yaml'], project),
      runLinter(spectral, ['lint', '-f', 'json', '-r', 'url.spectral.yaml', ...FIXTURES], project),
      run(process.execPath, ['editor-loader.cjs', ...editorConfigs, '--', ...FIXTURES], { cwd: project }).then((result) => result.stdout),
      run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'types-check.mts'], { cwd: project })
        .then(() => 'ok')
        .catch((error: { stdout?: string }) => error.stdout ?? String(error)),
    ]);
    // The installed CLI with each editor config: what the editor must match.
    for (const config of editorConfigs) oursByConfig[config] = await runLinter(installedCli, ['lint', '-f', 'json', '-r', config, ...FIXTURES], project);
  }, 240_000);

  afterAll(() => {
    server?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('stock `spectral lint` with extends: ["spectral-webhooks"] reports exactly what our CLI reports', () => {
    const ours = normalise(JSON.parse(outputs.ours));
    expect(normalise(JSON.parse(outputs.extended))).toEqual(ours);
    // Every consumer rule fires somewhere in the fixtures, so the comparison covers all seven.
    expect([...new Set(ours.map((finding) => finding.code))].sort()).toEqual(CONSUMER_RULES);
    // And findings in other files of a multi-file document are located there, by both.
    expect(ours.filter((finding) => finding.source.includes(join('multi-file', 'paths'))).map((finding) => finding.code).sort()).toEqual(['webhook-https', 'webhook-x-internal']);
  });

  it('extends by URL of the one-file build (dist/spectral-webhooks.mjs) reports the same', () => {
    expect(normalise(JSON.parse(outputs.url))).toEqual(normalise(JSON.parse(outputs.ours)));
  });

  it("this repository's .spectral.yaml lints the fixtures with the local build, as our CLI does", () => {
    expect(normalise(JSON.parse(outputs.dogfood))).toEqual(normalise(JSON.parse(outputs.ours)));
  });

  it('the ESM entry (import "spectral-webhooks") gives the same findings through spectral-core', () => {
    const esm = JSON.parse(outputs.esm) as { entry: string; results: Finding[] };
    expect(esm.entry).toMatch(/node_modules\/spectral-webhooks\/dist\/spectral-webhooks\.mjs$/);
    expect(normalise(esm.results)).toEqual(normalise(JSON.parse(outputs.ours)));
  });

  it.skipIf(!profileBuilt)('the ESM entry of the Standard Webhooks profile loads its rules', () => {
    const esm = JSON.parse(outputs.esm) as { profile: string[] | null };
    expect(esm.profile?.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(EDITOR_CONFIGS))(
    'the VS Code extension and bundleAndLoadRuleset load %s, and lint exactly as our CLI does with it',
    (config) => {
      const editor = JSON.parse(outputs.editor) as Record<string, Record<string, Finding[] | { error: string }>>;
      const ours = normalise(JSON.parse(oursByConfig[config]!) as Finding[]);
      expect(ours.length).toBeGreaterThan(0);
      expect(Object.keys(editor)).toEqual(['vscode-extension', 'bundleAndLoadRuleset', 'bundleAndLoadRuleset+builtins']);
      for (const loader of Object.keys(editor)) {
        const results = editor[loader]![config]!;
        expect(results, `${loader} could not load ${config}`).toBeInstanceOf(Array);
        expect({ loader, findings: normalise(results as Finding[]) }).toEqual({ loader, findings: ours });
      }
      if (config === 'editor.spectral.yaml') {
        // spectral:oas came along: its rules and ours are both in the comparison.
        expect(ours.some((finding) => finding.code === 'operation-operationId')).toBe(true);
        expect(ours.some((finding) => finding.code.startsWith('webhook-'))).toBe(true);
      }
    },
  );

  it('the types: `import webhooks from "spectral-webhooks"` and the profile type-check under nodenext', () => {
    expect(outputs.types).toBe('ok');
  });

  it("README's overrides: severity changes, rules turned off, receivers exempted from a team's style rules", () => {
    const findings = normalise(JSON.parse(outputs.team)).map(({ code, path, severity }) => ({ code, path, severity }));
    expect(findings).toEqual(
      normalise([
        // The alias that skips /_webhooks paths: only the team's own path is checked for kebab-case.
        { code: 'team-path-kebab-case', path: ['paths', '/userProfiles'], severity: 0 } as Finding,
        { code: 'team-operation-id', path: ['paths', '/userProfiles', 'get'], severity: 0 } as Finding,
        // A JSON pointer override names one path exactly: /_webhooks/stripe is exempt...
        // ...but a wildcard inside the pointer matches nothing, so /_webhooks/sendgrid is still reported.
        { code: 'team-operation-id', path: ['paths', '/_webhooks/sendgrid', 'get'], severity: 0 } as Finding,
        // webhook-method-post raised from warn to error; webhook-https (http server) turned off.
        { code: 'webhook-method-post', path: ['paths', '/_webhooks/sendgrid', 'get'], severity: 0 } as Finding,
      ]).map(({ code, path, severity }) => ({ code, path, severity })),
    );
  });

  it('webhook-path-prefix options through a JS ruleset, as its docs page shows', () => {
    const findings = normalise(JSON.parse(outputs.options));
    expect(findings.map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'webhook-path-prefix',
        path: ['paths', '/payments/notify'],
        message: '"/payments/notify" looks like a webhook receiver (hook word "notify" in the path, acknowledgement-only response); move it under /_webhooks/ (e.g. /_webhooks/payments)',
      },
    ]);
  });
});
