import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const BIN = join(REPO_ROOT, 'bin', 'spectral-webhooks.js');

export interface CliRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Spawns the real, built binary (`npm test` builds first) in `cwd`. */
export function spectralWebhooks(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ stdout, stderr, status }));
  });
}

/** A fresh temporary copy of a folder (or of single files), so a test can let --fix write. */
export function tempCopy(...sources: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'spectral-webhooks-fix-'));
  for (const source of sources) {
    if (statSync(source).isDirectory()) cpSync(source, folder, { recursive: true });
    else cpSync(source, join(folder, source.split(/[\\/]/).pop() as string));
  }
  return folder;
}

/** Every file under a folder, by path relative to it, with its exact text. */
export function readTree(folder: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree[relative(folder, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(folder);
  return tree;
}
