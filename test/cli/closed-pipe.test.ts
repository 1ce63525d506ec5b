import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runCli, runProgram, tempProject } from '../support/run-cli';
import { ERROR_AND_WARNING } from '../support/cli-documents';

/** Runs `script` with bash (for `set -o pipefail`: a pipeline's status is then the CLI's, not head's). */
async function bash(script: string, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runProgram('bash', ['-c', `set -o pipefail; ${script}`], { cwd, timeoutMs: 60_000 });
}

/** Spawns the CLI with a stdout pipe that this side closes at once: every write the CLI makes meets EPIPE. */
async function runIntoClosedPipe(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  const { status, stderr } = await runCli(args, { cwd, timeoutMs: 60_000, onSpawn: (child) => child.stdout!.destroy() });
  return { status, stderr };
}

describe('output into a pipe whose reader has gone (`| head -1`)', { timeout: 60_000 }, () => {
  it('`--help | head -1` 100 times: never a stack trace, status 0 each time', async () => {
    // One process runs the CLI's main() 100 times, each into a pipe already closed by its reader, so every run meets
    // EPIPE (a real `| head -1` only does when head exits between two writes: about half the time before the fix).
    const child = join(REPO_ROOT, 'test', 'cli', 'closed-pipe-child.cjs');
    const commands = ['--help', 'lint --help', 'help lint', 'rules --help'];
    const run = await runProgram(process.execPath, [child, '100', ...commands], { timeoutMs: 50_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const runs = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { command: string; status: number });
    expect(runs).toHaveLength(100);
    expect(runs.filter((result) => result.status !== 0)).toEqual([]);
  });

  it('prints the first line through a real `| head -1`, with nothing on stderr and status 0', async () => {
    const run = await bash(
      `for args in "--help" "lint --help" "help lint"; do "${process.execPath}" "${BIN}" $args | head -1; echo "status $?"; done`,
      REPO_ROOT,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'Usage: spectral-webhooks [options] [command]',
      'status 0',
      expect.stringMatching(/^Usage: spectral-webhooks lint \[options\]/),
      'status 0',
      expect.stringMatching(/^Usage: spectral-webhooks lint \[options\]/),
      'status 0',
      '',
    ]);
  });

  it('a lint whose report cannot be delivered still ends with the status of its findings (1), quietly', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    expect(await runIntoClosedPipe(['lint', 'openapi.yaml'], cwd)).toEqual({ status: 1, stderr: '' });
    expect(await runIntoClosedPipe(['lint', '-f', 'json', 'openapi.yaml'], cwd)).toEqual({ status: 1, stderr: '' });
    expect(await runIntoClosedPipe(['rules'], cwd)).toEqual({ status: 0, stderr: '' });
  });
});
