import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { chmod, chown, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/** Temp files being written now: the exit handler removes them when a signal ends the process mid-write. */
const pendingTempFiles = new Set<string>();
let exitHookInstalled = false;

/**
 * Writes `data` to `path` so that the file is, at every instant, either its old content or the new one — never a part:
 * a temp file beside the target (same directory, so the rename cannot cross file systems), every byte written, fsync,
 * then rename over the target. On any error (a full disk included) the temp file is removed, the target is untouched
 * and a one-line ToolError says why (exit 2).
 *
 * Hand-written rather than write-file-atomic: that library issues one `write` and ignores a short one, so on a nearly
 * full disk it renamed a truncated file over the user's spec and reported success (issue #16, case 1).
 *
 * The target must be a regular file or not exist. A hard-linked target is refused: the rename would give only this name
 * the new content and leave the other links on the old one, which `--fix` users would not expect.
 */
export async function writeFileAtomic(path: string, data: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.expectUnchangedSince !== undefined) await assertUnchanged(path, options.expectUnchangedSince);
  const target = await resolveTarget(path);
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw writeError(path, error);
  });
  if (existing && !existing.isFile()) {
    throw new ToolError(existing.isDirectory() ? 'cannot write: is a directory (give a file name)' : 'cannot write: not a regular file (a device, FIFO or socket)', path);
  }
  if (existing && existing.nlink > 1) {
    throw new ToolError(`cannot write: the file has ${existing.nlink} hard links and replacing it would split them (copy it to a file of its own first)`, path);
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  installExitHook();
  pendingTempFiles.add(temp);
  let fd: number | undefined;
  try {
    // Synchronous, so that a signal cannot end the process between the exit hook's unlink and a thread-pool `open`
    // that creates the temp file after it (a leftover temp file once in a few hundred SIGTERMs under load).
    fd = openSync(temp, 'wx', options.mode ?? existing?.mode ?? 0o666);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    await keepOwnerAndMode(temp, existing, options.mode);
    await rename(temp, target);
    pendingTempFiles.delete(temp);
    await syncDirectory(dirname(target));
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    await unlink(temp).catch(() => undefined);
    pendingTempFiles.delete(temp);
    throw error instanceof ToolError ? error : await describeWriteError(path, error);
  }
}

/** Loops until every byte is written: `write` may write fewer bytes than asked (a full disk, a signal). */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const bytesWritten = writeSync(fd, bytes, offset, bytes.length - offset, offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** A symbolic link is followed, so the file it points to gets the new content and the link stays a link. */
async function resolveTarget(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return path;
  return realpath(path).catch(() => path);
}

/** The new file keeps the old one's owner (when root can set it) and mode; `mode` is set exactly, past the umask. */
async function keepOwnerAndMode(temp: string, existing: { uid: number; gid: number; mode: number } | undefined, mode: number | undefined): Promise<void> {
  if (existing && process.getuid?.() === 0) await chown(temp, existing.uid, existing.gid).catch(() => undefined);
  const wanted = mode ?? (existing ? existing.mode & 0o7777 : undefined);
  if (wanted !== undefined) await chmod(temp, wanted);
}

/** After the rename, the directory entry itself: without it a power cut can still lose the new name. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined); // some file systems refuse fsync on a directory; the data is synced
  await handle.close().catch(() => undefined);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/** Removes half-written temp files when SIGINT/SIGTERM end the process (src/signals.ts exits through here). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const temp of pendingTempFiles) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  });
}

async function assertUnchanged(path: string, since: NonNullable<AtomicWriteOptions['expectUnchangedSince']>): Promise<void> {
  const expected = typeof since === 'number' ? { mtimeMs: since } : since instanceof Date ? { mtimeMs: since.getTime() } : since;
  let current;
  try {
    current = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ToolError('was deleted since it was read; not written (run again)', path, undefined, undefined, { cause: error });
    throw await describeWriteError(path, error);
  }
  const changed = current.mtimeMs !== expected.mtimeMs || (expected.size !== undefined && current.size !== expected.size);
  if (changed) throw new ToolError('changed on disk since it was read; not overwritten (run again)', path);
}

function writeError(path: string, error: unknown): ToolError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ToolError(`cannot write: ${reason}`, path, undefined, undefined, { cause: error });
}

async function describeWriteError(path: string, error: unknown): Promise<ToolError> {
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
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ToolError('cannot write: no space left on device; the file was not changed', path, undefined, undefined, options);
  return writeError(path, error);
}
