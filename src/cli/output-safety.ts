import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { escapeControlCharacters } from '../errors';

/**
 * Longest message or path a terminal format shows. The stylish table pads every row to its widest cell and trims each
 * row with a regular expression whose time grows with the square of the padding: one 40 000-character key took 17 s
 * (100 000: 97 s). Shortened cells keep it linear in the findings; `-f json` has every character.
 */
export const MAX_SHOWN_CHARACTERS = 500;

function shorten(text: string): string {
  if (text.length <= MAX_SHOWN_CHARACTERS) return text;
  return `${text.slice(0, MAX_SHOWN_CHARACTERS)}… (${text.length.toLocaleString('en-US')} characters; -f json shows all)`;
}

/** A finding as a terminal format should show it: escaped and shortened message, path and file name. */
export function forTerminal(result: ISpectralDiagnostic): ISpectralDiagnostic {
  return {
    ...result,
    message: shorten(escapeControlCharacters(result.message)),
    path: result.path.map((segment) => (typeof segment === 'string' ? shorten(escapeControlCharacters(segment)) : segment)),
    ...(result.source === undefined ? {} : { source: escapeControlCharacters(result.source) }),
  };
}

/** TeamCity service-message escaping (the formatter escapes the message but writes the file name as it is). */
export function escapeTeamcity(text: string): string {
  return text.replace(/[|'\n\r\u0085\u2028\u2029[\]]/g, (char) => TEAMCITY[char] ?? char);
}
const TEAMCITY: Record<string, string> = { '|': '||', "'": "|'", '\n': '|n', '\r': '|r', '\u0085': '|x', '\u2028': '|l', '\u2029': '|p', '[': '|[', ']': '|]' };

/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`), as @stoplight/spectral-formatters writes
 * them, with control characters shown as escapes (`\n`, `\e`) and then the escaping GitHub's toolkit defines: `%`, CR
 * and LF in the message; those and `:` and `,` in properties.
 * Hand-written because the library escapes only newlines in the message, so a file name holding a newline printed a
 * second workflow command of the document author's choosing.
 */
export function githubActions(results: ISpectralDiagnostic[], cwd: string, docsUrl: (code: string) => string | undefined, relative: (from: string, to: string) => string): string {
  const kinds = ['error', 'warning', 'notice', 'notice'];
  return results
    .map((result) => {
      const properties = {
        title: String(result.code),
        file: escapeControlCharacters(relative(cwd, result.source ?? '')),
        col: result.range.start.character + 1,
        endColumn: result.range.end.character + 1,
        line: result.range.start.line + 1,
        endLine: result.range.end.line + 1,
      };
      const list = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
      const url = docsUrl(String(result.code));
      const message = escapeData(escapeControlCharacters(result.message));
      return `::${kinds[result.severity] ?? 'notice'} ${list}::${message}${url ? `%0ADocumentation: ${escapeData(url)}` : ''}`;
    })
    .join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
