import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/run-cli';

// --fix lints first and reads the document for editing only when a finding can be fixed: a document with nothing to
// fix (most runs of a pre-commit hook) costs one lint, and what only the editor cannot read does not stop it.

const CLEAN_RECEIVER = `openapi: 3.1.0
info: {title: T, version: 1.0.0}
servers: [{url: 'https://api.example.com'}]
security: [{key: []}]
paths:
  /_webhooks/stripe/payment-succeeded:
    post:
      x-internal: true
      responses: {'204': {description: ok}}
components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}
`;

describe('--fix on a document with nothing to fix', () => {
  it('answers as lint does and leaves every byte, even with a key the editor cannot parse (over 1,024 characters)', async () => {
    const spec = CLEAN_RECEIVER.replace('info: {title: T, version: 1.0.0}\n', `info: {title: T, version: 1.0.0}\nx-notes:\n  ${'a'.repeat(1_100)}: long\n`);
    const cwd = tempProject({ 'spec.yaml': spec });
    const run = await runCli(['lint', '--fix', 'spec.yaml'], { cwd, env: { NO_COLOR: '1' } });
    expect(run.stderr).toBe('0 problems fixed\n');
    expect(run.stdout).toBe('No problems found in 1 file.\n');
    expect(run.status).toBe(0);
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(spec);
  });

  it('still refuses that key when there is something to fix, at its line', async () => {
    const spec = CLEAN_RECEIVER.replace('      x-internal: true\n', '').replace('info: {title: T, version: 1.0.0}\n', `info: {title: T, version: 1.0.0}\nx-notes:\n  ${'a'.repeat(1_100)}: long\n`);
    const cwd = tempProject({ 'spec.yaml': spec });
    const run = await runCli(['lint', '--fix', 'spec.yaml'], { cwd, env: { NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('spectral-webhooks: spec.yaml:4:3: cannot be fixed: cannot parse YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key\n');
    expect(readFileSync(join(cwd, 'spec.yaml'), 'utf8')).toBe(spec);
  });
});
