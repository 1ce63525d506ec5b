import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli, type CliRun } from '../support/run-cli';
import { tempFolder } from '../support/temp';

export { REPO_ROOT, type CliRun } from '../support/run-cli';

/** Spawns the real, built binary (`npm test` builds first) in `cwd`, without colour. */
export function spectralWebhooks(args: string[], cwd: string): Promise<CliRun> {
  return runCli(args, { cwd, env: { NO_COLOR: '1' } });
}

/** A fresh temporary copy of a folder (or of single files), so a test can let --fix write. */
export function tempCopy(...sources: string[]): string {
  const folder = tempFolder('spectral-webhooks-fix-');
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
