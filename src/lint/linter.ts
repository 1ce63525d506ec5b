import { Spectral, type ISpectralDiagnostic, type Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { resolveFile } from '@stoplight/json-ref-readers';
import { Resolver, createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import ruleset from '../../rules';
import type { LoadedDocument } from './load-document';

export interface LinterOptions {
  /** Fetch `$ref`s over http(s); off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** A ruleset to run instead of the bundled one (a user's config layered on it). */
  ruleset?: RulesetDefinition | Ruleset;
}

export interface Linter {
  lint(document: LoadedDocument): Promise<ISpectralDiagnostic[]>;
}

/** One compiled ruleset, reused for every document of a run. */
export function createLinter(options: LinterOptions = {}): Linter {
  const resolver = options.allowRemoteRefs
    ? createHttpAndFileResolver()
    : new Resolver({ resolvers: { file: { resolve: resolveFile } } });
  const spectral = new Spectral({ resolver });
  spectral.setRuleset(options.ruleset ?? (ruleset as RulesetDefinition));
  return {
    lint: (document) => spectral.run(document, { ignoreUnknownFormat: true }),
  };
}
