import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The directories a document's files may be read from and written to (real paths): the git repository holding the
 * document, or outside git the current directory and the document's own directory.
 */
export function projectRoots(documentPath: string, cwd: string): string[] {
  const documentDir = realOrSelf(dirname(documentPath));
  const gitRoot = findGitRoot(documentDir);
  if (gitRoot) return [gitRoot];
  const realCwd = realOrSelf(cwd);
  return isInside(documentDir, realCwd) ? [realCwd] : [documentDir, realCwd];
}

/** The nearest folder at or above `start` that holds `.git` (a folder, or a worktree's file), or undefined. */
export function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * True when `path` is `root` or below it. Judged on path segments: the first segment of the relative path is `..`
 * only for a path outside, while a file named `..notes.yaml` inside the root is inside (a `startsWith('..')` test
 * called it outside).
 */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  if (rel === '') return true;
  if (isAbsolute(rel)) return false; // another drive on Windows
  return rel.split(sep)[0] !== '..';
}

/** The real path of `path`, or of its deepest existing ancestor joined with the rest (a missing file has none). */
export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrSelf(parent), relative(parent, path));
  }
}
