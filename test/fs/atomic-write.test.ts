import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors';
import { writeFileAtomic } from '../../src/fs/atomic-write';
import { runProgram } from '../support/run-cli';
import { tempFolder } from '../support/temp';

const scratch = tempFolder('atomic-write-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => {
  const dir = join(scratch, String(++counter));
  mkdirSync(dir);
  return dir;
};

describe('writeFileAtomic', () => {
  it('creates a new file and leaves no temp file beside it', async () => {
    const dir = freshDir();
    await writeFileAtomic(join(dir, 'report.sarif'), '{"version":"2.1.0"}\n');
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toBe('{"version":"2.1.0"}\n');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
  });

  it('replaces a file and keeps its mode', async () => {
    const dir = freshDir();
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('gives a new file the mode it is asked for', async () => {
    const dir = freshDir();
    await writeFileAtomic(join(dir, 'script.sh'), '#!/bin/sh\n', { mode: 0o700 });
    expect(statSync(join(dir, 'script.sh')).mode & 0o777).toBe(0o700);
  });

  it('names the missing directory in one line', async () => {
    const target = join(scratch, 'reports', 'x.sarif');
    const error = await writeFileAtomic(target, 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).toOneLine()).toBe(`${target}: cannot write: directory "${join(scratch, 'reports')}" does not exist (create it first)`);
  });

  it('refuses a directory as the target and cleans up its temp file', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'out'));
    const error = await writeFileAtomic(join(dir, 'out'), 'x').catch((caught: unknown) => caught);
    expect((error as ToolError).toOneLine()).toBe(`${join(dir, 'out')}: cannot write: is a directory (give a file name)`);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('writes when the file is as it was read', async () => {
    const dir = freshDir();
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'as read');
    await writeFileAtomic(file, 'fixed', { expectUnchangedSince: statSync(file) });
    expect(readFileSync(file, 'utf8')).toBe('fixed');
  });

  it('does not overwrite a file changed on disk since it was read', async () => {
    const dir = freshDir();
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, 'as read');
    const readAt = statSync(file).mtimeMs;
    writeFileSync(file, 'someone else edited this');
    utimesSync(file, new Date(), new Date(readAt + 5000));
    const error = await writeFileAtomic(file, 'fixed', { expectUnchangedSince: readAt }).catch((caught: unknown) => caught);
    expect((error as ToolError).toOneLine()).toBe(`${file}: changed on disk since it was read; not overwritten (run again)`);
    expect(readFileSync(file, 'utf8')).toBe('someone else edited this');
  });
});

describe('writeFileAtomic when the process is killed mid-write', () => {
  const repoRoot = resolve(__dirname, '..', '..');
  const child = join(__dirname, 'write-loop.cjs');
  const size = 8 * 1024 * 1024;
  const old = Buffer.alloc(size, 'a');
  const next = Buffer.concat([Buffer.alloc(size, 'b'), Buffer.from('-longer')]);

  /** Lets the child finish `completed` writes, then kills it `delayMs` into the next one. */
  async function killMidWrite(target: string, signal: NodeJS.Signals, completed: number, delayMs: number): Promise<void> {
    let stdout = '';
    let killedAt: number | undefined;
    const run = await runProgram(process.execPath, [child, target, String(size)], {
      cwd: repoRoot,
      // A writer that outlives its signal would hang a CI job: the helper's hard timeout ends it, and the check below
      // fails on it by name.
      timeoutMs: 120_000,
      onSpawn: (proc) =>
        proc.stdout!.on('data', (chunk: string) => {
          stdout += chunk;
          if (killedAt === undefined && stdout.includes(`wrote ${completed}\n`)) {
            killedAt = Date.now();
            setTimeout(() => proc.kill(signal), delayMs);
          }
        }),
    });
    expect(killedAt, `the writer exited before its write ${completed}: ${run.stderr}`).toBeDefined();
    expect(Date.now() - killedAt!, `the writer did not exit within 30 s of ${signal}`).toBeLessThan(30_000 + delayMs);
    expect(run.stderr).toBe('');
  }

  // 8 children each write 8 MB files with fsync: on a busy CI machine that takes far longer than on an idle one.
  // At least 8 kills, and more (up to 40) until both contents were seen: where the kills land depends on the machine's
  // speed and load, and 8 kills all landing in writes of one parity happened under CI-like load.
  it.each(['SIGKILL', 'SIGTERM'] as const)('leaves the old or the new file, never a part (%s, 8 to 40 kills)', { timeout: 600_000 }, async (signal) => {
    expect(existsSync(join(repoRoot, 'dist', 'src', 'fs', 'atomic-write.js')), 'run `npm run build` first').toBe(true);
    const dir = freshDir();
    const target = join(dir, 'big.json');
    writeFileSync(target, old);
    const seen = new Set<string>();
    let leftoverTemps = 0;
    for (let i = 0; i < 40 && (i < 8 || seen.size < 2); i++) {
      await killMidWrite(target, signal, 1 + (i % 2), (i * 7) % 40);
      const content = readFileSync(target);
      const which = content.equals(old) ? 'old' : content.equals(next) ? 'new' : `partial (${content.length} bytes)`;
      expect(which).not.toMatch(/partial/);
      seen.add(which);
      const temps = readdirSync(dir).filter((name) => name !== 'big.json');
      leftoverTemps += temps.length;
      for (const temp of temps) rmSync(join(dir, temp));
    }
    // Both contents were seen: the kills came after completed writes too, not only before the first one.
    expect([...seen].sort()).toEqual(['new', 'old']);
    // SIGTERM lets the library remove its temp file; SIGKILL cannot be caught, so a temp file may stay behind.
    if (signal === 'SIGTERM') expect(leftoverTemps).toBe(0);
  });
});
