// Copied by pack-and-extend.test.ts into a project that installed the packed package, and run there: loads each
// ruleset file given on the command line the ways editors and programs load Spectral rulesets, lints the documents
// with spectral-core as the Spectral VS Code extension does, and prints { [loader]: { [ruleset]: results | error } }.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Spectral, Document, Ruleset } = require('@stoplight/spectral-core');
const Parsers = require('@stoplight/spectral-parsers');
const { fetch } = require('@stoplight/spectral-runtime');
const { bundleAndLoadRuleset } = require('@stoplight/spectral-ruleset-bundler/with-loader');
const { builtins } = require('@stoplight/spectral-ruleset-bundler/plugins/builtins');
const { commonjs } = require('@stoplight/spectral-ruleset-bundler/plugins/commonjs');
const { stdin } = require('@stoplight/spectral-ruleset-bundler/plugins/stdin');
const { runtime } = require('@stoplight/spectral-ruleset-bundler/presets/runtime');
const { migrateRuleset } = require('@stoplight/spectral-ruleset-migrator');
const { Resolver } = require('@stoplight/json-ref-resolver');
const { createResolveHttp, resolveFile } = require('@stoplight/json-ref-readers');
const { rollup } = require('rollup');

const io = { fs, fetch };

/**
 * The VS Code extension's own loader (stoplightio/vscode-spectral, server/src/linter.ts, `Linter.loadRuleset`), in
 * the same steps: YAML/JSON migrated to ESM under a virtual `.spectral.js`, rollup with the bundler's runtime preset
 * (builtins, esm.sh for package imports, URLs, the file system) and the CommonJS plugin, an IIFE evaluated in place.
 */
async function vscodeExtension(filepath) {
  let rulesetFile = filepath;
  const plugins = [...runtime(io), commonjs()];
  if (/\.(json|ya?ml)$/.test(path.extname(filepath))) {
    rulesetFile = path.join(path.dirname(rulesetFile), '.spectral.js');
    plugins.unshift(stdin(await migrateRuleset(filepath, { format: 'esm', ...io }), rulesetFile));
  }
  const bundle = await rollup({
    input: rulesetFile,
    plugins,
    treeshake: false,
    watch: false,
    perf: false,
    onwarn(warning, warn) {
      if (warning.code !== 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT') warn(warning);
    },
  });
  const output = (await bundle.generate({ format: 'iife', exports: 'auto' })).output[0];
  return new Ruleset(Function(`return ${output.code}`)(), { severity: 'recommended', source: rulesetFile });
}

const LOADERS = {
  'vscode-extension': vscodeExtension,
  // Spectral's documented loader for programs ("Using Spectral in JavaScript"): the node preset only, no CommonJS plugin.
  bundleAndLoadRuleset: (file) => bundleAndLoadRuleset(file, io),
  'bundleAndLoadRuleset+builtins': (file) => bundleAndLoadRuleset(file, io, [builtins()]),
};

/** Lints like the extension: one Spectral with an http + file resolver, every document parsed as YAML. */
async function lint(ruleset, documents) {
  const resolveHttp = createResolveHttp();
  const spectral = new Spectral({ resolver: new Resolver({ resolvers: { https: { resolve: resolveHttp }, http: { resolve: resolveHttp }, file: { resolve: resolveFile } } }) });
  spectral.setRuleset(ruleset);
  const results = [];
  for (const file of documents) {
    results.push(...(await spectral.run(new Document(fs.readFileSync(file, 'utf8'), Parsers.Yaml, file), { ignoreUnknownFormat: true })));
  }
  return results;
}

(async () => {
  const separator = process.argv.indexOf('--');
  const rulesets = process.argv.slice(2, separator);
  const documents = process.argv.slice(separator + 1);
  const report = {};
  for (const [name, load] of Object.entries(LOADERS)) {
    report[name] = {};
    for (const file of rulesets) {
      try {
        report[name][file] = await lint(await load(path.resolve(file)), documents);
      } catch (error) {
        report[name][file] = { error: String(error && error.message).split('\n')[0] };
      }
    }
  }
  process.stdout.write(JSON.stringify(report));
})();
