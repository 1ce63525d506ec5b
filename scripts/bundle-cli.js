#!/usr/bin/env node
'use strict';
// Bundles the CLI (dist/src/cli/main.js, compiled by tsc) into one file, dist/cli.js, which bin/spectral-webhooks.js
// prefers: one file to read instead of ~300 modules to resolve and load, which was most of a cold start.
//
// Two kinds of packages are not run at start-up:
// - EXTERNAL ones stay out of the bundle and load from node_modules on first use: spectral-core and its ruleset
//   bundler/migrator/resolver (needed for a user config, or a document the fast engine hands to Spectral) and packages
//   that find files relative to their own __dirname.
// - LAZY ones are bundled, but every import of them gets a stand-in whose exports load the real module on first use
//   (call, `new`, or property read): output formatters, --fix and baseline libraries. TypeScript's CommonJS output
//   reads an import's properties where they are used, so a run that never formats SARIF or fixes never loads them.
//   `npm run bench` measured the cold start of a 10-line spec going from ~1.0 s to ~0.5 s with this.
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

const EXTERNAL = [
  '@stoplight/spectral-core',
  '@stoplight/spectral-ruleset-bundler',
  '@stoplight/spectral-ruleset-bundler/*',
  '@stoplight/spectral-ruleset-migrator',
  '@stoplight/spectral-rulesets',
  '@stoplight/spectral-functions',
  '@stoplight/spectral-ref-resolver',
  '@stoplight/json-ref-readers',
  '@stoplight/spectral-cli',
  // probe and listen only (src/runtime): loaded from node_modules when one of them runs, never by lint.
  'ajv',
  'ajv/*',
  'ajv-formats',
  'openapi-sampler',
  'standardwebhooks',
];

const LAZY = [
  '@stoplight/spectral-formatters',
  '@stoplight/spectral-parsers',
  '@stoplight/spectral-runtime',
  '@stoplight/json',
  'diff',
  'yaml',
  'jsonc-parser',
  'chalk',
  'node-fetch',
  'lodash',
];

/** dist/cli-lazy-<name>.js: the bundle that holds one lazy package (and what it needs that is not lazy itself). */
const lazyFile = (name) => `cli-lazy-${name.replace(/[@/]/g, (c) => (c === '@' ? '' : '-'))}.js`;

/** Stand-in module for `name`: each export is a proxy that loads the real module when it is used. */
function lazyStub(name) {
  // TypeScript's __importDefault/__importStar read `__esModule` at import time: answer it without loading.
  const esModule = Boolean(require(require.resolve(name, { paths: [root] })).__esModule);
  return `
    let real;
    // The real modules live in a second bundle, next to this one, compiled only when a run first needs one of them.
    const load = () => (real ??= require(__dirname + '/${lazyFile(name)}'));
    const member = (key) => new Proxy(function () {}, {
      apply: (_t, self, args) => Reflect.apply(load()[key], self, args),
      construct: (_t, args) => Reflect.construct(load()[key], args),
      get: (_t, property) => {
        const value = load()[key][property];
        return typeof value === 'function' ? value.bind(load()[key]) : value;
      },
      has: (_t, property) => property in load()[key],
    });
    // An arrow function: callable (some modules export a function) and without own non-configurable keys.
    const stub = new Proxy(() => {}, {
      apply: (_t, self, args) => Reflect.apply(load(), self, args),
      get: (_t, key) => (key === '__esModule' ? ${esModule} : typeof key === 'symbol' ? load()[key] : member(key)),
      has: (_t, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_t, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        if (descriptor) descriptor.configurable = true;
        return descriptor;
      },
    });
    module.exports = stub;`;
}

/** Replaces imports of lazy packages (other than `own`, the package a lazy bundle holds) by stand-ins. */
const lazyPlugin = (own) => ({
  name: 'lazy',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.path === own ? undefined : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazyStub(args.path), resolveDir: root, loader: 'js' }));
  },
});

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's CommonJS build requires its parts dynamically, which a bundle cannot follow; its ESM build can.
  alias: { 'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js', { paths: [root] }) },
  minify: true,
  keepNames: true,
  legalComments: 'none',
  external: EXTERNAL,
  logLevel: 'warning',
};

Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, 'dist/src/cli/main.js')], outfile: path.join(root, 'dist/cli.js'), plugins: [lazyPlugin()] }),
  ...LAZY.map((name) =>
    esbuild.build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
      outfile: path.join(root, 'dist', lazyFile(name)),
      plugins: [lazyPlugin(name)],
    }),
  ),
]).catch(() => process.exit(1));
