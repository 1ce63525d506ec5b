import { Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import ruleset from '../../rules';
import { isStackOverflow, stackOverflowError } from './document-limits';
import type { LoadedDocument } from './load-document';
import { createRefResolver } from './ref-resolver';

export interface LinterOptions {
  /** Fetch `$ref`s over http(s); off by default so a lint run never touches the network. */
  allowRemoteRefs?: boolean;
  /** A ruleset to run instead of the bundled one (a user's config layered on it). */
  ruleset?: RulesetDefinition;
  /**
   * Text of a file to use instead of what is on disk (`undefined`: read the disk). `--fix` lints its edits before it
   * writes them, so a multi-file document's `$ref`s must see the edited text.
   */
  readFile?: (absolutePath: string) => string | undefined;
  /** Largest file a `$ref` may read (bytes; default: the same limit as linted documents). */
  maxFileSize?: number;
}

export interface Linter {
  lint(document: LoadedDocument): Promise<ISpectralDiagnostic[]>;
  /** The options the ruleset gives a rule's function (its first `then`), e.g. webhook-path-prefix's extra words. */
  functionOptions?(ruleId: string): unknown;
}

/** One compiled ruleset, reused for every document of a run. */
export function createLinter(options: LinterOptions = {}): Linter {
  const refs = createRefResolver(options);
  const spectral = new Spectral({ resolver: refs.resolver });
  spectral.setRuleset(options.ruleset ?? (ruleset as RulesetDefinition));
  return {
    lint: async (document) => {
      refs.beginDocument(document.source ?? '');
      try {
        return await spectral.run(document, { ignoreUnknownFormat: true });
      } catch (error) {
        if (isStackOverflow(error)) throw stackOverflowError(document.source ?? '<document>', 'lint', error);
        throw error;
      }
    },
    functionOptions: (ruleId) => spectral.ruleset?.rules[ruleId]?.then[0]?.functionOptions,
  };
}
