import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as formats from '@stoplight/spectral-formats';
import * as stoplightJson from '@stoplight/json';
import * as runtime from '@stoplight/spectral-runtime';
import { describe, expect, it } from 'vitest';
import { diagnosticSeverity, formatMessage, OWN_FORMATS, prepareResults, printDotPath } from '../../src/engine/engine';
import { MIRRORED_VERSIONS, mirroredVersionMismatch } from '../../src/engine/mirrored-versions';
import * as ours from '../../src/engine/pointer';
import { REPO_ROOT } from '../support/run-cli';

/**
 * The fast engine copies a few functions of the Spectral packages so that it need not load them (and lodash) at
 * start-up. Each copy is pinned here against the original, on generated inputs: a Spectral upgrade that changes one
 * fails here, by name, as well as in the parity tests.
 */

// spectral-core keeps these behind its package `exports`: loaded by file, from the installed copy.
const coreDist = dirname(require.resolve('@stoplight/spectral-core'));
/* eslint-disable @typescript-eslint/no-require-imports */
const coreResults = require(join(coreDist, 'runner', 'utils', 'results.js')) as { prepareResults(results: ISpectralDiagnostic[]): ISpectralDiagnostic[] };
const { Replacer } = require(join(coreDist, 'utils', 'replacer.js')) as { Replacer: new (count: number) => { print(input: string, values: object): string } };
const { getDiagnosticSeverity } = require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core');
/* eslint-enable @typescript-eslint/no-require-imports */

const segment = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('~', '/', '%', '%2F', '~1', '~0', ' ', '#', 'a b', '{x}', '0', '12', ''), fc.nat(20));
const path = fc.array(segment, { maxLength: 5 });
const json = fc.jsonValue({ maxDepth: 4 });
const runs = { numRuns: 300 };

describe('mirrored Spectral behaviours, each against the original', () => {
  it('installed versions are the mirrored ones (package.json pins them exactly)', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(MIRRORED_VERSIONS)) expect(manifest.dependencies[name], name).toBe(version);
    expect(mirroredVersionMismatch()).toBeNull();
  });

  it('a different installed version turns the fast engine off, naming the package', () => {
    expect(mirroredVersionMismatch((name) => (name === '@stoplight/json' ? '3.22.0' : MIRRORED_VERSIONS[name]))).toBe(
      '@stoplight/json 3.22.0 is installed; the fast engine mirrors 3.21.7',
    );
    expect(mirroredVersionMismatch(() => undefined)).toBeNull();
  });

  it('@stoplight/json pathToPointer, pointerToPath, decodePointerFragment, encodePointerUriFragment', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(ours.pathToPointer(p)).toBe(stoplightJson.pathToPointer(p));
        for (const s of p) {
          expect(ours.encodePointerUriFragment(s)).toBe(stoplightJson.encodePointerUriFragment(s));
          expect(ours.encodePointerFragment(s)).toBe(stoplightJson.encodePointerFragment(s));
        }
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        expect(ours.decodePointerFragment(text)).toBe(stoplightJson.decodePointerFragment(text));
        const pointer = `#/${text}`;
        let theirs: unknown;
        let mine: unknown;
        try {
          theirs = stoplightJson.pointerToPath(pointer);
        } catch (error) {
          theirs = error instanceof Error ? 'throws' : error;
        }
        try {
          mine = ours.pointerToPath(pointer);
        } catch (error) {
          mine = error instanceof Error ? 'throws' : error;
        }
        expect(mine).toEqual(theirs);
      }),
      runs,
    );
  });

  it('@stoplight/json isPlainObject, hasRef, isLocalRef', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.record({ $ref: fc.string({ maxLength: 8 }) })), (value) => {
        expect(ours.isPlainObject(value)).toBe(stoplightJson.isPlainObject(value));
        expect(ours.hasRef(value)).toBe(stoplightJson.hasRef(value));
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('#', '#/a', 'a.yaml#/b', '#a')), (ref) => {
        expect(ours.isLocalRef(ref)).toBe(stoplightJson.isLocalRef(ref));
      }),
      runs,
    );
  });

  it('@stoplight/spectral-runtime getClosestJsonPath, decodeSegmentFragment, printPath (dot style)', () => {
    fc.assert(
      fc.property(json, path, (data, p) => {
        expect(ours.getClosestJsonPath(data, p)).toEqual(runtime.getClosestJsonPath(data as never, p));
        for (const s of p) expect(ours.decodeSegmentFragment(s)).toBe(runtime.decodeSegmentFragment(s));
        expect(printDotPath(p)).toBe(runtime.printPath(p, runtime.PrintStyle.Dot));
      }),
      runs,
    );
  });

  it('spectral-core prepareResults: the same results kept, in the same order', () => {
    const position = fc.record({ line: fc.nat(5), character: fc.nat(5) });
    const result = fc.record({
      code: fc.constantFrom('a', 'b', 'invalid-ref'),
      path: fc.array(fc.constantFrom('paths', '/x', 'post', 0), { maxLength: 3 }),
      message: fc.constantFrom('m', 'n'),
      severity: fc.constantFrom(0, 1, 2, 3),
      source: fc.option(fc.constantFrom('/a.yaml', '/b.yaml'), { nil: undefined }),
      range: fc.record({ start: position, end: position }),
    });
    fc.assert(
      fc.property(fc.array(result, { maxLength: 12 }), (results) => {
        const input = results as unknown as ISpectralDiagnostic[];
        expect(prepareResults([...input])).toEqual(coreResults.prepareResults([...input]));
      }),
      runs,
    );
  });

  it("spectral-core getDiagnosticSeverity and the message Replacer's {{name}} form", () => {
    for (const value of ['error', 'warn', 'info', 'hint', 'off', 0, 1, 2, 3, '1']) expect(diagnosticSeverity(value)).toBe(getDiagnosticSeverity(value as never));
    const vars = { property: 'post', error: 'bad {{x}}', path: 'paths./x', description: undefined, value: { a: 1 } };
    for (const template of ['{{error}}', '{{property}}: {{error}}', '{{path}} {{description}} {{value}}', '{{unknown}} x', 'no vars', '{{ error }}']) {
      expect(formatMessage(template, vars)).toBe(new Replacer(2).print(template, vars));
    }
  });

  it('spectral-formats oas2, oas3, oas3_0, oas3_1', () => {
    const documents = fc.oneof(
      json,
      fc.record({ swagger: fc.oneof(fc.constantFrom('2.0', '2', 2, '3.0'), fc.string({ maxLength: 4 })) }),
      fc.record({ openapi: fc.oneof(fc.constantFrom('3.0.3', '3.1.0', '3.0', '3.1', '3', 3, 3.1, '3.2.0', '30.1', '3.1.0-rc1', '3.0.x'), fc.string({ maxLength: 5 })) }),
    );
    fc.assert(
      fc.property(documents, (document) => {
        for (const format of [formats.oas2, formats.oas3, formats.oas3_0, formats.oas3_1]) {
          expect(OWN_FORMATS.get(format)!(document, null), format.displayName).toBe(format(document, null));
        }
      }),
      runs,
    );
  });
});
