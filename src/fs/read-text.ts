import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ToolError } from '../errors';

/** Largest document read by default: far above real specs (GitHub's webhook description is ~5 MB), far below trouble. */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/**
 * Opening a FIFO for reading waits until someone writes to it, forever if no one does: O_NONBLOCK makes the open return
 * at once, and the check of what was opened refuses it (and sockets, devices) before a byte is read. It changes nothing
 * for regular files.
 */
const READ_WITHOUT_WAITING = constants.O_RDONLY | constants.O_NONBLOCK;
export const NOT_REGULAR = 'is not a regular file (a FIFO, socket or device); give a file';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default DEFAULT_MAX_FILE_SIZE; `--max-file-size`). */
  maxFileSize?: number;
}

/**
 * Reads a document as text, refusing what cannot be a YAML or JSON document before any parser sees it: a file over
 * the size limit, a binary file, UTF-16/32, bytes that are not UTF-8. A UTF-8 byte order mark is dropped, so columns
 * on the first line and every position the parser reports count characters the user sees.
 */
export async function readDocumentText(file: string, displayName = file, options: ReadOptions = {}): Promise<string> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const fail = (message: string, error?: unknown) => new ToolError(message, displayName, undefined, undefined, { cause: error });
  let bytes: Buffer;
  try {
    const handle = await open(file, READ_WITHOUT_WAITING);
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw fail('is a directory, not a file (give the documents in it, or a glob)');
      if (!stats.isFile()) throw fail(NOT_REGULAR);
      if (stats.size > maxFileSize) throw fail(tooLarge(stats.size, maxFileSize));
      bytes = await readAtMost(handle, maxFileSize, stats.size);
      if (bytes.length > maxFileSize) throw fail(tooLarge(bytes.length, maxFileSize, true));
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readError(error, fail);
  }
  return decodeDocumentBytes(bytes, displayName);
}

/** A failed open/stat/read as the one-line ToolError the user sees. */
function readError(error: unknown, fail: (message: string, error?: unknown) => ToolError): ToolError {
  if (error instanceof ToolError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fail('file not found', error);
  if (code === 'EISDIR') return fail('is a directory, not a file (give the documents in it, or a glob)', error);
  if (code === 'EACCES' || code === 'EPERM') return fail(`cannot read file: permission denied (${code})`, error);
  return fail(`cannot read file (${code ?? describe(error)})`, error);
}

/** readDocumentText, synchronously: for `$ref`-ed files the fast engine and `--fix` read while they work. */
export function readDocumentTextSync(file: string, displayName = file, options: ReadOptions = {}): string {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const fail = (message: string, error?: unknown) => new ToolError(message, displayName, undefined, undefined, { cause: error });
  let bytes: Buffer;
  try {
    const fd = openSync(file, READ_WITHOUT_WAITING);
    try {
      const stats = fstatSync(fd);
      if (stats.isDirectory()) throw fail('is a directory, not a file (give the documents in it, or a glob)');
      if (!stats.isFile()) throw fail(NOT_REGULAR);
      if (stats.size > maxFileSize) throw fail(tooLarge(stats.size, maxFileSize));
      bytes = readAtMostSync(fd, maxFileSize, stats.size);
      if (bytes.length > maxFileSize) throw fail(tooLarge(bytes.length, maxFileSize, true));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readError(error, fail);
  }
  return decodeDocumentBytes(bytes, displayName);
}

/** Checks and decodes the bytes of a document (a file's, or stdin's); see readDocumentText. */
export function decodeDocumentBytes(bytes: Uint8Array, displayName: string): string {
  const encoding = utf16Or32(bytes);
  if (encoding) throw new ToolError(`is ${encoding} text; save it as UTF-8`, displayName, 1, 1);
  // Git's test for binary content: a NUL byte in the first 8000 bytes. YAML and JSON text never holds one.
  const nul = bytes.subarray(0, 8000).indexOf(0);
  if (nul !== -1) throw new ToolError('is a binary file, not a YAML or JSON document', displayName);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const { line, column, byte } = firstInvalidUtf8(bytes);
    throw new ToolError(`not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')}); save the file as UTF-8`, displayName, line, column);
  }
  return fromCrOnly(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * Text whose lines end in a lone CR (classic Mac OS) with every CR as LF: the parsers count only LF (a finding on line
 * 6 was reported at 1:145) and the YAML editor of --fix could not parse it. One character for one, so offsets hold;
 * --fix writes CRs back (src/fix/fix-command.ts, writeChanges).
 */
export function fromCrOnly(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? text.replace(/\r/g, '\n') : text;
}

/** Parses `--max-file-size` values: `52428800`, `512KB`, `50MB`, `1GB` (powers of 1024; case and spaces ignored). */
export function parseFileSize(value: string): number {
  // Hand-written: four units do not earn a dependency.
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb?|mb?|gb?)?\s*$/i.exec(value);
  if (!match) throw new ToolError(`--max-file-size: "${value}" is not a size (use e.g. 50MB, 512KB or a number of bytes)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
  const bytes = Number(match[1]) * { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit];
  if (!Number.isFinite(bytes) || bytes < 1) throw new ToolError(`--max-file-size: "${value}" is not a size (use e.g. 50MB, 512KB or a number of bytes)`);
  return Math.floor(bytes);
}

export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${trim(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${trim(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

export function tooLarge(size: number, limit: number, atLeast = false): string {
  const enough = atLeast ? '' : `, e.g. --max-file-size ${flagValue(size)}`;
  return `is ${atLeast ? 'over ' : ''}${formatFileSize(size)}, larger than the ${formatFileSize(limit)} limit for one document (raise it with --max-file-size${enough})`;
}

/** The smallest round `--max-file-size` value that admits `size` bytes. */
function flagValue(size: number): string {
  if (size >= 1024 ** 2) return `${Math.ceil(size / 1024 ** 2)}MB`;
  if (size >= 1024) return `${Math.ceil(size / 1024)}KB`;
  return String(size);
}

/** Reads up to `limit + 1` bytes, so a file that is not a regular file (a pipe, /dev/zero) cannot exhaust memory. */
async function readAtMost(handle: import('node:fs/promises').FileHandle, limit: number, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = Math.min(Math.max(sizeHint + 1, 64 * 1024), limit + 1);
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) break;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function readAtMostSync(fd: number, limit: number, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = Math.min(Math.max(sizeHint + 1, 64 * 1024), limit + 1);
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) break;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function utf16Or32(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32' : 'UTF-16';
  if (a === 0xfe && b === 0xff) return 'UTF-16';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  return undefined;
}

/**
 * Where the first byte that breaks UTF-8 sits (1-based line and column, counting characters as decoded). Hand-written
 * because TextDecoder only says that the bytes are invalid, not where; it runs only on a file already found invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) return { line, column, byte: bytes[i] as number };
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else {
      column += length === 4 ? 2 : 1; // columns count UTF-16 code units, as every parser and editor position here does
    }
    i += length;
  }
  return { line, column, byte: 0 };
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), or 0. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i] as number;
  if (first < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}
