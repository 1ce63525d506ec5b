import { Spectral, type ISpectralDiagnostic, type Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { resolveFile } from '@stoplight/json-ref-readers';
import { Resolver, createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { DEFAULT_REQUEST_OPTIONS } from '@stoplight/spectral-runtime';
import { createResolveHttp } from '@stoplight/json-ref-readers';
import ruleset from '../../rules';
import type { LoadedDocument } from './load-document';

export interface LinterOptions {
  /** Fetch `$ref`s over http(s); off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** A ruleset to run instead of the bundled one (a user's config layered on it). */
  ruleset?: RulesetDefinition | Ruleset;
  /**
   * Text of a file to use instead of what is on disk (`undefined`: read the disk). `--fix` lints its edits before it
   * writes them, so a multi-file document's `$ref`s must see the edited text.
   */
  readFile?: (absolutePath: string) => string | undefined;
}

export interface Linter {
  lint(document: LoadedDocument): Promise<ISpectralDiagnostic[]>;
  /** The options the ruleset gives a rule's function (its first `then`), e.g. webhook-path-prefix's extra words. */
  functionOptions?(ruleId: string): unknown;
}

/** One compiled ruleset, reused for every document of a run. */
export function createLinter(options: LinterOptions = {}): Linter {
  const resolver = options.readFile
    ? overlayResolver(options.readFile, options.allowRemoteRefs === true)
    : options.allowRemoteRefs
      ? createHttpAndFileResolver()
      : new Resolver({ resolvers: { file: { resolve: resolveFile } } });
  const spectral = new Spectral({ resolver });
  spectral.setRuleset(options.ruleset ?? (ruleset as RulesetDefinition));
  return {
    lint: (document) => spectral.run(document, { ignoreUnknownFormat: true }),
    functionOptions: (ruleId) => spectral.ruleset?.rules[ruleId]?.then[0]?.functionOptions,
  };
}

function overlayResolver(readFile: (absolutePath: string) => string | undefined, allowRemoteRefs: boolean): Resolver {
  const file = {
    resolve: (ref: Parameters<typeof resolveFile>[0]) => {
      const text = readFile(ref.href());
      return text === undefined ? resolveFile(ref) : Promise.resolve(text);
    },
  };
  if (!allowRemoteRefs) return new Resolver({ resolvers: { file } });
  const http = { resolve: createResolveHttp({ ...DEFAULT_REQUEST_OPTIONS }) };
  return new Resolver({ resolvers: { file, http, https: http } });
}
