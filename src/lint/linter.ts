import type { ISpectralDiagnostic, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import ruleset from '../../rules';
import { compileRules, runRules, Unsupported, type EngineRule } from '../engine/engine';
import type { LoadedDocument } from './load-document';

export interface LinterOptions {
  /** Fetch `$ref`s over http(s); off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** A ruleset to run instead of the bundled one (a user's config layered on it). */
  ruleset?: RulesetDefinition;
  /** Always run Spectral itself, never the fast engine (the parity test compares the two). */
  engine?: 'auto' | 'spectral' | 'fast';
}

export interface Linter {
  lint(document: LoadedDocument): Promise<ISpectralDiagnostic[]>;
}

/** Why the last lint of a document used Spectral rather than the fast engine (for --verbose and the tests). */
export interface LintTrace {
  engine: 'fast' | 'spectral';
  reason?: string;
}

/**
 * One compiled ruleset, reused for every document of a run. With the bundled ruleset, documents are linted by the fast
 * engine (src/engine), which gives Spectral's results without loading spectral-core; a user ruleset, or a document the
 * fast engine cannot mirror exactly (see Unsupported), is linted by Spectral, created on first need.
 */
export function createLinter(options: LinterOptions = {}, trace?: (document: LoadedDocument, how: LintTrace) => void): Linter {
  const mode = options.engine ?? 'auto';
  let fastRules: EngineRule[] | string = 'a ruleset other than the bundled one';
  if (mode !== 'spectral' && options.ruleset === undefined) fastRules = compileRules(ruleset);
  let spectral: Spectral | undefined;

  const runSpectral = (document: LoadedDocument) => {
    if (!spectral) spectral = createSpectral(options);
    return spectral.run(document.spectral(), { ignoreUnknownFormat: true });
  };

  return {
    lint: async (document) => {
      let reason = typeof fastRules === 'string' ? fastRules : undefined;
      if (typeof fastRules !== 'string') {
        const main = document.fast;
        if (main) {
          try {
            const results = runRules(fastRules, main);
            trace?.(document, { engine: 'fast' });
            return results;
          } catch (error) {
            if (!(error instanceof Unsupported)) throw error;
            reason = error.message;
          }
        } else {
          reason = 'the parser reports diagnostics';
        }
      }
      if (mode === 'fast') throw new Error(`the fast engine cannot lint ${document.file}: ${reason}`);
      trace?.(document, { engine: 'spectral', reason });
      return runSpectral(document);
    },
  };
}

function createSpectral(options: LinterOptions): Spectral {
  const core = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const { Resolver, createHttpAndFileResolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  const { resolveFile } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
  const resolver = options.allowRemoteRefs ? createHttpAndFileResolver() : new Resolver({ resolvers: { file: { resolve: resolveFile } } });
  const spectral = new core.Spectral({ resolver });
  spectral.setRuleset(options.ruleset ?? (ruleset as RulesetDefinition));
  return spectral;
}
