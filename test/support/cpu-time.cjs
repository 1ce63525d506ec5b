// Preloaded (node --require) into a CLI run by tests that bound its cost: at exit, writes the process's CPU time and
// peak memory to file descriptor 3 as JSON. CPU time, unlike wall time, does not grow when the test machine is busy.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (user + system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
  } catch {
    // fd 3 is not open: run outside the tests
  }
});
