import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ISpectralDiagnostic, Ruleset, RulesetDefinition } from '@stoplight/spectral-core';
import ruleset from '../../rules';

/**
 * The independent oracle the parity tests compare with: stock spectral-core used as its README shows, with none of
 * this project's code on its side but the ruleset itself. `new Spectral()` with Spectral's own resolver (its own file
 * reader, json-ref-readers' resolveFile; only http is refused, so no test touches the network), the file read with
 * fs and parsed by spectral-parsers (JSON for `.json`, YAML otherwise, as spectral-core's Document takes it), the
 * results exactly as `run` returns them: no path repair, no re-sort, ranges included.
 */
export async function spectralOracle(file: string, rules: RulesetDefinition | Ruleset = { extends: [ruleset as never] }): Promise<ISpectralDiagnostic[]> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Spectral, Document } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
  const Parsers = require('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');
  const { Resolver } = require('@stoplight/spectral-ref-resolver') as typeof import('@stoplight/spectral-ref-resolver');
  const { resolveFile } = require('@stoplight/json-ref-readers') as typeof import('@stoplight/json-ref-readers');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const offline = async (ref: { href(): string }) => {
    throw new Error(`${ref.href()}: the oracle does not fetch`);
  };
  const spectral = new Spectral({ resolver: new Resolver({ resolvers: { file: { resolve: resolveFile }, http: { resolve: offline }, https: { resolve: offline } } }) });
  spectral.setRuleset(rules as RulesetDefinition);
  const source = resolve(file);
  const text = readFileSync(source, 'utf8');
  const parser = (source.toLowerCase().endsWith('.json') ? Parsers.Json : Parsers.Yaml) as typeof Parsers.Json;
  const document = new Document(text, parser, source);
  return spectral.run(document, { ignoreUnknownFormat: true });
}
