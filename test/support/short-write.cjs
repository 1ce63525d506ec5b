// Preloaded into the CLI (NODE_OPTIONS=--require) by test/cli/hostile-input.test.ts: a disk that fills up. Writes to
// temp files (`*.tmp`) may store SHORT_WRITE_BUDGET bytes in all; past that, `write` stores what still fits (a short
// write, as the kernel does on a nearly full disk) and then fails with ENOSPC. For machines where the test cannot
// mount a small tmpfs.
'use strict';
const fsPromises = require('node:fs/promises');

let budget = Number(process.env.SHORT_WRITE_BUDGET);
const realOpen = fsPromises.open;
fsPromises.open = async function open(path, ...rest) {
  const handle = await realOpen.call(this, path, ...rest);
  if (!String(path).endsWith('.tmp')) return handle;
  const realWrite = handle.write.bind(handle);
  handle.write = async (buffer, offset = 0, length = buffer.length - offset, position) => {
    if (budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const fits = Math.min(length, budget);
    budget -= fits;
    return realWrite(buffer, offset, fits, position);
  };
  return handle;
};
