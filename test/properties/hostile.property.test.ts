import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempFolder } from '../support/temp';

/**
 * Generated hostile inputs (issue #16): many aliases, alias bombs, long flow collections, long keys, and `$ref` chains
 * that end in a bomb. Whatever is generated, the CLI must end within its budget, under a small heap, with 0, 1 or 2
 * and at most one line per problem on stderr: no hang, no stack trace, no V8 out-of-memory trace. `npm test` runs a
 * few cases; `npm run fuzz` runs FUZZ_CLI_RUNS of them (FUZZ_SEED replays a failure).
 */
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Wall time one run may take, far above what a guarded run needs (a few seconds) and far below a hang. */
const BUDGET_MS = 60_000;

const HEAD = 'openapi: 3.1.0\ninfo: {title: T, version: 1.0.0}\npaths:\n  /hooks/stripe:\n    post:\n      responses: {"204": {description: ok}}\n';

const manyAliases = fc.integer({ min: 1, max: 40_000 }).map((count) => `x-shared: &shared {note: same}\nx-list:\n${'  - *shared\n'.repeat(count)}`);
const aliasBomb = fc.record({ levels: fc.integer({ min: 2, max: 9 }), width: fc.integer({ min: 2, max: 10 }) }).map(({ levels, width }) => {
  const lines = [`x-bomb:`, `  l0: &l0 [${Array(width).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
});
const longFlow = fc.record({ count: fc.integer({ min: 1, max: 40_000 }), mapping: fc.boolean() }).map(({ count, mapping }) =>
  mapping ? `x-flow: {${Array.from({ length: count }, (_, i) => `k${i}: ${i}`).join(', ')}}\n` : `x-flow: [${Array.from({ length: count }, (_, i) => i).join(', ')}]\n`,
);
const longKey = fc.record({ length: fc.integer({ min: 1, max: 150_000 }), unit: fc.constantFrom('a', 'a b ', '1', 'é', '\\n', '\\e[2J') }).map(
  ({ length, unit }) => `x-long:\n  "${unit.repeat(Math.ceil(length / unit.length))}": 1\n`,
);

interface Case {
  files: Record<string, string>;
}

const inDocument = fc.oneof(manyAliases, aliasBomb, longFlow, longKey).map((tail): Case => ({ files: { 'spec.yaml': `${HEAD}${tail}` } }));
/** spec.yaml → ref1.yaml → ... → the last file, which holds the hostile part. */
const refChain = fc.record({ depth: fc.integer({ min: 1, max: 4 }), tail: fc.oneof(aliasBomb, longFlow, manyAliases) }).map(({ depth, tail }): Case => {
  const files: Record<string, string> = {
    'spec.yaml': `${HEAD}components:\n  schemas:\n    Chained:\n      $ref: './ref1.yaml#/next'\n`,
  };
  for (let i = 1; i < depth; i++) files[`ref${i}.yaml`] = `next:\n  $ref: './ref${i + 1}.yaml#/next'\n`;
  files[`ref${depth}.yaml`] = `next: {type: object}\n${tail}`;
  return { files };
});

describe('the CLI on generated hostile inputs', { timeout: 600_000 }, () => {
  const root = tempFolder('spectral-webhooks-hostile-fuzz-');

  it(`ends within its budget and a 512 MB heap, exit 0/1/2, one line per problem (${RUNS} runs)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(inDocument, refChain), async ({ files }) => {
        const folder = join(root, String(run++));
        mkdirSync(folder);
        for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
        const started = Date.now();
        const result = await runCli(['lint', 'spec.yaml'], { cwd: folder, timeoutMs: BUDGET_MS, nodeArgs: ['--max-old-space-size=512'] });
        expect(Date.now() - started).toBeLessThan(BUDGET_MS);
        expect([0, 1, 2]).toContain(result.status);
        expect(result.stderr).not.toMatch(/^\s+at |FATAL ERROR|<--- Last few GCs --->/m);
        expect(result.stderr.split('\n').filter((line) => line !== '').length).toBeLessThanOrEqual(1);
        rmSync(folder, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
