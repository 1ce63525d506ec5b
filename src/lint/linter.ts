import { readFileSync } from 'node:fs';
import type { ISpectralDiagnostic, Ruleset, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import type { Resolver } from '@stoplight/spectral-ref-resolver';
import ruleset from '../../rules';
import { compileRules, runRules, Unsupported, type EngineRule } from '../engine/engine';
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
  /** `spectral`: always run Spectral itself; `fast`: never (throw instead); `auto` (default): fast when it can. */
  engine?: 'auto' | 'spectral' | 'fast';
}

export interface Linter {
  lint(document: LoadedDocument): Promise<ISpectralDiagnostic[]>;
  /** The options the ruleset gives a rule's function (its first `then`), e.g. webhook-path-prefix's extra words. */
  functionOptions?(ruleId: string): unknown;
}

/** How a document was linted: by the fast engine, or by Spectral and why (for --verbose and the parity test). */
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
  let fastRules: EngineRule[] | string = 'the Spectral engine was asked for';
  if (mode !== 'spectral') fastRules = compileRules((options.ruleset ?? ruleset) as Parameters<typeof compileRules>[0]);
  const readFile = (file: string) => options.readFile?.(file) ?? readFileSync(file, 'utf8');
  let spectral: Spectral | undefined;
  const getSpectral = () => (spectral ??= createSpectral(options));

  return {
    lint: async (document) => {
      let reason = typeof fastRules === 'string' ? fastRules : undefined;
      if (typeof fastRules !== 'string') {
        const main = document.fast;
        if (main) {
          try {
            const results = runRules(fastRules, main, readFile);
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
      return getSpectral().run(document.spectral(), { ignoreUnknownFormat: true });
    },
    functionOptions: (ruleId) => {
      if (options.ruleset === undefined) {
        const rule = (ruleset.rules as Record<string, { then: { functionOptions?: unknown } | Array<{ functionOptions?: unknown }> }>)[ruleId];
        if (!rule) return undefined;
        return (Array.isArray(rule.then) ? rule.then[0] : rule.then)?.functionOptions;
      }
      return getSpectral().ruleset?.rules[ruleId]?.then[0]?.functionOptions;
    },
  };
}

function createSpectral(options: LinterOptions): Spectral {
  const core = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const refResolver = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  const { resolveFile } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
  const resolver = options.readFile
    ? overlayResolver(options.readFile, options.allowRemoteRefs === true)
    : options.allowRemoteRefs
      ? refResolver.createHttpAndFileResolver()
      : new refResolver.Resolver({ resolvers: { file: { resolve: resolveFile } } });
  const spectral = new core.Spectral({ resolver });
  spectral.setRuleset(options.ruleset ?? (ruleset as RulesetDefinition));
  return spectral;
}

function overlayResolver(readFile: (absolutePath: string) => string | undefined, allowRemoteRefs: boolean): Resolver {
  const { Resolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  const { resolveFile, createResolveHttp } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
  const { DEFAULT_REQUEST_OPTIONS } = require('@stoplight/spectral-runtime') as typeof import('@stoplight/spectral-runtime');
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
