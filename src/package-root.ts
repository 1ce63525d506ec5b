import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * This package's root folder, found from wherever the running code lives: dist/src/... after `tsc`, or dist/ when the
 * CLI runs as one bundled file. Files that ship beside the code (docs/rules, package.json) are found from here.
 */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'spectral-webhooks') return dir;
    if (dirname(dir) === dir) return join(start, '..', '..', '..');
  }
}
