// Preloaded into the CLI (NODE_OPTIONS=--require) by test/cli/hostile-input.test.ts: a disk that fills up. Writes to
// temp files (`*.tmp`) may store SHORT_WRITE_BUDGET bytes in all; past that, `write` stores what still fits (a short
// write, as the kernel does on a nearly full disk) and then fails with ENOSPC. For machines where the test cannot
// mount a small tmpfs. The writer (src/fs/atomic-write.ts) opens and writes temp files with the synchronous calls.
'use strict';
const fs = require('node:fs');

let budget = Number(process.env.SHORT_WRITE_BUDGET);
const tempFds = new Set();
const realOpenSync = fs.openSync;
const realWriteSync = fs.writeSync;
const realCloseSync = fs.closeSync;
fs.openSync = function openSync(path, ...rest) {
  const fd = realOpenSync.call(this, path, ...rest);
  if (String(path).endsWith('.tmp')) tempFds.add(fd);
  return fd;
};
fs.closeSync = function closeSync(fd) {
  tempFds.delete(fd);
  return realCloseSync.call(this, fd);
};
fs.writeSync = function writeSync(fd, buffer, offset = 0, length = buffer.length - offset, position) {
  if (!tempFds.has(fd)) return realWriteSync.call(this, fd, buffer, offset, length, position);
  if (budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const fits = Math.min(length, budget);
  budget -= fits;
  return realWriteSync.call(this, fd, buffer, offset, fits, position);
};
