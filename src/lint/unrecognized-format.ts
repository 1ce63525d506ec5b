import { readFile } from 'node:fs/promises';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';

/** Spectral's message for a document no rule's format matches, with the formats of the webhook rules. */
const MESSAGE = 'The provided document does not match any of the registered formats [OpenAPI 2.0 (Swagger), OpenAPI 3.x]';

/**
 * What `spectral lint` reports for a YAML or JSON file a glob matched that is not OpenAPI: a warning at the whole
 * document (so the run passes unless -F warn), instead of linting it. `--ignore-unknown-format` drops it.
 */
export async function unrecognizedFormat(file: string): Promise<ISpectralDiagnostic> {
  const lines = (await readFile(file, 'utf8')).replace(/\s+$/, '').split(/\r?\n/);
  return {
    code: 'unrecognized-format',
    path: [],
    message: MESSAGE,
    severity: 1,
    range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } },
    source: file,
  };
}
