#!/usr/bin/env node
'use strict';
/**
 * Writes dist/spectral-webhooks.mjs and dist/standard-webhooks.mjs, the package's entry points (package.json
 * "exports"): each ruleset in one ES module whose only imports are `@stoplight/spectral-*` packages, which every
 * Spectral ruleset loader supplies. One self-contained ES module is what all of them can read:
 * - a `.spectral.yaml` that extends `spectral-webhooks` is migrated to `import ... from "<the file require.resolve
 *   finds>"` and that file is bundled by rollup: without the CommonJS plugin (`bundleAndLoadRuleset`, Spectral's
 *   documented loader) only an ES module has a default export; with it but with the runtime preset (the VS Code
 *   extension), a relative import without its extension, as tsc's CommonJS output has, is not found;
 * - `extends:` by URL (a pinned CDN copy), where Spectral cannot follow relative requires at all;
 * - Node: `import` of course, and `require()` on Node >= 20.19 (require(esm): `require('spectral-webhooks').default`).
 * It uses Spectral's own bundler (a dependency already), so the output is what Spectral itself can load. Beside each,
 * its type declarations (.d.mts for the ES module, .d.ts for `moduleResolution: node`), re-using tsc's.
 */
const fs = require('node:fs');
const path = require('node:path');
const { bundleRuleset } = require('@stoplight/spectral-ruleset-bundler');
const { commonjs } = require('@stoplight/spectral-ruleset-bundler/plugins/commonjs');
const { node } = require('@stoplight/spectral-ruleset-bundler/presets/node');
const { fetch } = require('@stoplight/spectral-runtime');

const root = path.join(__dirname, '..');

const BUNDLES = [
  ['rules/index.js', 'spectral-webhooks.mjs'],
  ['rules/profiles/standard-webhooks.js', 'standard-webhooks.mjs'],
];

async function bundle(entry, output) {
  const code = await bundleRuleset(path.join(root, 'dist', entry), {
    target: 'node',
    format: 'esm',
    // Spectral provides its packages as named exports only: a namespace import, never a default one.
    plugins: [commonjs({ esmExternals: true, requireReturnsDefault: 'namespace' }), ...node({ fs, fetch })],
  });
  const external = [...code.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
  const unexpected = external.filter((id) => !id.startsWith('@stoplight/spectral-'));
  if (unexpected.length > 0) throw new Error(`${output} imports ${unexpected.join(', ')}, which Spectral does not provide`);
  fs.writeFileSync(path.join(root, 'dist', output), code);
  const declaration = `declare const ruleset: typeof import('./${entry}');\nexport default ruleset;\n`;
  for (const extension of ['.d.mts', '.d.ts']) fs.writeFileSync(path.join(root, 'dist', output.replace(/\.mjs$/, extension)), declaration);
}

async function main() {
  for (const [entry, output] of BUNDLES) {
    if (entry.includes('profiles') && !fs.existsSync(path.join(root, 'dist', entry))) continue;
    await bundle(entry, output);
  }
}

main().catch((error) => {
  process.stderr.write(`bundle-ruleset: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
