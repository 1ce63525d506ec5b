import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// Registered when a test file imports this module (vitest collects the file then): the file's folders go after its
// tests. Each test file has its own copy of this module (vitest isolates them), so its own list.
afterAll(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, removed after the test file's tests have run. */
export function tempFolder(prefix = 'spectral-webhooks-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  created.push(folder);
  return folder;
}
