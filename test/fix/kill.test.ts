import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixDocument } from '../../src/fix/fix-document';
import { REPO_ROOT } from './support';

/**
 * `lint --fix` killed at the worst moment — as soon as its temp file appears beside the document, i.e. while it
 * writes — leaves the document either as it was or fully fixed, never a part of each.
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

function killWhenWriting(folder: string, file: string, signal: NodeJS.Signals): Promise<{ killedWhileWriting: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'spectral-webhooks.js'), 'lint', '--fix', file], { cwd: folder, stdio: 'ignore' });
    let killedWhileWriting = false;
    const poll = setInterval(() => {
      if (readdirSync(folder).some((name) => name !== file && name.startsWith(file))) {
        killedWhileWriting = true;
        child.kill(signal);
        clearInterval(poll);
      }
    }, 1);
    child.on('error', fail);
    child.on('close', () => {
      clearInterval(poll);
      done({ killedWhileWriting });
    });
  });
}

describe('lint --fix killed mid-write', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('leaves the old or the fixed file, never a part (%s)', async (signal) => {
    const source = mkdtempSync(join(tmpdir(), 'spectral-webhooks-kill-'));
    const original = bigDocument(800);
    writeFileSync(join(source, 'openapi.yaml'), original);
    const fixed = (await fixDocument(join(source, 'openapi.yaml'))).changes[0]?.after;
    expect(fixed).toContain('/_webhooks/sendgrid/email-sent:');

    // Up to four runs, until one is killed while its temp file exists (the window is a few ms; a busy machine can
    // miss it). Every run, killed or finished, must leave the old or the fixed text.
    for (let attempt = 0; attempt < 4; attempt++) {
      const folder = mkdtempSync(join(tmpdir(), 'spectral-webhooks-kill-'));
      cpSync(join(source, 'openapi.yaml'), join(folder, 'openapi.yaml'));
      const { killedWhileWriting } = await killWhenWriting(folder, 'openapi.yaml', signal);
      const after = readFileSync(join(folder, 'openapi.yaml'), 'utf8');
      expect(after === original || after === fixed, 'the document is neither the old nor the fixed text').toBe(true);
      if (killedWhileWriting) break;
    }
  }, 120_000);
});
