import { spawn } from 'node:child_process';
import { BIN, REPO_ROOT, type CliRun, type RunOptions } from './run-cli';

export interface LiveCli {
  /** Resolves with the first match of `pattern` on stderr (rejects if the process ends first). */
  waitForStderr(pattern: RegExp): Promise<RegExpMatchArray>;
  /** What the process printed and its status, once it ends. */
  done: Promise<CliRun>;
}

/**
 * Spawns the real binary for a command that keeps running (`listen`) while the test talks to it. Like runCli: a hard
 * timeout, and the process group is killed then (it is spawned as its own group), so a hang fails the test.
 */
export function startCli(args: string[], options: RunOptions = {}): LiveCli {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: 'pipe', detached: true });
  let stdout = '';
  let stderr = '';
  const watchers: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const watch of [...watchers]) watch();
  });
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }, options.timeoutMs ?? 110_000);
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      for (const watch of [...watchers]) watch();
      resolve({ stdout, stderr, status });
    });
  });
  child.stdin.end(options.input ?? '');
  let ended = false;
  void done.then(() => (ended = true));
  return {
    done,
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        const watch = () => {
          const match = pattern.exec(stderr);
          if (match) {
            watchers.splice(watchers.indexOf(watch), 1);
            resolve(match);
          } else if (ended || child.exitCode !== null) {
            watchers.splice(watchers.indexOf(watch), 1);
            reject(new Error(`the process ended without printing ${String(pattern)}; stderr: ${stderr}`));
          }
        };
        watchers.push(watch);
        watch();
      }),
  };
}
