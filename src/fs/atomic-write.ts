import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { ToolError } from '../errors';

export interface AtomicWriteOptions {
  /** File mode for a new file; an existing file keeps its own mode unless this is given. */
  mode?: number;
  /**
   * The file's state when it was read (its `mtimeMs`, a Date, or the Stats itself): if the file on disk has changed
   * since, nothing is written and a ToolError says so. For `--fix`, which must never overwrite someone's newer edit.
   */
  expectUnchangedSince?: number | Date | { mtimeMs: number; size?: number };
}

/**
 * Writes `data` to `path` so that the file is, at every instant, either its old content or the new one — never a part.
 * write-file-atomic does the work: a temp file beside the target (same directory, so the rename cannot cross file
 * systems), fsync, rename over the target; it keeps the existing file's mode and owner, removes the temp file on
 * failure and on SIGINT/SIGTERM, and serialises concurrent writes to one file. This wrapper only turns the file
 * system's errors into one-line ToolErrors (exit 2) and adds the "changed since read" guard.
 */
export async function writeFileAtomic(path: string, data: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.expectUnchangedSince !== undefined) await assertUnchanged(path, options.expectUnchangedSince);
  try {
    // A fresh options object: the library fills in mode and owner on it.
    await writeFileAtomicLib(path, data, options.mode === undefined ? {} : { mode: options.mode });
  } catch (error) {
    throw await writeError(path, error);
  }
}

async function assertUnchanged(path: string, since: NonNullable<AtomicWriteOptions['expectUnchangedSince']>): Promise<void> {
  const expected = typeof since === 'number' ? { mtimeMs: since } : since instanceof Date ? { mtimeMs: since.getTime() } : since;
  let current;
  try {
    current = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ToolError('was deleted since it was read; not written (run again)', path, undefined, undefined, { cause: error });
    throw await writeError(path, error);
  }
  const changed = current.mtimeMs !== expected.mtimeMs || (expected.size !== undefined && current.size !== expected.size);
  if (changed) throw new ToolError('changed on disk since it was read; not overwritten (run again)', path);
}

async function writeError(path: string, error: unknown): Promise<ToolError> {
  const code = (error as NodeJS.ErrnoException).code;
  const options = { cause: error };
  const directory = dirname(path);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const kind = await stat(directory).then(
      (stats) => (stats.isDirectory() ? 'exists' : 'not-a-directory'),
      () => 'missing',
    );
    if (kind === 'missing') return new ToolError(`cannot write: directory "${directory}" does not exist (create it first)`, path, undefined, undefined, options);
    if (kind === 'not-a-directory') return new ToolError(`cannot write: "${directory}" is not a directory`, path, undefined, undefined, options);
  }
  if (code === 'EISDIR') return new ToolError('cannot write: is a directory (give a file name)', path, undefined, undefined, options);
  if (code === 'EACCES' || code === 'EPERM') return new ToolError(`cannot write: permission denied (${code})`, path, undefined, undefined, options);
  if (code === 'EROFS') return new ToolError('cannot write: read-only file system', path, undefined, undefined, options);
  if (code === 'ENOSPC') return new ToolError('cannot write: no space left on device', path, undefined, undefined, options);
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ToolError(`cannot write: ${reason}`, path, undefined, undefined, options);
}
