import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli';

/**
 * Imports go one way: cli → fix/lint → config → engine → rules → functions → openapi, each layer using only those
 * after it; the shared leaves (src/*.ts, src/fs) use nothing but each other. A module that needs something from a
 * layer above it is in the wrong layer (or the thing is). The order, by folder:
 */
const LAYERS: string[][] = [
  // Commands. probe and listen (src/runtime) are commands too: their report step is lint's (cli/output), so the two
  // folders of this layer may use each other.
  ['src/cli', 'src/runtime'],
  ['src/fix', 'src/baseline'],
  ['src/lint'],
  ['src/config'],
  ['src/engine'],
  ['rules'],
  ['src/functions'],
  ['src/openapi'],
  // Shared leaves: errors, display paths, the package root, did-you-mean, the file door.
  ['src/fs', 'src'],
];

function layerOf(file: string): { rank: number; folder: string } {
  const folder = file.startsWith('rules/') ? 'rules' : (/^src\/[^/]+\//.exec(file)?.[0].slice(0, -1) ?? 'src');
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  return { rank, folder };
}

function sources(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file names: static imports and exports, require() and import(). */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)'(\.[^']+)'/g)) {
    found.push(relative(REPO_ROOT, join(REPO_ROOT, dirname(file), match[1] as string)).split('\\').join('/'));
  }
  return found;
}

describe('imports go one way', () => {
  const files = [...sources('src'), ...sources('rules')];

  it('every source folder has its layer', () => {
    expect(files.filter((file) => layerOf(file).rank === -1)).toEqual([]);
  });

  it('no module imports from a layer above its own (nor a sibling folder of its layer)', () => {
    expect(upwardImports(files, relativeImports)).toEqual([]);
  });

  it('catches an upward import (the check itself can fail)', () => {
    const fake: Record<string, string[]> = { 'src/openapi/a.ts': ['src/cli/b'], 'src/config/c.ts': ['src/cli/suggest'], 'src/fix/d.ts': ['src/baseline/e'] };
    expect(upwardImports(Object.keys(fake), (file) => fake[file] ?? [])).toEqual(['src/openapi/a.ts → src/cli/b', 'src/config/c.ts → src/cli/suggest', 'src/fix/d.ts → src/baseline/e']);
    expect(upwardImports(['src/cli/x.ts'], () => ['src/openapi/y'])).toEqual([]);
  });
});

function upwardImports(files: string[], importsOf: (file: string) => string[]): string[] {
  const upward: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const target of importsOf(file)) {
      if (target.endsWith('package.json')) continue;
      const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (to.folder === from.folder) continue;
      // Within the command layer and within the shared leaves, folders may use each other.
      const siblingsAllowed = to.rank === from.rank && (from.rank === 0 || from.rank === LAYERS.length - 1);
      if (to.rank <= from.rank && !siblingsAllowed) upward.push(`${file} → ${target}`);
    }
  }
  return upward;
}
