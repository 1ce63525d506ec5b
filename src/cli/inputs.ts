import { open, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ToolError } from '../errors';

/** What `lint` was asked to read: files on disk (absolute paths, in the order asked, without duplicates) and/or stdin. */
export interface LintInputs {
  files: string[];
  stdin: boolean;
  /** Patterns that matched nothing (a glob with no match, a directory with no OpenAPI document). */
  unmatched: string[];
  /** Files found by scanning a directory: one that turns out not to be OpenAPI is skipped, not an error. */
  fromDirectory: Set<string>;
  /** Files found by a glob: one that turns out not to be OpenAPI gets Spectral's unrecognized-format warning. */
  fromGlob: Set<string>;
  /** Files found in a directory or by a glob but skipped, with why (reported with --verbose). */
  skipped: Array<{ file: string; why: string }>;
}

/** What globs and directories leave out, besides node_modules and .git: ESLint's habits. */
export interface IgnoreOptions {
  /** .gitignore-style patterns, relative to the working directory (`--ignore-pattern`). */
  patterns: string[];
  /** Read IGNORE_FILE from the working directory. */
  useFile: boolean;
}

/** The ignore file read from the working directory, in .gitignore syntax. */
export const IGNORE_FILE = '.spectral-webhooks-ignore';

const DOCUMENT_EXTENSIONS = '{yaml,yml,json}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands files, globs and directories. A literal path that does not exist is kept, so that loading it reports
 * "file not found" (a typo must not pass silently as "nothing to lint").
 */
export async function expandInputs(patterns: string[], cwd: string, ignoreOptions: IgnoreOptions = { patterns: [], useFile: false }): Promise<LintInputs> {
  const inputs: LintInputs = { files: [], stdin: false, unmatched: [], skipped: [], fromDirectory: new Set(), fromGlob: new Set() };
  const ignored = await ignoreFilter(cwd, ignoreOptions);
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      inputs.files.push(file);
    }
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      inputs.stdin = true;
      continue;
    }
    // A run never touches the network unless asked (--allow-remote-refs): a URL is not fetched, but says how to lint it.
    if (/^https?:\/\//i.test(pattern)) {
      throw new ToolError(`${pattern}: URLs are not fetched (a lint run stays off the network); pipe it in: curl -fsSL '${pattern}' | spectral-webhooks lint - --stdin-filepath openapi.yaml`);
    }
    const absolute = resolve(cwd, pattern);
    const stats = await stat(absolute).catch(() => undefined);
    if (stats?.isDirectory()) {
      const found = await glob(`**/*.${DOCUMENT_EXTENSIONS}`, { cwd: absolute, absolute: true, ignore: IGNORED, dot: false });
      let matched = false;
      for (const file of found.sort()) {
        if (ignored(file)) {
          inputs.skipped.push({ file, why: 'ignored (--ignore-pattern or .spectral-webhooks-ignore)' });
        } else if (await looksLikeOpenApi(file)) {
          matched = true;
          inputs.fromDirectory.add(file);
          add(file);
        } else {
          inputs.skipped.push({ file, why: 'no "openapi" or "swagger" key at its root' });
        }
      }
      if (!matched) inputs.unmatched.push(pattern);
    } else if (stats === undefined && isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, absolute: true, ignore: IGNORED, dot: false });
      const kept: string[] = [];
      for (const file of found.sort()) {
        if (ignored(file)) inputs.skipped.push({ file, why: 'ignored (--ignore-pattern or .spectral-webhooks-ignore)' });
        else kept.push(file);
      }
      if (kept.length === 0) inputs.unmatched.push(pattern);
      for (const file of kept) {
        if (!seen.has(file)) inputs.fromGlob.add(file);
        add(file);
      }
    } else {
      add(absolute);
    }
  }
  return inputs;
}

/**
 * A cheap look at the first 64 KiB: does a top-level `openapi`/`swagger` key appear? Directories often hold
 * fragments of multi-file documents (schemas, parameters) that are not documents in their own right.
 */
async function looksLikeOpenApi(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return true; // let loading report why it cannot be read
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    // A YAML key at column 0, or a JSON key anywhere (loading checks it is really at the root).
    return /^\uFEFF?["']?(?:openapi|swagger)["']?\s*:/m.test(head) || /"(?:openapi|swagger)"\s*:/.test(head);
  } finally {
    await handle.close();
  }
}

/**
 * Whether a file found by a glob or in a directory is ignored: --ignore-pattern and the ignore file, in .gitignore
 * syntax (the `ignore` package, which ESLint uses), relative to the working directory. Files outside it are never.
 */
async function ignoreFilter(cwd: string, options: IgnoreOptions): Promise<(file: string) => boolean> {
  const lines = [...options.patterns];
  if (options.useFile) {
    const text = await readFile(join(cwd, IGNORE_FILE), 'utf8').catch(() => '');
    lines.push(...text.split(/\r?\n/));
  }
  const rules = ignore().add(lines);
  if (lines.every((line) => line.trim() === '' || line.startsWith('#'))) return () => false;
  return (file) => {
    const path = relative(cwd, file);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path) && rules.ignores(path.split('\\').join('/'));
  };
}
