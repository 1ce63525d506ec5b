// Child process for atomic-write.test.ts: rewrites one file with alternating large contents until it is killed.
'use strict';
const { writeFileAtomic } = require('../../dist/src/fs/atomic-write.js');
// As the CLI does (src/cli/main.ts): SIGINT and SIGTERM end the process, whatever the writer is doing.
require('../../dist/src/signals.js').exitOnSignals();

const [target, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const contents = [Buffer.alloc(size, 'a'), Buffer.concat([Buffer.alloc(size, 'b'), Buffer.from('-longer')])];

(async () => {
  for (let i = 0; ; i++) {
    await writeFileAtomic(target, contents[i % 2]);
    process.stdout.write(`wrote ${i + 1}\n`);
  }
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(3);
});
