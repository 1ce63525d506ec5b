#!/usr/bin/env node
'use strict';
// `npm version X.Y.Z` runs this (package.json "version" script) after bumping package.json and before its commit:
// README's release-tarball URLs, the pinned CDN URL and `spectral-webhooks@X.Y.Z` name the new version, and the README
// goes into the version commit, so the tag's README installs what the tag releases (readme-install.test.ts checks it).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = path.join(root, 'README.md');
const text = fs
  .readFileSync(readme, 'utf8')
  .replace(/releases\/download\/v\d+\.\d+\.\d+\/spectral-webhooks-\d+\.\d+\.\d+\.tgz/g, `releases/download/v${version}/spectral-webhooks-${version}.tgz`)
  .replace(/spectral-webhooks@\d+\.\d+\.\d+/g, `spectral-webhooks@${version}`);
fs.writeFileSync(readme, text);
