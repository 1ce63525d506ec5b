#!/usr/bin/env node
'use strict';
// dist/cli.js is the whole CLI bundled into one file (scripts/bundle-cli.js): it starts several times faster than the
// ~300 modules tsc leaves in dist/src. Without it (a `tsc`-only build), or with SPECTRAL_WEBHOOKS_NO_BUNDLE=1 (readable
// names in a CPU profile), the modules run as they are.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.js');
const useBundle = existsSync(bundle) && !process.env.SPECTRAL_WEBHOOKS_NO_BUNDLE;
require(useBundle ? bundle : '../dist/src/cli/main.js').main(process.argv);
