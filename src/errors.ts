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

/** Any thrown value as one line of text: never `[object Object]`. */
export function describeError(error: unknown): string {
  if (error instanceof ToolError) return error.toOneLine();
  if (error instanceof Error) {
    const first = error.message.split('\n')[0];
    if (first) return first;
    // Spectral throws AggregateErrors with an empty message: the first inner error says what went wrong.
    const inner = (error as { errors?: unknown[] }).errors;
    return Array.isArray(inner) && inner.length > 0 ? describeError(inner[0]) : error.name;
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
