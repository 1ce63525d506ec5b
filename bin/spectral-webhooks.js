#!/usr/bin/env node
'use strict';
// dist/cli.js is the whole CLI bundled into one file (scripts/bundle-cli.js): it starts several times faster than the
// ~300 modules tsc leaves in dist/src. Without it (a `tsc`-only build), the modules run as they are.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');
require(existsSync(bundle) ? bundle : '../dist/src/cli/main.js').main(process.argv);
