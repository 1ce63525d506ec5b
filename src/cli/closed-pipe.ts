import { EXIT_TOOL_ERROR } from './lint-command';

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * A reader that stops early (`spectral-webhooks --help | head -1`) closes the pipe, and the next write fails with
 * EPIPE: an 'error' event that, unheard, ends the process with a stack trace. Such writes are dropped instead: the run
 * goes on and ends with the status it would have had (`set -o pipefail` users see it). Written by hand: the npm
 * packages for this (epipebomb and the like) exit at once with status 0, which loses the status.
 * Any other failure to write (a full disk behind `> file`) is one line on stderr and exit 2.
 */
export function dropWritesToClosedPipes(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      process.exitCode = EXIT_TOOL_ERROR;
      if (stream !== process.stderr) process.stderr.write(`spectral-webhooks: cannot write the output: ${error.message}\n`);
    });
  }
}
