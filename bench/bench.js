#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: builds, then times whole processes of our CLI and of the stock Spectral CLI (our ruleset through
 * `extends`; Redocly too when it is installed) on the workloads of issue #5, and prints a Markdown table with the
 * median wall time, peak RSS and the ratio ours/Spectral. Nothing here is asserted: machines are noisy.
 *
 *   npm run bench                      all workloads
 *   npm run bench -- --quick           fewer runs, no 50k-path Spectral run
 *   npm run bench -- --runs 7          runs per measurement (default 5; big documents: half, at least 2)
 *   npm run bench -- --fix-only        only the --fix table (lint and --fix-dry-run of the same documents)
 *   npm run bench -- --profile github  CPU profile of our CLI on one workload (small, github, github-yaml,
 *                                      paths-1000, paths-10000, paths-50000, yaml-paths-1000, yaml-paths-10000,
 *                                      yaml-paths-20000, many), top functions printed
 */
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const work = path.join(root, '.bench');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
const runs = Number(option('--runs', quick ? 3 : 5));
const bigRuns = Math.max(2, Math.ceil(runs / 2));

const OURS = [path.join(root, 'bin', 'spectral-webhooks.js'), 'lint'];
const SPECTRAL = [require.resolve('@stoplight/spectral-cli/dist/index.js', { paths: [root] }), 'lint', '--ruleset', path.join(work, '.spectral.yaml')];
const REDOCLY = findRedocly();

function findRedocly() {
  const local = path.join(root, 'node_modules', '.bin', 'redocly');
  if (fs.existsSync(local)) return [fs.realpathSync(local), 'lint'];
  return undefined;
}

function main() {
  if (!flag('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const docs = prepare();
  if (flag('--profile')) return profile(docs, option('--profile', 'github'));

  if (flag('--fix-only')) return benchFix(docs);
  const rows = [];
  const measureBoth = (name, files, n, extra = {}) => {
    const ours = measure(extra.command ?? OURS, files, n);
    const spectral = extra.skipSpectral ? undefined : measure(SPECTRAL, files, extra.spectralRuns ?? n);
    const redocly = REDOCLY && !extra.skipRedocly ? measure(REDOCLY, files, extra.spectralRuns ?? n) : undefined;
    const row = { name, ours, spectral, redocly, ...extra };
    rows.push(row);
    process.stderr.write(`${name}: ours ${fmt(ours)}${spectral ? `, spectral ${fmt(spectral)}` : ''}\n`);
    return row;
  };

  const cold = measureBoth('10-line spec, cold process', [docs.small], runs);
  measureBoth('GitHub webhooks JSON (4.8 MB)', [docs.github], bigRuns, { spectralRuns: quick ? 1 : bigRuns });
  measureBoth('GitHub webhooks as YAML', [docs.githubYaml], bigRuns, { spectralRuns: quick ? 1 : bigRuns });
  const synthetic = [1000, 10000, 50000].map((count) =>
    measureBoth(`synthetic, ${count} consumer paths`, [docs.synthetic[count]], count >= 50000 ? bigRuns : runs, {
      paths: count,
      spectralRuns: 1,
      skipSpectral: quick && count >= 50000,
      skipRedocly: true,
    }),
  );
  // Issue #16, case 9: YAML with one big mapping (`paths`), a finding on every path, so every result is located.
  const syntheticYaml = [1000, 10000, 20000].map((count) =>
    measureBoth(`synthetic YAML, ${count} paths`, [docs.syntheticYaml[count]], count >= 20000 ? bigRuns : runs, {
      paths: count,
      spectralRuns: 1,
      skipSpectral: quick && count >= 20000,
      skipRedocly: true,
    }),
  );
  // Issue #16: Spectral's engine (a config with a rule of its own) on JSON with a finding on every path.
  const spectralEngine = [10000, 20000, 50000].map((count) =>
    measureBoth(`JSON, ${count} paths, Spectral's engine`, [docs.spectralEngine[count]], count >= 20000 ? bigRuns : runs, {
      paths: count,
      command: [...OURS, '-r', docs.ownRuleConfig],
      skipSpectral: true,
      skipRedocly: true,
    }),
  );
  const many = measureBoth(`${docs.many.length} small specs, one invocation`, docs.many, bigRuns, { spectralRuns: 1, skipRedocly: true });

  console.log(table(rows));
  const perPath = synthetic.map((row) => row.ours.wall / row.paths);
  console.log('');
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Scaling (ours, time per path): ${synthetic.map((row, i) => `${row.paths}: ${(perPath[i] * 1e6).toFixed(0)} µs`).join(', ')}; largest/smallest ${(perPath[2] / perPath[0]).toFixed(2)}×`);
  const perYamlPath = syntheticYaml.map((row) => row.ours.wall / row.paths);
  console.log(`Scaling (ours, YAML, time per path): ${syntheticYaml.map((row, i) => `${row.paths}: ${(perYamlPath[i] * 1e6).toFixed(0)} µs`).join(', ')}; largest/smallest ${(perYamlPath[2] / perYamlPath[0]).toFixed(2)}×`);
  const perSpectralPath = spectralEngine.map((row) => row.ours.wall / row.paths);
  console.log(`Scaling (ours, Spectral's engine, JSON, time per path): ${spectralEngine.map((row, i) => `${row.paths}: ${(perSpectralPath[i] * 1e6).toFixed(0)} µs`).join(', ')}; largest/smallest ${(perSpectralPath[2] / perSpectralPath[0]).toFixed(2)}×`);
  console.log(`${docs.many.length} specs in one run / one cold run (ours): ${(many.ours.wall / cold.ours.wall).toFixed(2)}×`);
  console.log('');
  benchFix(docs);
}

/**
 * `--fix` against lint on the same documents (issue #16: a fix within a small multiple of lint's time and memory):
 * documents where every path is a receiver to move and mark (two fixes per path, in two rounds), and a 20 MB one with
 * a few hundred fixes among large schemas. `--fix-dry-run` does all of `--fix`'s work (lint, fix rounds, the diff)
 * but writes nothing, so the runs can repeat. Spectral has no --fix; its lint of the same document is shown for scale.
 */
function benchFix(docs) {
  const rows = [];
  for (const workload of docs.fix) {
    const n = workload.big ? bigRuns : runs;
    const lint = measure(OURS, [workload.file], n);
    const fix = measure([...OURS, '--fix-dry-run'], [workload.file], n);
    const spectral = quick ? undefined : measure(SPECTRAL, [workload.file], 1);
    rows.push({ name: workload.name, lint, fix, spectral });
    process.stderr.write(`${workload.name}: lint ${fmt(lint)}, --fix-dry-run ${fmt(fix)}${spectral ? `, spectral lint ${fmt(spectral)}` : ''}\n`);
  }
  const lines = [
    '| --fix workload | ours, lint | ours, --fix-dry-run | fix/lint (time, memory) | Spectral CLI, lint |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.name} | ${fmt(row.lint)} | ${fmt(row.fix)} | ${(row.fix.wall / row.lint.wall).toFixed(1)} ×, ${(row.fix.rss / row.lint.rss).toFixed(1)} × | ${fmt(row.spectral)} |`),
  ];
  console.log(lines.join('\n'));
}

/** A document whose every path is a Stripe receiver outside /_webhooks/ with no x-internal: two fixes a path. */
function receiversToMove(count, schemaCount = 0) {
  const paths = {};
  for (let i = 0; i < count; i++) {
    const body = schemaCount > 0 ? { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/S${i % schemaCount}` } } } } } : {};
    paths[`/hooks/stripe/Event${i}Created`] = { post: { summary: `Stripe webhook ${i}`, ...body, responses: { 204: { description: 'Received' } } } };
  }
  const schemas = {};
  for (let i = 0; i < schemaCount; i++) {
    const properties = {};
    for (let j = 0; j < 40; j++) properties[`field_${j}`] = { type: 'string', description: `Field ${j} of schema ${i}. `.repeat(8) };
    schemas[`S${i}`] = { type: 'object', properties };
  }
  return {
    openapi: '3.0.3',
    info: { title: `${count} receivers to move`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ key: [] }],
    paths,
    components: { schemas, securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
  };
}

/** Writes the benchmark's documents into .bench/ (once; they are derived, not committed). */
function prepare() {
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, '.spectral.yaml'), `extends:\n  - ${JSON.stringify(path.join(root, 'dist', 'rules', 'index.js'))}\n`);
  const small = path.join(work, 'small.yaml');
  fs.writeFileSync(
    small,
    [
      'openapi: 3.1.0',
      "info: {title: Small, version: '1.0.0'}",
      "servers: [{url: 'https://api.example.com'}]",
      'security: [{key: []}]',
      'paths:',
      '  /_webhooks/stripe/payment-succeeded:',
      '    post:',
      '      x-internal: true',
      "      responses: {'204': {description: Received}}",
      'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}',
      '',
    ].join('\n'),
  );
  const github = require.resolve('@octokit/openapi-webhooks/generated/api.github.com.json', { paths: [root] });
  const githubYaml = path.join(work, 'github-webhooks.yaml');
  if (!fs.existsSync(githubYaml)) {
    const YAML = require(require.resolve('yaml', { paths: [root] }));
    fs.writeFileSync(githubYaml, YAML.stringify(JSON.parse(fs.readFileSync(github, 'utf8')), { aliasDuplicateObjects: false, lineWidth: 0 }));
  }
  const synthetic = {};
  for (const count of [1000, 10000, 50000]) {
    const file = path.join(work, `paths-${count}.json`);
    synthetic[count] = file;
    if (fs.existsSync(file)) continue;
    const paths = {};
    for (let i = 0; i < count; i++) {
      // Mostly compliant receivers; every tenth breaks a rule, so results and their locations are part of the work.
      const broken = i % 10 === 0;
      paths[`/_webhooks/producer-${i}/${broken ? 'eventCreated' : 'event-created'}`] = {
        post: { 'x-internal': !broken, summary: `Receive event ${i}`, responses: { 204: { description: 'Received' } } },
      };
    }
    const document = {
      openapi: '3.0.3',
      info: { title: `${count} receivers`, version: '1.0.0' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ key: [] }],
      paths,
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
    };
    fs.writeFileSync(file, JSON.stringify(document, null, 2));
  }
  const syntheticYaml = {};
  for (const count of [1000, 10000, 20000]) {
    const file = path.join(work, `yaml-paths-${count}.yaml`);
    syntheticYaml[count] = file;
    if (fs.existsSync(file)) continue;
    const paths = {};
    for (let i = 0; i < count; i++) paths[`/hooks/stripe/Event${i}Created`] = { post: { summary: `Event ${i}`, responses: { 204: { description: 'Received' } } } };
    const document = {
      openapi: '3.0.3',
      info: { title: `${count} paths`, version: '1.0.0' },
      servers: [{ url: 'https://api.example.com' }],
      security: [{ key: [] }],
      paths,
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
    };
    fs.writeFileSync(file, require(require.resolve('yaml', { paths: [root] })).stringify(document, { lineWidth: 0 }));
  }
  // Spectral's engine runs when a config brings a rule of its own; the documents are the --fix table's shape.
  const ownRuleConfig = path.join(work, 'own-rule.spectral.yaml');
  const ownRule = 'rules:\n  info-title:\n    given: $.info\n    then: {field: title, function: truthy}\n';
  fs.writeFileSync(ownRuleConfig, `extends:\n  - ${JSON.stringify(path.join(root, 'dist', 'rules', 'index.js'))}\n${ownRule}`);
  const spectralEngine = {};
  for (const count of [10000, 20000, 50000]) {
    spectralEngine[count] = path.join(work, `spectral-engine-${count}.json`);
    if (!fs.existsSync(spectralEngine[count])) fs.writeFileSync(spectralEngine[count], JSON.stringify(receiversToMove(count), null, 2));
  }
  const manyDir = path.join(work, 'many');
  fs.mkdirSync(manyDir, { recursive: true });
  const many = [];
  for (let i = 0; i < 200; i++) {
    const file = path.join(manyDir, `spec-${String(i).padStart(3, '0')}.yaml`);
    fs.writeFileSync(file, fs.readFileSync(small, 'utf8').replace('/_webhooks/stripe/', `/_webhooks/producer-${i}/`));
    many.push(file);
  }
  const YAML = require(require.resolve('yaml', { paths: [root] }));
  const fixDocs = [
    { name: '10 000 receivers to move (JSON)', file: 'fix-10000.json', make: () => JSON.stringify(receiversToMove(10000), null, 2) },
    { name: '5 000 receivers to move (YAML)', file: 'fix-5000.yaml', make: () => YAML.stringify(receiversToMove(5000), { lineWidth: 0 }) },
    { name: '23 MB JSON, 200 receivers to move', file: 'fix-20mb.json', big: true, make: () => JSON.stringify(receiversToMove(200, 2000), null, 2) },
    { name: '21 MB YAML, 200 receivers to move', file: 'fix-20mb.yaml', big: true, make: () => YAML.stringify(receiversToMove(200, 2000), { lineWidth: 0 }) },
  ];
  const fix = fixDocs.map(({ name, file, big, make }) => {
    const at = path.join(work, file);
    if (!fs.existsSync(at)) fs.writeFileSync(at, make());
    return { name, file: at, big };
  });
  return { small, github, githubYaml, synthetic, syntheticYaml, spectralEngine, ownRuleConfig, many, fix };
}

/** Median wall time (s) and peak RSS (MB) of `runs` processes of `command` on `files`. */
function measure(command, files, runs) {
  const walls = [];
  const rss = [];
  const rssFile = path.join(work, 'rss.txt');
  for (let i = 0; i < runs; i++) {
    fs.rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'rss.cjs'), ...command, ...files], {
      cwd: work,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 2 ** 20,
    });
    walls.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${path.basename(command[0])} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
    }
    if (fs.existsSync(rssFile)) rss.push(Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  }
  return { wall: median(walls), rss: rss.length ? median(rss) : NaN, runs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const fmt = (m) => (m ? `${m.wall.toFixed(2)} s, ${Math.round(m.rss)} MB` : '–');

function table(rows) {
  const lines = [
    '| workload | ours (wall, peak RSS) | Spectral CLI | ours/Spectral | Redocly | runs (ours/Spectral) |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const ratio = row.spectral ? `${(row.ours.wall / row.spectral.wall).toFixed(2)}` : '–';
    const perPath = row.paths ? ` (${((row.ours.wall / row.paths) * 1e6).toFixed(0)} µs/path)` : '';
    lines.push(
      `| ${row.name} | ${fmt(row.ours)}${perPath} | ${fmt(row.spectral)} | ${ratio} | ${REDOCLY ? fmt(row.redocly) : 'not installed'} | ${row.ours.runs}/${row.spectral?.runs ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

/** `node --cpu-prof` of our CLI on one workload, and the functions that took the most time. */
function profile(docs, workload) {
  const files = {
    small: [docs.small],
    github: [docs.github],
    'github-yaml': [docs.githubYaml],
    many: docs.many,
    ...Object.fromEntries(Object.entries(docs.synthetic).map(([count, file]) => [`paths-${count}`, [file]])),
    ...Object.fromEntries(Object.entries(docs.syntheticYaml).map(([count, file]) => [`yaml-paths-${count}`, [file]])),
  }[workload];
  if (!files) throw new Error(`unknown workload ${workload}`);
  const dir = path.join(work, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...OURS, ...files], {
    cwd: work,
    env: { ...process.env, SPECTRAL_WEBHOOKS_NO_BUNDLE: '1' }, // function names as in the source, not minified
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [file] = fs.readdirSync(dir);
  const prof = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const nodes = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${frame.url.replace(/^file:\/\//, '').replace(root + '/', '')}:${frame.lineNumber + 1}`;
    const delta = prof.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + delta);
    total += delta;
  });
  console.log(`CPU profile of \`spectral-webhooks lint\` on ${workload}: ${path.join(dir, file)} (open it in Chrome DevTools)`);
  console.log(`total ${(total / 1000).toFixed(0)} ms; top functions by self time:`);
  for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(time / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}

main();
