import type { Document as SpectralDocument } from '@stoplight/spectral-core';
import type { Json, Yaml } from '@stoplight/spectral-parsers';
import { getJsonLocationForJsonPath, parseJsonWithPointers } from './json-pointers';
import { isJsonSource, normalizeSource, parseSourceFile, type SourceFile } from './source';
import { getYamlLocationForJsonPath, parseYamlWithPointers } from './yaml-pointers';

export type SpectralLoadedDocument = SpectralDocument<unknown, ReturnType<typeof Yaml.parse> | ReturnType<typeof Json.parse>>;

/**
 * A document read for linting. It is parsed the fast way (src/engine/source.ts) when that gives exactly what Spectral's
 * parser gives; Spectral's own Document (and spectral-core) is only built when something asks for it: text the fast
 * parser hands back (syntax errors, duplicate keys, ...) or a lint that falls back to Spectral.
 */
export class LintDocument {
  /** The file name as Spectral reports it. */
  readonly source: string;
  private fastFile: SourceFile | undefined | null = null;
  private spectralDocument: SpectralLoadedDocument | undefined;

  constructor(
    readonly text: string,
    /** The file name given (relative or absolute); its extension picks the parser, as in Spectral. */
    readonly file: string,
  ) {
    this.source = normalizeSource(file);
  }

  get isJson(): boolean {
    return isJsonSource(this.file);
  }

  /** The fast parse, or undefined when only Spectral's parser gets this text exactly right. */
  get fast(): SourceFile | undefined {
    if (this.fastFile === null) this.fastFile = parseSourceFile(this.text, this.source, this.isJson);
    return this.fastFile;
  }

  /** Spectral's Document for this text (built once, on demand). */
  spectral(): SpectralLoadedDocument {
    if (!this.spectralDocument) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Document } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Json, Yaml } = require('@stoplight/spectral-parsers') as typeof import('@stoplight/spectral-parsers');
      this.spectralDocument = new Document(this.text, (this.isJson ? linearJson(Json) : linearYaml(Yaml)) as never, this.file) as SpectralLoadedDocument;
    }
    return this.spectralDocument;
  }

  get data(): unknown {
    return this.fast ? this.fast.data : this.spectral().data;
  }

  /** Spectral's parser diagnostics ([] when the fast parse succeeded: it only succeeds on text Spectral finds clean). */
  get diagnostics(): SpectralLoadedDocument['diagnostics'] {
    return this.fast ? [] : this.spectral().diagnostics;
  }
}

/**
 * spectral-parsers' Yaml with its parse and lookup in linear time (src/engine/yaml-pointers.ts): Spectral's engine
 * then parses big documents as fast as ours. Like Yaml.getLocationForJsonPath, the lookup ignores Spectral's `closest`.
 */
function linearYaml(yaml: typeof Yaml): typeof Yaml {
  type ParseResult = Parameters<typeof getYamlLocationForJsonPath>[0];
  return { ...yaml, parse: parseYamlWithPointers as typeof Yaml.parse, getLocationForJsonPath: (result, path) => getYamlLocationForJsonPath(result as ParseResult, path) };
}

/**
 * spectral-parsers' Json with its parse and lookup in linear time (src/engine/json-pointers.ts); unlike the YAML one,
 * Json.getLocationForJsonPath is the library's own and honours `closest`, so this one does too.
 */
function linearJson(json: typeof Json): typeof Json {
  type ParseResult = Parameters<typeof getJsonLocationForJsonPath>[0];
  return {
    ...json,
    parse: parseJsonWithPointers as unknown as typeof Json.parse,
    getLocationForJsonPath: (result, path, closest) => getJsonLocationForJsonPath(result as unknown as ParseResult, path, closest),
  };
}
