'use strict';
// Preloaded (`node -r`) into every process the benchmark runs: on exit, writes the process's peak RSS (KB) where
// BENCH_RSS_FILE says. Portable where /usr/bin/time is not, and the same for our CLI and Spectral's.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
