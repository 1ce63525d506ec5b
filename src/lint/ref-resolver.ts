import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Resolver } from '@stoplight/spectral-ref-resolver';
import { describeError } from '../errors';
import { decodeDocumentBytes, DEFAULT_MAX_FILE_SIZE, readDocumentText, type ReadOptions } from './read-text';

export interface RefResolverOptions extends ReadOptions {
  /** Fetch http(s) `$ref`s; off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** Where "the project" is looked up from when a document is outside any git repository (default: process.cwd()). */
  cwd?: string;
  /** Text of a file to use instead of what is on disk (`undefined`: read the disk); see LinterOptions.readFile. */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface RefResolver {
  /** Spectral's resolver (built on first use: spectral-core is only loaded when Spectral runs). */
  resolver(): Resolver;
  /** Reads a `$ref`-ed file for the fast engine, under the same rules; throws when it may not. */
  readFileSync(file: string): string;
  /**
   * Sets the document whose `$ref`s are resolved next: its project bounds which files they may read. Spectral takes one
   * resolver for all runs, so this is state: lint documents one at a time (the CLI does).
   */
  beginDocument(source: string): void;
}

/**
 * How `$ref`s are read, with three safety rails. A file `$ref` is read like a linted document (size limit, binary and
 * UTF-8 checks) and only inside the project: the git repository holding the linted document, or outside git the
 * current directory and the document's own directory — so a spec in a pull request cannot make CI read
 * `../../.ssh/id_rsa` and echo it in a message. A remote `$ref` is not fetched unless allowRemoteRefs, and its
 * `invalid-ref` finding says how to allow it. Each refusal is an `invalid-ref` finding at the `$ref`.
 */
export function createRefResolver(options: RefResolverOptions = {}): RefResolver {
  const cwd = resolve(options.cwd ?? process.cwd());
  let roots = projectRoots(join(cwd, 'document'), cwd);
  const rootsByFolder = new Map<string, string[]>();
  const assertInside = (file: string) => {
    if (!roots.some((root) => isInside(realOrSelf(file), root))) {
      throw new Error(`${file} is outside the project (${roots.join(', ')}); $refs may only read files inside it`);
    }
  };
  let resolver: Resolver | undefined;
  const buildResolver = (): Resolver => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Resolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
    let fetchRemote: ((ref: never) => Promise<unknown>) | undefined;
    if (options.allowRemoteRefs) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createResolveHttp } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DEFAULT_REQUEST_OPTIONS } = require('@stoplight/spectral-runtime') as typeof import('@stoplight/spectral-runtime');
      fetchRemote = createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS }) as never;
    }
    const remote = async (ref: { href(): string }): Promise<unknown> => {
      if (fetchRemote) return fetchRemote(ref as never);
      throw new Error(`${ref.href()} is a remote $ref and was not fetched (pass --allow-remote-refs to fetch it)`);
    };
    const file = async (ref: { href(): string }): Promise<unknown> => {
      const path = ref.href();
      assertInside(path);
      const overlay = options.readFile?.(path);
      if (overlay !== undefined) return overlay;
      try {
        return await readDocumentText(path, path, options);
      } catch (error) {
        throw new Error(describeError(error));
      }
    };
    return new Resolver({ resolvers: { file: { resolve: file }, http: { resolve: remote }, https: { resolve: remote } } });
  };
  return {
    resolver: () => (resolver ??= buildResolver()),
    readFileSync: (file) => {
      assertInside(file);
      const overlay = options.readFile?.(file);
      if (overlay !== undefined) return overlay;
      // The same checks as readDocumentText (size limit, binary, UTF-16/32, UTF-8), synchronously: the fast engine
      // then hands a refused file to Spectral, whose resolver reports the same refusal as an invalid-ref finding.
      const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      if (statSync(file).size > maxFileSize) throw new Error(`${file} is larger than the ${maxFileSize} bytes limit`);
      return decodeDocumentBytes(readFileSync(file), file);
    },
    beginDocument: (source) => {
      // One lookup per folder: a run over many specs in one folder would otherwise walk up to the git root for each.
      const folder = dirname(resolve(cwd, source));
      let known = rootsByFolder.get(folder);
      if (!known) rootsByFolder.set(folder, (known = projectRoots(resolve(cwd, source), cwd)));
      roots = known;
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
