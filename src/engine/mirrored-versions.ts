import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root';

/**
 * The Spectral packages whose behaviour the fast engine mirrors (src/engine: the runner's results and their order,
 * DocumentInventory's mapping of results to files, the JSON pointer and path helpers, the OpenAPI formats, the parsers'
 * ranges), at the exact versions mirrored. package.json pins these versions; test/engine/mirrored.test.ts pins each
 * mirrored function against the original. Update both together.
 */
export const MIRRORED_VERSIONS: Readonly<Record<string, string>> = {
  '@stoplight/spectral-core': '1.24.1',
  '@stoplight/spectral-runtime': '1.1.6',
  '@stoplight/spectral-formats': '1.9.0',
  '@stoplight/spectral-parsers': '1.0.5',
  '@stoplight/spectral-ref-resolver': '1.0.5',
  // src/engine/json-pointers.ts runs the jsonc-parser this one depends on (its own copy), whatever version that is.
  '@stoplight/json': '3.21.7',
  '@stoplight/yaml': '4.3.0',
  // src/engine/yaml-pointers.ts builds @stoplight/yaml's parse result from these two, as the library does.
  '@stoplight/yaml-ast-parser': '0.0.50',
  '@stoplight/ordered-object-literal': '1.0.5',
};

let checked: string | null | undefined;

/**
 * Why the fast engine must not run here, or null: an installed package (from this package's folder, as Spectral
 * would load it) is not at the version the engine mirrors, e.g. after an `overrides` entry in a user's package.json.
 * The linter then runs Spectral itself, which is slower but right by construction. Checked once per process.
 */
export function mirroredVersionMismatch(installedVersion: (name: string) => string | undefined = installedFromPackageRoot): string | null {
  if (checked !== undefined && installedVersion === installedFromPackageRoot) return checked;
  let mismatch: string | null = null;
  for (const [name, version] of Object.entries(MIRRORED_VERSIONS)) {
    const installed = installedVersion(name);
    if (installed !== undefined && installed !== version) {
      mismatch = `${name} ${installed} is installed; the fast engine mirrors ${version}`;
      break;
    }
  }
  if (installedVersion === installedFromPackageRoot) checked = mismatch;
  return mismatch;
}

/** The version of `name` that Node resolves from this package's folder; undefined when it cannot tell. */
function installedFromPackageRoot(name: string): string | undefined {
  try {
    const entry = createRequire(join(PACKAGE_ROOT, 'package.json')).resolve(name);
    for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === name) return parsed.version;
    }
  } catch {
    // not resolvable from here (a bundle run elsewhere): nothing to compare
  }
  return undefined;
}
