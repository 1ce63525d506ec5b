import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-cli';

/**
 * README's "Test running webhooks" walkthrough (`npm run walkthrough`, after the build): every output line the README
 * quotes is printed by the real run, so the README cannot drift. Ports differ per run; they are compared as PORT.
 */
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## Test running webhooks'), README.indexOf('### `probe <spec>'));
const anyPort = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

function runWalkthrough(): Promise<{ output: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'fixtures', 'runtime', 'walkthrough.cjs')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ output, status });
    });
  });
}

describe('README walkthrough: probe the example consumer, listen to the example producer', { timeout: 120_000 }, () => {
  it('prints every line the README quotes, and probe and listen exit as it says', async () => {
    const quotedBlocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    expect(quotedBlocks).toHaveLength(2);
    const quotedLines = quotedBlocks.flatMap((block) => block.trim().split('\n'));
    const { output, status } = await runWalkthrough();
    expect(status).toBe(0);
    const printed = anyPort(output).split('\n');
    for (const line of quotedLines) expect(printed, `the walkthrough prints: ${line}`).toContain(anyPort(line));
    expect(printed).toContain('(probe exited 0)');
    expect(printed).toContain('(listen exited 1)');
    expect(section).toContain('`listen` exits 1 here');
  });
});
