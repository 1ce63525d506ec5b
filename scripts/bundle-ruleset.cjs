#!/usr/bin/env node
'use strict';
/**
 * Writes dist/spectral-webhooks.mjs (and dist/standard-webhooks.mjs, once the profile is built): each ruleset in one ES
 * module, for `extends:` by URL (a pinned CDN copy of the npm package) where Spectral cannot follow the CommonJS
 * build's extension-less relative requires.
 * It uses Spectral's own bundler (a dependency already), so the output is what Spectral itself can load; the
 * `@stoplight/spectral-*` packages stay imports, which Spectral supplies to every ruleset it loads.
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
