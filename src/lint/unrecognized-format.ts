import { readFile } from 'node:fs/promises';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';


/**
 * What `spectral lint` reports for a YAML or JSON file a glob matched that is not OpenAPI: a warning at the whole
 * document (so the run passes unless -F warn), instead of linting it, naming the formats the rules in force are for
 * (Spectral's message). `--ignore-unknown-format` drops it.
 */
export async function unrecognizedFormat(file: string, formats: string[]): Promise<ISpectralDiagnostic> {
  const lines = (await readFile(file, 'utf8')).replace(/\s+$/, '').split(/\r?\n/);
  return {
    code: 'unrecognized-format',
    path: [],
    message: `The provided document does not match any of the registered formats [${formats.join(', ')}]`,
    severity: 1,
    range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } },
    source: file,
  };
}
