/**
 * README's installation, CI and pre-commit commands, taken from README.md and run as written from folders that hold
 * only the packed package (and the spec to lint), as a team adopting it would. Where a command names the package's
 * location (the git repository, the release tarball's URL, the registry name) the local tarball stands in for it: the
 * same built package, reached without the network. Also what `npm publish` would send, and `init`'s snippets.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CLEAN, ERROR_AND_WARNING, NOT_OPENAPI } from '../support/cli-documents';
import { tempFolder } from '../support/temp';

const repoRoot = join(__dirname, '..', '..');
const README = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const RELEASE_URL = `https://github.com/spectral-webhooks/spectral-webhooks/releases/download/v${version}/spectral-webhooks-${version}.tgz`;
const GIT_SPEC = 'github:spectral-webhooks/spectral-webhooks';
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

/** The fenced blocks of the README section under `heading` (up to the next heading of the same or a higher level). */
function blocks(heading: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const level = heading.split(' ')[0]!.length;
  const found: string[] = [];
  let block: string[] | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) {
      if (block) found.push(block.join('\n'));
      block = block ? undefined : [];
    } else if (block) block.push(line);
    else if (/^#+ /.test(line) && line.split(' ')[0]!.length <= level) break;
  }
  return found;
}

/** The block that follows the paragraph starting with `label` (the recipes are labelled **GitHub Actions** etc.). */
function recipe(label: string): string {
  const at = README.indexOf(`\n**${label}**`);
  if (at < 0) throw new Error(`README has no **${label}** recipe`);
  return /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at))![1]!;
}

/** Shell command lines of a block: no blank or comment-only lines. */
const commands = (block: string) => block.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs a README line with bash in `cwd`, the package's location replaced by the local tarball. */
function sh(line: string, cwd: string, tarball: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const command = fromTarball(line, tarball);
  const started = Date.now();
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr: `${command}\n${stderr}`, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

function fromTarball(line: string, tarball: string): string {
  return line
    .replaceAll(RELEASE_URL, tarball)
    .replaceAll(GIT_SPEC, tarball)
    .replace(/^npm install --save-dev spectral-webhooks(?= |$)/, `npm install --save-dev ${tarball}`)
    .replace(/^npx --yes spectral-webhooks /, `npx --yes --package=${tarball} spectral-webhooks `);
}

describe('README install, CI and pre-commit commands, from a folder with only the packed package', () => {
  let work: string;
  let tarball: string;
  let project: string;
  const runs: Record<string, Run[]> = {};

  /** A folder holding only the tarball and the files given. */
  function folder(name: string, files: Record<string, string>): string {
    const dir = join(work, name);
    spawnSync('mkdir', ['-p', dir]);
    copyFileSync(tarball, join(dir, 'spectral-webhooks.tgz'));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
    work = tempFolder('spectral-webhooks-readme-');
    const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8' });
    tarball = join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
    project = folder('project', { 'openapi.yaml': CLEAN, 'docker-compose.yml': NOT_OPENAPI });
    const local = (dir: string) => join(dir, 'spectral-webhooks.tgz');
    const runAll = async (key: string, lines: string[], cwd: string) => {
      runs[key] = [];
      for (const line of lines) runs[key]!.push(await sh(line, cwd, local(cwd)));
    };
    const [install, once] = blocks('## Install');
    await Promise.all([
      (async () => {
        // In the project: install (every form), then the CI recipes, in the order a team meets them.
        await runAll('install', commands(install!), project);
        await runAll('github', commands(recipe('GitHub Actions')).filter((line) => line.trim().startsWith('- run: ')).map((line) => line.trim().slice('- run: '.length)), project);
        await runAll('gitlab', recipe('GitLab CI').split('\n').filter((line) => /^ {4}- /.test(line)).map((line) => line.trim().slice(2)), project);
        const lintStaged = JSON.parse(recipe('lint-staged / husky')) as { 'lint-staged': Record<string, string> };
        // lint-staged appends the staged files' names to the command, through the installed bin.
        await runAll('lint-staged', Object.values(lintStaged['lint-staged']).map((command) => `npx ${command} openapi.yaml docker-compose.yml`), project);
        await runAll('init', ['npx spectral-webhooks init'], project);
      })(),
      // Without installing: each in a folder of its own.
      ...commands(once!).map((line, index) => runAll(`once-${index}`, [line], folder(`once-${index}`, { 'openapi.yaml': CLEAN }))),
    ]);
  }, 600_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const ok = (key: string) => {
    expect(runs[key]!.length, `README lines for ${key}`).toBeGreaterThan(0);
    for (const run of runs[key]!) expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
  };

  it('Install: the git, release-tarball and registry lines each install it as a devDependency', () => {
    expect(runs.install!.map((run) => run.stderr.split('\n')[0])).toHaveLength(3);
    ok('install');
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(['spectral-webhooks']);
    expect(README).toContain(`npm install --save-dev ${RELEASE_URL}`);
  });

  it('without installing: both npx lines lint the spec', () => {
    for (const key of ['once-0', 'once-1']) {
      ok(key);
      expect(runs[key]![0]!.stdout).toContain('No problems found in 1 file.');
    }
  });

  it('GitHub Actions: npm ci, then the lint that writes SARIF', () => {
    expect(runs.github!.map((run) => run.stderr.split('\n')[0]!.split(' ').slice(0, 2).join(' '))).toEqual(['npm ci', 'npx spectral-webhooks']);
    ok('github');
    const sarif = JSON.parse(readFileSync(join(project, 'spectral-webhooks.sarif'), 'utf8')) as { runs: Array<{ tool: { driver: { name: string } } }> };
    expect(sarif.runs[0]!.tool.driver.name).toBe('spectral-webhooks');
  });

  it('GitLab CI: npm ci, then the lint that writes the code quality report', () => {
    ok('gitlab');
    expect(JSON.parse(readFileSync(join(project, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
  });

  it('lint-staged: the command lints the staged spec and skips YAML that is not OpenAPI', () => {
    ok('lint-staged');
  });

  it("init prints README's install lines and pre-commit recipe", () => {
    ok('init');
    const printed = runs.init![0]!.stdout;
    for (const line of commands(blocks('## Install')[0]!)) expect(printed).toContain(line.replace(/\s+#.*$/, ''));
    expect(printed).toContain(`additional_dependencies: ["${RELEASE_URL}"]`);
    expect(printed).toContain('entry: spectral-webhooks lint --ignore-unknown-format');
  });

  it.skipIf(!hasPreCommit)(
    "pre-commit: README's config installs the built package in seconds, passes a clean spec, fails a broken one",
    async () => {
      const config = recipe('pre-commit');
      expect(config).toContain(RELEASE_URL);
      const dir = folder('pre-commit', { 'openapi.yaml': CLEAN, 'docker-compose.yml': NOT_OPENAPI, '.pre-commit-config.yaml': fromTarball(config, join(work, 'pre-commit', 'spectral-webhooks.tgz')) });
      const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
      git('init', '-q');
      git('add', 'openapi.yaml', 'docker-compose.yml', '.pre-commit-config.yaml');
      const env = { PRE_COMMIT_HOME: join(work, 'pre-commit-home') };
      const first = await sh('pre-commit run --all-files --color never', dir, '', env);
      expect(first.stdout).toMatch(/spectral-webhooks\.+Passed/);
      expect(first.status).toBe(0);
      // Installing it (the hook's first run) took seconds: a build from source takes minutes on this machine.
      console.log(`pre-commit: first run, installing the hook, took ${first.seconds.toFixed(1)} s`);
      expect(first.seconds).toBeLessThan(90);

      writeFileSync(join(dir, 'broken.yaml'), ERROR_AND_WARNING);
      git('add', 'broken.yaml');
      const failing = await sh('pre-commit run --all-files --color never', dir, '', env);
      expect(failing.stdout).toMatch(/spectral-webhooks\.+Failed/);
      expect(failing.stdout).toMatch(/^\s*10:\d+\s+error\s+webhook-path-prefix/m);
      expect(failing.stdout).not.toContain('docker-compose.yml');
      expect(failing.status).toBe(1);
    },
    300_000,
  );

  it('the release workflow publishes on a vX.Y.Z tag: version check, tests, npm publish --provenance, a GitHub release with the tarball', () => {
    const workflow = parseYaml(readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      on: { push: { tags: string[] } };
      permissions: Record<string, string>;
      jobs: { publish: { steps: Array<{ run?: string }> } };
    };
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(workflow.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const runs = workflow.jobs.publish.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm publish --provenance'));
    expect(runs.some((line) => line.includes('require(\'./package.json\').version'))).toBe(true);
    expect(runs.some((line) => line.startsWith('gh release create') && line.includes('spectral-webhooks-${GITHUB_REF_NAME#v}.tgz'))).toBe(true);
  });

  it('npm publish --dry-run: the built package, docs and licence; no tests, sources or source maps; no warning about the package', () => {
    const dry = spawnSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    expect(dry.status).toBe(0);
    // The only warning: a dry run is not logged in to the registry.
    expect(dry.stderr.split('\n').filter((line) => line.startsWith('npm warn') && !line.includes('logged in'))).toEqual([]);
    const files = (JSON.parse(dry.stdout) as Record<string, { files: Array<{ path: string }> }>)['spectral-webhooks']!.files.map((file) => file.path);
    for (const file of ['bin/spectral-webhooks.js', 'dist/cli.js', 'dist/spectral-webhooks.mjs', 'dist/spectral-webhooks.d.mts', 'dist/standard-webhooks.mjs', 'docs/rules/webhook-path-prefix.md', 'LICENSE', 'README.md', 'package.json', '.pre-commit-hooks.yaml']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /\.map$|^test\/|^fixtures\/|^src\/|^rules\//.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, { default?: string; types?: string } | string> };
    for (const target of Object.values(manifest.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))) {
      expect(files).toContain(target!.replace(/^\.\//, ''));
    }
  });
});
