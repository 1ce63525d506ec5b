import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempFolder } from './temp';

/** The repository root (tests spawn the real built binary from here: run `npm run build` first; `npm test` does). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'spectral-webhooks.js');

export interface CliRun {
  stdout: string;
  stderr: string;
  /** The exit status (null only if the process was killed by a signal). */
  status: number | null;
  /** What the child wrote to file descriptor 3, with `extraOutput`. */
  extra?: string;
}

export interface RunOptions {
  /** Working directory; defaults to the repository root. Scenario tests should use a temp dir (see `tempProject`). */
  cwd?: string;
  /** Text written to the process's stdin (stdin is closed either way, never a TTY). */
  input?: string;
  /** Extra environment; a key set to `undefined` is removed. Colour variables are cleared unless given here. */
  env?: Record<string, string | undefined>;
  /** Kill the process after this many milliseconds (default 110 s, under the CLI tests' 120 s timeout) so a hang fails the test instead of stalling it. */
  timeoutMs?: number;
  /** Called with the child once spawned: for a test that signals it at a chosen moment. */
  onSpawn?: (child: ChildProcess) => void;
  /** Node's own flags, before the script (runCli only): a heap cap, a `--require`d hook. */
  nodeArgs?: string[];
  /** Also collect what the child writes to file descriptor 3 (as `extra`). */
  extraOutput?: boolean;
}

/** Spawns `node bin/spectral-webhooks.js ...args` and collects what a user would see. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runProgram(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], options);
}

/** The real spectral-cli (a devDependency), for comparisons with stock Spectral. */
export const SPECTRAL_CLI = join(REPO_ROOT, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');

/** Spawns the real `spectral` (spectral-cli) with `args`, as runCli does ours. */
export function runSpectral(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runProgram(process.execPath, [SPECTRAL_CLI, ...args], options);
}

/**
 * The one way tests spawn a program: in a process group of its own, which a hard timeout kills whole (a hang fails
 * the test instead of stalling it, and leaves no grandchild behind); colour variables cleared unless given.
 */
export function runProgram(command: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const stdio: Array<'pipe'> = options.extraOutput ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'];
    const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env, stdio, detached: true });
    let stdout = '';
    let stderr = '';
    let extra = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (options.extraOutput) (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (chunk: string) => (extra += chunk));
    const timer = setTimeout(() => killGroup(child.pid), options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise(options.extraOutput ? { stdout, stderr, status, extra } : { stdout, stderr, status });
    });
    child.stdin!.on('error', () => undefined); // the CLI may exit before reading stdin
    child.stdin!.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

/** runProgram, failing (with the program's stderr) unless it exits 0. */
export async function runOrThrow(command: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  const result = await runProgram(command, args, options);
  if (result.status !== 0) {
    throw Object.assign(new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.stdout}`), { code: result.status, stdout: result.stdout, stderr: result.stderr });
  }
  return result;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A fresh temporary folder holding `files` (path relative to the folder → content); returns its absolute path. */
export function tempProject(files: Record<string, string> = {}, prefix = 'spectral-webhooks-cli-'): string {
  const folder = tempFolder(prefix);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, relative)), { recursive: true });
    writeFileSync(join(folder, relative), content);
  }
  return folder;
}
