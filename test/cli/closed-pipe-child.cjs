// Child process for closed-pipe.test.ts: runs the bundled CLI's main() many times in this one process, each time with
// stdout swapped for a pipe whose reader has already gone (as `| head -1` leaves it once head has its line), so every
// write meets EPIPE. Node makes process.stdout of a pipe the same way: a net.Socket over the pipe's file descriptor.
// Prints one JSON line per run on the real stdout (fd 1): the command and the status it left.
'use strict';
const { execFileSync } = require('node:child_process');
const { closeSync, constants, mkdtempSync, openSync, writeSync } = require('node:fs');
const { Socket } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const { main } = require(join(__dirname, '..', '..', 'dist', 'cli.js'));
const [runs, ...commands] = process.argv.slice(2);
process.setMaxListeners(0); // main() adds its SIGINT/SIGTERM handlers once per call

const fifo = join(mkdtempSync(join(tmpdir(), 'spectral-webhooks-pipe-')), 'stdout');
execFileSync('mkfifo', [fifo]);

/** The write end of a pipe whose read end is closed. */
function closedPipe() {
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(fifo, constants.O_WRONLY);
  closeSync(reader);
  return new Socket({ fd: writer, readable: false, writable: true });
}

(async () => {
  const realStdout = Object.getOwnPropertyDescriptor(process, 'stdout');
  for (let run = 0; run < Number(runs); run++) {
    const command = commands[run % commands.length];
    const pipe = closedPipe();
    Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => pipe });
    process.exitCode = undefined;
    await main(['node', 'spectral-webhooks', ...command.split(' ')]);
    await new Promise((resolve) => setTimeout(resolve, 2)); // EPIPE's 'error' event comes on a later tick
    Object.defineProperty(process, 'stdout', realStdout);
    pipe.destroy();
    writeSync(1, `${JSON.stringify({ command, status: process.exitCode ?? 0 })}\n`);
  }
  process.exitCode = 0;
})();
