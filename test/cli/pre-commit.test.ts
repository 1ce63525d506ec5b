import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runProgram, tempProject } from '../support/run-cli';
import { CLEAN, ERROR_AND_WARNING, NOT_OPENAPI } from '../support/cli-documents';
import { tempFolder } from '../support/temp';

/**
 * The hook in .pre-commit-hooks.yaml, installed and run by the real pre-commit framework (`pre-commit try-repo`), as a
 * team that adds this repository to its .pre-commit-config.yaml gets it. Heavy (pre-commit clones the repo, installs
 * its dependencies, packs and installs it): one scenario. .ci/run installs pre-commit, so CI always runs it.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0; // before any test: decides the skip
if (!hasPreCommit) {
  console.warn('SKIPPED pre-commit hook test: the `pre-commit` command is not installed (apt-get install pre-commit; .ci/run does).');
}

async function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ status: number | null; output: string }> {
  const result = await runProgram(command, args, { cwd, env, timeoutMs: 14 * 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], cwd);

describe.skipIf(!hasPreCommit)('pre-commit hook', () => {
  it(
    'lints the staged OpenAPI files, fails on the broken one, and skips YAML that is not OpenAPI',
    async () => {
      // pre-commit clones the hook repository at a commit: a snapshot of this working tree (tracked and new files).
      const hookRepo = tempFolder('spectral-webhooks-hook-repo-');
      const files = (await runProgram('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT })).stdout
        .split('\n')
        .filter(Boolean);
      for (const file of files.filter((name) => existsSync(join(REPO_ROOT, name)))) {
        mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
        copyFileSync(join(REPO_ROOT, file), join(hookRepo, file));
      }
      await git(hookRepo, 'init', '-q');
      await git(hookRepo, 'add', '-A');
      expect((await git(hookRepo, 'commit', '-q', '-m', 'snapshot')).status).toBe(0);

      const project = tempProject({ 'api/openapi.yaml': CLEAN, 'api/broken.yaml': ERROR_AND_WARNING, 'docker-compose.yml': NOT_OPENAPI });
      await git(project, 'init', '-q');
      await git(project, 'add', '-A');
      const env = { PRE_COMMIT_HOME: tempFolder('spectral-webhooks-pre-commit-home-'), NO_COLOR: '1' };

      const failing = await run('pre-commit', ['try-repo', hookRepo, 'spectral-webhooks', '--all-files', '--color', 'never'], project, env);
      expect(failing.output).toMatch(/spectral-webhooks.*\.+Failed/);
      expect(failing.status).toBe(1);
      expect(failing.output).toMatch(/^api\/broken\.yaml$/m);
      expect(failing.output).toMatch(/^\s*10:\d+\s+error\s+webhook-path-prefix/m);
      expect(failing.output).not.toContain('docker-compose.yml');
      expect(failing.output).not.toContain('not an OpenAPI document');

      // Fixed: the same hook, environment already installed, passes.
      writeFileSync(join(project, 'api/broken.yaml'), CLEAN);
      await git(project, 'add', '-A');
      const passing = await run('pre-commit', ['try-repo', hookRepo, 'spectral-webhooks', '--all-files', '--color', 'never'], project, env);
      expect(passing.output).toMatch(/spectral-webhooks.*\.+Passed/);
      expect(passing.status).toBe(0);
    },
    15 * 60_000,
  );
});
