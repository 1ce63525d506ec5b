/**
 * A failure of the tool itself (exit 2): a file it cannot read or parse, a bad argument, a bad config.
 * Printed as one line, `file:line:col: what is wrong (what to do)`, never with a stack trace unless --verbose.
 */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ToolError';
  }

  /** `file:line:col: message`, with the parts that are known. */
  toOneLine(): string {
    const where = [this.file, this.line, this.line !== undefined ? this.column : undefined].filter((part) => part !== undefined);
    return where.length > 0 ? `${where.join(':')}: ${this.message}` : this.message;
  }
}

/**
 * What a line for people may not hold as it is: file names and keys come from the documents, and a pull request
 * chooses them. Control characters (C0, DEL, C1) would move the cursor, recolour or fake lines in a terminal;
 * bidirectional controls would show text in another order than it is; in CI logs a newline starts a new command.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Each unsafe character as a visible escape: `\n`, `\e`, `\u202e`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Any thrown value as one line of text, control characters escaped: never `[object Object]`, never two lines. */
export function describeError(error: unknown): string {
  return escapeControlCharacters(describeRaw(error));
}

function describeRaw(error: unknown): string {
  if (error instanceof ToolError) return error.toOneLine();
  if (error instanceof Error) {
    const first = error.message.split('\n')[0];
    if (first) return first;
    // Spectral throws AggregateErrors with an empty message: the first inner error says what went wrong.
    const inner = (error as { errors?: unknown[] }).errors;
    return Array.isArray(inner) && inner.length > 0 ? describeRaw(inner[0]) : error.name;
  }
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** A file that parses but is not an OpenAPI document: `lint --ignore-unknown-format` may skip it instead of failing. */
export class NotOpenApiError extends ToolError {}
