import { cpSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixDocument } from '../../src/fix/fix-document';
import { runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * `lint --fix` killed at the worst moment — as soon as its temp file appears beside the document, i.e. while it
 * writes — leaves the document either as it was or fully fixed, never a part of each. The test fails unless some run
 * was really killed while its temp file existed.
 */
function bigDocument(paths: number): string {
  const lines = ['openapi: 3.1.0', 'info:', '  title: Big', '  version: 1.0.0', 'servers:', '  - url: https://api.example.com', 'security:', '  - secret: []', 'paths:'];
  lines.push('  /hooks/sendgrid/email_sent:', '    post:', '      responses:', "        '204':", '          description: Received');
  for (let i = 0; i < paths; i++) {
    lines.push(`  /items/${i}:`, '    get:', `      description: ${'Lorem ipsum dolor sit amet. '.repeat(4)}`, '      responses:', "        '200':", '          description: OK');
  }
  lines.push('components:', '  securitySchemes:', '    secret: {type: apiKey, in: header, name: X-Secret}', '');
  return lines.join('\n');
}

/** The atomic writer's temp file for `file` (src/fs/atomic-write.ts: `.<name>.<pid>.<random>.tmp` beside it). */
const isTempOf = (file: string) => (name: string) => name !== file && name.includes(file) && name.endsWith('.tmp');

/** Runs `lint --fix file` in `folder` and sends `signal` the moment its temp file appears (inotify, and a poll). */
async function killWhenWriting(folder: string, file: string, signal: NodeJS.Signals): Promise<{ killedWhileWriting: boolean }> {
  let killedWhileWriting = false;
  const watcher = watch(folder);
  let poll: NodeJS.Timeout | undefined;
  await runCli(['lint', '--fix', file], {
    cwd: folder,
    onSpawn: (child) => {
      const check = () => {
        if (killedWhileWriting || !readdirSync(folder).some(isTempOf(file))) return;
        killedWhileWriting = child.kill(signal);
      };
      watcher.on('change', check);
      poll = setInterval(check, 1);
    },
  });
  clearInterval(poll);
  watcher.close();
  return { killedWhileWriting };
}

describe('lint --fix killed mid-write', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('leaves the old or the fixed file, never a part (%s)', async (signal) => {
    const source = tempFolder('spectral-webhooks-kill-');
    const original = bigDocument(3000);
    writeFileSync(join(source, 'openapi.yaml'), original);
    const fixed = (await fixDocument(join(source, 'openapi.yaml'))).changes[0]?.after;
    expect(fixed).toContain('/_webhooks/sendgrid/email-sent:');

    // Runs until one is killed while its temp file exists (the window is a few ms; a busy machine can miss it). Every
    // run, killed or finished, must leave the old or the fixed text.
    let killed = false;
    for (let attempt = 0; attempt < 20 && !killed; attempt++) {
      const folder = tempFolder('spectral-webhooks-kill-');
      cpSync(join(source, 'openapi.yaml'), join(folder, 'openapi.yaml'));
      ({ killedWhileWriting: killed } = await killWhenWriting(folder, 'openapi.yaml', signal));
      const after = readFileSync(join(folder, 'openapi.yaml'), 'utf8');
      expect(after === original || after === fixed, 'the document is neither the old nor the fixed text').toBe(true);
    }
    expect(killed, 'no run was killed while writing: the test proved nothing').toBe(true);
  }, 300_000);
});
