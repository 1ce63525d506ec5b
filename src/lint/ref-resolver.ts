import type { Resolver } from '@stoplight/spectral-ref-resolver';
import { describeError } from '../errors';
import type { DocumentSource } from '../fs/document-source';
import { DEFAULT_MAX_FILE_SIZE } from '../fs/read-text';
import { REMOTE_TIMEOUT_MS } from '../fs/remote';

export interface RefResolverOptions {
  /** Fetch http(s) `$ref`s; off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
}

/**
 * Spectral's `$ref` resolver, reading files through the document source (src/fs/document-source.ts: checked reads,
 * inside the project only, `--fix`'s edits first). A remote `$ref` is not fetched unless allowRemoteRefs, and its
 * `invalid-ref` finding says how to allow it. Each refusal is an `invalid-ref` finding at the `$ref`.
 */
export function createSpectralResolver(source: DocumentSource, options: RefResolverOptions = {}): Resolver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  let fetchRemote: ((ref: never) => Promise<unknown>) | undefined;
  if (options.allowRemoteRefs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createResolveHttp } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DEFAULT_REQUEST_OPTIONS } = require('@stoplight/spectral-runtime') as typeof import('@stoplight/spectral-runtime');
    // Bounded: a server that never answers fails this $ref after REMOTE_TIMEOUT_MS instead of hanging the run.
    fetchRemote = createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS, timeout: REMOTE_TIMEOUT_MS, size: source.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE }) as never;
  }
  const remote = async (ref: { href(): string }): Promise<unknown> => {
    if (fetchRemote) return fetchRemote(ref as never);
    throw new Error(`${ref.href()} is a remote $ref and was not fetched (pass --allow-remote-refs to fetch it)`);
  };
  const file = async (ref: { href(): string }): Promise<unknown> => {
    try {
      return await source.readReferencedAsync(ref.href());
    } catch (error) {
      throw new Error(describeError(error));
    }
  };
  return new Resolver({ resolvers: { file: { resolve: file }, http: { resolve: remote }, https: { resolve: remote } } });
}
