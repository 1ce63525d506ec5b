// Preloaded into the CLI (NODE_OPTIONS=--require) by test/cli/hostile-input.test.ts: a Node built without the
// inspector (`./configure --without-inspector`), where loading node:inspector throws ERR_INSPECTOR_NOT_AVAILABLE.
'use strict';
const Module = require('node:module');

const realLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'node:inspector' || request === 'inspector') {
    throw Object.assign(new Error('Inspector is not available'), { code: 'ERR_INSPECTOR_NOT_AVAILABLE' });
  }
  return realLoad.call(this, request, ...rest);
};
