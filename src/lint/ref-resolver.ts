import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createResolveHttp } from '@stoplight/json-ref-readers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { DEFAULT_REQUEST_OPTIONS } from '@stoplight/spectral-runtime';
import { describeError } from '../errors';
import { readDocumentText, type ReadOptions } from './read-text';

export interface RefResolverOptions extends ReadOptions {
  /** Fetch http(s) `$ref`s; off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** Where "the project" is looked up from when a document is outside any git repository (default: process.cwd()). */
  cwd?: string;
  /** Text of a file to use instead of what is on disk (`undefined`: read the disk); see LinterOptions.readFile. */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface RefResolver {
  resolver: Resolver;
  /**
   * Sets the document whose `$ref`s are resolved next: its project bounds which files they may read. Spectral takes one
   * resolver for all runs, so this is state: lint documents one at a time (the CLI does).
   */
  beginDocument(source: string): void;
}

/**
 * Spectral's `$ref` resolver with three safety rails. A file `$ref` is read like a linted document (size limit,
 * binary and UTF-8 checks) and only inside the project: the git repository holding the linted document, or outside
 * git the current directory and the document's own directory; a spec in a pull request cannot make CI read
 * `../../.ssh/id_rsa` and echo it in a message. A remote `$ref` is not fetched unless allowRemoteRefs, and its
 * `invalid-ref` finding says how to allow it. Each refusal is an `invalid-ref` finding at the `$ref`.
 */
export function createRefResolver(options: RefResolverOptions = {}): RefResolver {
  const cwd = resolve(options.cwd ?? process.cwd());
  let roots = projectRoots(join(cwd, 'document'), cwd);
  const remote = options.allowRemoteRefs ? createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS }) : undefined;
  const resolveRemote = async (ref: { href(): string }): Promise<unknown> => {
    if (remote) return remote(ref as never);
    throw new Error(`${ref.href()} is a remote $ref and was not fetched (pass --allow-remote-refs to fetch it)`);
  };
  const resolveFile = async (ref: { href(): string }): Promise<unknown> => {
    const file = ref.href();
    const real = realOrSelf(file);
    if (!roots.some((root) => isInside(real, root))) {
      throw new Error(`${file} is outside the project (${roots.join(', ')}); $refs may only read files inside it`);
    }
    const overlay = options.readFile?.(file);
    if (overlay !== undefined) return overlay;
    try {
      return await readDocumentText(file, file, options);
    } catch (error) {
      throw new Error(describeError(error));
    }
  };
  const resolver = new Resolver({
    resolvers: { file: { resolve: resolveFile }, http: { resolve: resolveRemote }, https: { resolve: resolveRemote } },
  });
  return {
    resolver,
    beginDocument: (source) => {
      roots = projectRoots(resolve(cwd, source), cwd);
    },
  };
}

/** The directories a document's `$ref`s may read from (real paths). */
export function projectRoots(documentPath: string, cwd: string): string[] {
  const documentDir = realOrSelf(dirname(documentPath));
  const gitRoot = findGitRoot(documentDir);
  if (gitRoot) return [gitRoot];
  const realCwd = realOrSelf(cwd);
  return isInside(documentDir, realCwd) ? [realCwd] : [documentDir, realCwd];
}

function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path`, or of its deepest existing ancestor joined with the rest (a missing file has none). */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrSelf(parent), relative(parent, path));
  }
}
