import type { ISpectralDiagnostic, Ruleset, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { packageRuleset, RulesetInForce } from '../config/ruleset-in-force';
import { prepareResults, runRules, Unsupported } from '../engine/engine';
import { mirroredVersionMismatch } from '../engine/mirrored-versions';
import { isStackOverflow, stackOverflowError } from '../fs/document-limits';
import type { LoadedDocument } from './load-document';
import { DocumentSource } from '../fs/document-source';
import { createSpectralResolver } from './ref-resolver';

export interface LinterOptions {
  /** Fetch `$ref`s over http(s); off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** The rules to run (src/config/ruleset-in-force.ts), or a ruleset to run them from; default: the package's own. */
  ruleset?: RulesetInForce | RulesetDefinition | Ruleset;
  /**
   * Where documents and `$ref`-ed files are read (checked, inside the project, `--fix`'s edits first). Default: a
   * source of its own with maxFileSize.
   */
  source?: DocumentSource;
  /** `spectral`: always run Spectral itself; `fast`: never (throw instead); `auto` (default): fast when it can. */
  engine?: 'auto' | 'spectral' | 'fast';
  /** Largest file a `$ref` may read, when no source is given (bytes; default: the same limit as linted documents). */
  maxFileSize?: number;
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
  const rules = options.ruleset instanceof RulesetInForce ? options.ruleset : new RulesetInForce(options.ruleset ?? packageRuleset());
  const fastRules = mode === 'spectral' ? 'the Spectral engine was asked for' : (mirroredVersionMismatch() ?? rules.compiled);
  // Both engines read $ref-ed files through it: checked, only inside the project (remote ones only when allowed).
  const source = options.source ?? new DocumentSource({ maxFileSize: options.maxFileSize });
  const readReferenced = (file: string) => source.readReferenced(file);
  let spectral: Spectral | undefined;
  const getSpectral = () => (spectral ??= createSpectral(rules, options, source));

  const lintOne = async (document: LoadedDocument): Promise<ISpectralDiagnostic[]> => {
    let reason = typeof fastRules === 'string' ? fastRules : undefined;
    if (typeof fastRules !== 'string') {
      const main = document.fast;
      if (main) {
        try {
          const results = runRules(fastRules, main, readReferenced);
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
    const spectralDocument = document.spectral();
    const results = await getSpectral().run(spectralDocument, { ignoreUnknownFormat: true });
    const repaired = results.map((result) => repairRefPath(result, spectralDocument));
    // A repaired result has its real range now: sort again, as Spectral sorts, so the order follows the file.
    return repaired.some((result, index) => result !== results[index]) ? prepareResults(repaired) : repaired;
  };

  return {
    lint: async (document) => {
      source.beginDocument(document.source);
      try {
        return await lintOne(document);
      } catch (error) {
        if (isStackOverflow(error)) throw stackOverflowError(document.file, 'lint', error);
        throw error;
      }
    },
    functionOptions: (ruleId) => rules.functionOptions(ruleId),
  };
}

function createSpectral(rules: RulesetInForce, options: LinterOptions, source: DocumentSource): Spectral {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const spectral = new core.Spectral({ resolver: createSpectralResolver(source, options) });
  spectral.setRuleset(rules.spectralRuleset());
  return spectral;
}

/**
 * Spectral's resolver percent-decodes the keys on result paths that go through its resolved document (`/%20` becomes
 * `/ `, as in `invalid-ref`), so the path names no node and the range falls back to an ancestor. Maps each decoded key
 * back to the document's own key (found by the property tests).
 */
function repairRefPath(result: ISpectralDiagnostic, document: ReturnType<LoadedDocument['spectral']>): ISpectralDiagnostic {
  if (result.source !== undefined && result.source !== document.source) return result;
  let node: unknown = document.data;
  let changed = false;
  const path = result.path.map((segment) => {
    if (node === null || typeof node !== 'object') return segment;
    const record = node as Record<string, unknown>;
    let key = segment;
    if (!Object.prototype.hasOwnProperty.call(record, key)) {
      const own = Object.keys(record).find((candidate) => safeDecode(candidate) === String(segment));
      if (own !== undefined) {
        key = own;
        changed = true;
      }
    }
    node = record[key as string];
    return key;
  });
  if (!changed) return result;
  return { ...result, path, range: document.getRangeForJsonPath(path, true) ?? result.range };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
