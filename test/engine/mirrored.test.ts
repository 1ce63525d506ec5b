import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as formats from '@stoplight/spectral-formats';
import * as stoplightJson from '@stoplight/json';
import * as runtime from '@stoplight/spectral-runtime';
import * as stoplightYaml from '@stoplight/yaml';
import { describe, expect, it } from 'vitest';
import { diagnosticSeverity, formatMessage, OWN_FORMATS, prepareResults, printDotPath } from '../../src/engine/engine';
import { MIRRORED_VERSIONS, mirroredVersionMismatch } from '../../src/engine/mirrored-versions';
import * as ours from '../../src/engine/pointer';
import { getOrder } from '@stoplight/ordered-object-literal';
import { getJsonLocationForJsonPath, parseJsonWithPointers, type JsonNode } from '../../src/engine/json-pointers';
import { getYamlLocationForJsonPath, parseYamlWithPointers } from '../../src/engine/yaml-pointers';
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

  // src/engine/yaml-pointers.ts re-implements both in linear time (the library's are quadratic in a mapping's size, and
  // their slow steps are private): same data (key order included), diagnostics and ranges, on generated YAML.
  it('@stoplight/yaml parseWithPointers and getLocationForJsonPath, with spectral-parsers\' Yaml options', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const theirs = outcome(() => stoplightYaml.parseWithPointers(text, YAML_OPTIONS));
        const mine = outcome(() => parseYamlWithPointers(text));
        expect(describeOutcome(mine, (result) => parsedShape(result))).toEqual(describeOutcome(theirs, (result) => parsedShape(result)));
        if (!('value' in theirs) || !('value' in mine)) return;
        for (const path of pathsToTry(theirs.value.data)) {
          for (const closest of [false, true]) {
            const expected = outcome(() => stoplightYaml.getLocationForJsonPath(theirs.value, path, closest));
            const actual = outcome(() => getYamlLocationForJsonPath(mine.value, path, closest));
            expect(describeOutcome(actual, (location) => location), `${JSON.stringify(path)} closest: ${closest}\n${text}`).toEqual(describeOutcome(expected, (location) => location));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('@stoplight/yaml, on one mapping of 2 000 keys with duplicates and merges, block and flow', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => (i % 97 === 0 ? `k${i >> 1}` : i % 89 === 0 ? '<<' : `k${i}`));
    const value = (key: string, i: number) => (key === '<<' ? (i % 2 ? '*base' : '[*base, *more]') : `{n: ${i}}`);
    const block = ['base: &base {k3: b, k5: b}', 'more: &more {k5: m, k7: m}', 'm:', ...keys.map((key, i) => `  ${key}: ${value(key, i)}`)].join('\n');
    const flow = `base: &base {k3: b, k5: b}\nmore: &more {k5: m, k7: m}\nm: {${keys.map((key, i) => `${key}: ${value(key, i)}`).join(', ')}}\n`;
    for (const text of [block, flow]) {
      const theirs = stoplightYaml.parseWithPointers(text, YAML_OPTIONS);
      const mine = parseYamlWithPointers(text);
      expect(parsedShape(mine)).toEqual(parsedShape(theirs));
      for (const key of [...new Set(keys), 'k1', 'k3', 'k5', 'k7']) {
        for (const path of [['m', key], ['m', key, 'n']]) expect(getYamlLocationForJsonPath(mine, path), path.join('.')).toEqual(stoplightYaml.getLocationForJsonPath(theirs, path));
      }
    }
  });

  // src/engine/json-pointers.ts re-implements both in linear time (the library's are quadratic in an object's size, and
  // their slow steps are private): same data (key order included), AST, diagnostics and ranges, on generated JSON.
  it("@stoplight/json parseWithPointers and getLocationForJsonPath, with spectral-parsers' Json options", () => {
    fc.assert(
      fc.property(jsonText, (text) => expectSameJson(text)),
      { numRuns: 400 },
    );
  });

  it('@stoplight/json, on objects of 2 000 members with duplicate keys, and on trees syntax errors leave odd', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => (i % 97 === 0 ? `k${i >> 1}` : i % 89 === 0 ? 'toString' : `k${i}`));
    const members = keys.map((key, i) => `${JSON.stringify(key)}: ${i % 3 === 0 ? `{"n": ${i}}` : i % 3 === 1 ? `[${i}, {"m": []}]` : i}`);
    const texts = [
      `{"m": {${members.join(', ')}}}`,
      `{"m": {${members.join(',\n')}}}`,
      // A property missing its colon leaves the parser's tree one level off: later values land inside the object,
      // among them empty lists, where the library's lookup throws.
      `[{${members.slice(0, 40).join(', ')}, "a" }, [], {"x": 1}, []]`,
      `{"m": {${members.slice(0, 30).join(', ')}, "a" }, "b": [], "c": {${members.slice(30, 60).join(', ')}}}`,
    ];
    for (const text of texts) expectSameJson(text);
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

const YAML_OPTIONS = { ignoreDuplicateKeys: false, mergeKeys: true, preserveKeyOrder: true, attachComments: false };

type Outcome<T> = { value: T } | { error: unknown };

function outcome<T>(run: () => T): Outcome<T> {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function describeOutcome<T>(result: Outcome<T>, describe: (value: T) => unknown): unknown {
  if ('value' in result) return { value: describe(result.value) };
  const error = result.error as Error;
  return { threw: `${error.constructor.name}: ${error.message}` };
}

/** A parse result as comparable values: the data with each object's key order, and everything else as is. */
function parsedShape(result: stoplightYaml.YamlParserResult<unknown>): unknown {
  return { data: dataShape(result.data), diagnostics: result.diagnostics, lineMap: result.lineMap, metadata: result.metadata, comments: result.comments };
}

function dataShape(value: unknown): unknown {
  if (Array.isArray(value)) return { array: Array.from(value, dataShape) };
  if (typeof value === 'number') return { number: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value !== 'object' || value === null) return value;
  return {
    prototype: Object.getPrototypeOf(value) === Object.prototype,
    ownKeys: Reflect.ownKeys(value).map(String),
    entries: Object.keys(value).map((key) => [key, dataShape((value as Record<string, unknown>)[key])]),
  };
}

/** Every path into `data`, and beside each one that names nothing: a missing key, indices written oddly or too far. */
function pathsToTry(data: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [[]];
  const visit = (value: unknown, path: Array<string | number>, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 6) return;
    if (Array.isArray(value)) {
      for (const odd of ['01', '', ' 0', '-0', value.length, '1.0']) paths.push([...path, odd]);
      value.forEach((item, index) => {
        paths.push([...path, index], [...path, String(index)]);
        visit(item, [...path, index], depth + 1);
      });
      return;
    }
    paths.push([...path, 'missing'], [...path, 200]);
    for (const key of Object.keys(value)) {
      paths.push([...path, key], [...path, key, 'below']);
      visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  visit(data, [], 0);
  return paths;
}

const JSON_OPTIONS = { ignoreDuplicateKeys: false, preserveKeyOrder: true };

/** Our parse and lookups against the library's: the whole result, then every path (and odd ones), closest or not. */
function expectSameJson(text: string): void {
  const theirs = outcome(() => stoplightJson.parseWithPointers(text, JSON_OPTIONS));
  const mine = outcome(() => parseJsonWithPointers(text));
  expect(describeOutcome(mine, jsonParsedShape), text).toEqual(describeOutcome(theirs, (result) => jsonParsedShape(result as never)));
  if (!('value' in theirs) || !('value' in mine)) return;
  const paths = astPaths(theirs.value.ast as unknown as JsonNode | undefined);
  for (const path of paths) {
    for (const closest of [false, true]) {
      const expected = outcome(() => stoplightJson.getLocationForJsonPath(theirs.value, path, closest));
      const actual = outcome(() => getJsonLocationForJsonPath(mine.value, path, closest));
      expect(describeOutcome(actual, (location) => location), `${JSON.stringify(path)} closest: ${closest}\n${text}`).toEqual(describeOutcome(expected, (location) => location));
    }
  }
}

function jsonParsedShape(result: { data: unknown; diagnostics: unknown; ast: unknown; lineMap: unknown }): unknown {
  return { data: jsonDataShape(result.data), diagnostics: result.diagnostics, ast: astShape(result.ast as JsonNode | undefined), lineMap: result.lineMap };
}

/**
 * dataShape for the JSON parser's objects, read through their raw key order: the library lists a key twice in it
 * after `__proto__` (then even Object.keys throws), and the prototype such a key sets is compared too.
 */
function jsonDataShape(value: unknown): unknown {
  if (Array.isArray(value)) return { array: Array.from(value, jsonDataShape) };
  if (typeof value === 'number') return { number: Object.is(value, -0) ? '-0' : String(value) };
  if (typeof value !== 'object' || value === null) return value;
  const order = (getOrder(value as Record<string, unknown>) as unknown[] | undefined) ?? [];
  const prototype: unknown = Object.getPrototypeOf(value);
  return {
    prototype: prototype === Object.prototype ? 'Object.prototype' : jsonDataShape(prototype),
    order: order.map(String),
    entries: order.map((key) => [String(key), typeof key === 'string' && Object.prototype.hasOwnProperty.call(value, key) ? jsonDataShape((value as Record<string, unknown>)[key]) : 'not own']),
  };
}

/** An AST node without its parent (a cycle), its parent's type in its place. */
function astShape(node: JsonNode | undefined): unknown {
  if (node === undefined) return undefined;
  const { parent, children, value, ...rest } = node;
  return { ...rest, value: jsonDataShape(value), parent: parent?.type, children: children?.map(astShape) };
}

/**
 * Every path into the tree as it is (a tree syntax errors left odd holds members the data does not; the data's key order
 * may even list a key twice), and beside each one that names nothing: a missing key, indices written oddly or too far.
 */
function astPaths(root: JsonNode | undefined): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [[]];
  const visit = (node: JsonNode, path: Array<string | number>, depth: number) => {
    if (depth > 6 || !node.children) return;
    if (node.type === 'array') for (const odd of ['01', '', ' 0', '-0', node.children.length, '1.0', 1.5]) paths.push([...path, odd]);
    else paths.push([...path, 'missing'], [...path, 200], [...path, '0']);
    node.children.forEach((child, index) => {
      const key = child.type === 'property' ? child.children?.[0]?.value : index;
      if (typeof key !== 'string' && typeof key !== 'number') return;
      paths.push([...path, key], [...path, String(key)], [...path, key, 'below']);
      const next = child.type === 'property' ? child.children?.[1] : child;
      if (next) visit(next, [...path, key], depth + 1);
    });
  };
  if (root) visit(root, [], 0);
  return paths;
}

// Generated JSON: objects and arrays (some big enough for the index), duplicate and inherited (`toString`,
// `__proto__`) keys, keys written with escapes or holding what JSON pointers escape (`/`, `~`), keys that read as
// numbers, numbers of every form, comments, CRLF line ends, and syntax errors made by cutting, dropping or inserting
// characters.
type JsonTree = { kind: 'literal'; text: string } | { kind: 'object'; members: Array<[string, JsonTree]> } | { kind: 'array'; items: JsonTree[] };

const jsonKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('"a"', '"b"', '"c"', '"post"', '"responses"') },
  { weight: 2, arbitrary: fc.constantFrom('"/x"', '"/x/y"', '"~y"', '"a/b~c"', '"~1"', '"~0"', '"a b"', '"\\/x"', '"\\u0061"', '"\\u002f"', '"\\"q\\""', '"\\n"') },
  { weight: 2, arbitrary: fc.constantFrom('"0"', '"1"', '"01"', '""', '" 1 "', '"-0"', '"1.5"', '"200"', '"1e3"') },
  { weight: 1, arbitrary: fc.constantFrom('"toString"', '"__proto__"', '"constructor"', '"\\u005f_proto__"') },
);
const jsonLiteral = fc.constantFrom('0', '-0', '1', '-2', '3.5', '1.5e3', '-2.5E-2', '1e400', '12345678901234567890', 'true', 'false', 'null', '"s"', '""', '"\\u00e9\\t"');
const { tree: jsonTree } = fc.letrec<{ tree: JsonTree; object: JsonTree; array: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: jsonLiteral.map((text): JsonTree => ({ kind: 'literal', text })) },
    { weight: 3, arbitrary: tie('object') },
    { weight: 2, arbitrary: tie('array') },
  ),
  object: fc.oneof(
    fc.array(fc.tuple(jsonKey, tie('tree')), { maxLength: 5 }),
    fc.array(fc.tuple(jsonKey, jsonLiteral.map((text): JsonTree => ({ kind: 'literal', text }))), { minLength: 16, maxLength: 30 }),
  ).map((members): JsonTree => ({ kind: 'object', members })),
  array: fc.array(tie('tree'), { maxLength: 4 }).map((items): JsonTree => ({ kind: 'array', items })),
}));
const jsonEdit = fc.record({ at: fc.nat(), what: fc.constantFrom('cut', 'drop', '{', '}', '[', ']', ',', ':', '"', '"k"', '1', ' ') });
const jsonText = fc
  .record({
    root: jsonTree,
    pretty: fc.boolean(),
    comments: fc.boolean(),
    crlf: fc.boolean(),
    edits: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(jsonEdit, { minLength: 1, maxLength: 3 }) }),
  })
  .map(({ root, pretty, comments, crlf, edits }) => {
    const newline = crlf ? '\r\n' : '\n';
    const write = (node: JsonTree, depth: number): string => {
      const pad = pretty ? newline + '  '.repeat(depth + 1) : '';
      const close = pretty ? newline + '  '.repeat(depth) : '';
      const note = comments ? ' /* note */' : '';
      if (node.kind === 'literal') return node.text;
      if (node.kind === 'array') return `[${node.items.map((item) => `${pad}${write(item, depth + 1)}`).join(',')}${node.items.length ? close : ''}]`;
      return `{${node.members.map(([key, value]) => `${pad}${key}:${note} ${write(value, depth + 1)}`).join(',')}${node.members.length ? close : ''}}`;
    };
    let text = write(root, 0) + (comments ? `${newline}// end` : '') + newline;
    for (const { at, what } of edits) {
      const position = at % (text.length + 1);
      if (what === 'cut') text = text.slice(0, position);
      else if (what === 'drop') text = text.slice(0, position) + text.slice(position + 1);
      else text = text.slice(0, position) + what + text.slice(position);
    }
    return text;
  });

// Generated YAML: block and flow collections, duplicate and merge (`<<`) keys, anchors and aliases (some to anchors not
// defined, or defined later), keys JSON pointers escape (`/`, `~`), numbers, nulls and collections as keys, tags,
// comments, CRLF line ends.
type YamlTree =
  | { kind: 'scalar'; text: string }
  | { kind: 'alias'; name: string }
  | { kind: 'map'; flow: boolean; anchor: string | null; entries: Array<[string, YamlTree]> }
  | { kind: 'seq'; flow: boolean; anchor: string | null; items: YamlTree[] };

const anchorName = fc.constantFrom('a1', 'a2', 'a3');
const yamlKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'post', 'responses') },
  { weight: 2, arbitrary: fc.constantFrom('<<', '"<<"', '/x', '/x/y', '~y', 'a/b~c', '"~1"', "'q/~0'", 'a b') },
  { weight: 2, arbitrary: fc.constantFrom('200', '204', '1.5', '0x1F', '01', '-0', '12345678901234567890', 'null', '~', 'true', '""') },
  { weight: 1, arbitrary: fc.constantFrom('[k1, k2]', '{k: v}', '*a1 ', '!!str 5') },
);
const yamlScalar = fc.constantFrom('x', 'two words', '1', '-2', '3.5', '.inf', '.nan', '0o17', 'true', 'null', '~', '"s"', "'t'", '""', '12345678901234567890', '2001-12-14', '!!str 7');
const alias = anchorName.map((name): YamlTree => ({ kind: 'alias', name }));
// `<<: *a1` or `<<: [*a1, *a2]`: a merge, when the anchor names a mapping defined before it.
const mergeEntry = fc
  .oneof(alias, fc.array(alias, { minLength: 1, maxLength: 3 }).map((items): YamlTree => ({ kind: 'seq', flow: true, anchor: null, items })))
  .map((value): [string, YamlTree] => ['<<', value]);
const { tree: yamlTree } = fc.letrec<{ tree: YamlTree; map: YamlTree; seq: YamlTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: yamlScalar.map((text): YamlTree => ({ kind: 'scalar', text })) },
    { weight: 1, arbitrary: alias },
    { weight: 3, arbitrary: tie('map') },
    { weight: 1, arbitrary: tie('seq') },
  ),
  map: fc.record({
    kind: fc.constant('map' as const),
    flow: fc.boolean(),
    anchor: fc.option(anchorName, { nil: null }),
    entries: fc.array(fc.oneof({ weight: 5, arbitrary: fc.tuple(yamlKey, tie('tree')) }, { weight: 1, arbitrary: mergeEntry }), { maxLength: 6 }),
  }),
  seq: fc.record({ kind: fc.constant('seq' as const), flow: fc.boolean(), anchor: fc.option(anchorName, { nil: null }), items: fc.array(tie('tree'), { maxLength: 3 }) }),
}));
const yamlText = fc
  .record({ entries: fc.array(fc.tuple(yamlKey, yamlTree), { minLength: 1, maxLength: 8 }), flowRoot: fc.boolean(), comments: fc.boolean(), crlf: fc.boolean() })
  .map(({ entries, flowRoot, comments, crlf }) => {
    const root: YamlTree = { kind: 'map', flow: flowRoot, anchor: null, entries };
    const lines = flowRoot ? [inline(root)] : blockLines(root as Extract<YamlTree, { kind: 'map' }>, 0, comments);
    return `${lines.join(crlf ? '\r\n' : '\n')}\n`;
  });
function anchored(node: YamlTree): string {
  return 'anchor' in node && node.anchor !== null ? `&${node.anchor} ` : '';
}

function inline(node: YamlTree): string {
  switch (node.kind) {
    case 'scalar':
      return node.text;
    case 'alias':
      return `*${node.name}`;
    case 'map':
      return `${anchored(node)}{${node.entries.map(([key, value]) => `${key}: ${inline(value)}`).join(', ')}}`;
    case 'seq':
      return `${anchored(node)}[${node.items.map(inline).join(', ')}]`;
  }
}

function isBlock(node: YamlTree): node is Extract<YamlTree, { kind: 'map' | 'seq' }> {
  return (node.kind === 'map' && !node.flow && node.entries.length > 0) || (node.kind === 'seq' && !node.flow && node.items.length > 0);
}

function blockLines(node: Extract<YamlTree, { kind: 'map' | 'seq' }>, depth: number, comments: boolean): string[] {
  const pad = '  '.repeat(depth);
  const comment = comments ? '  # note' : '';
  const lines: string[] = [];
  const children = node.kind === 'map' ? node.entries : node.items.map((item) => ['-', item] as [string, YamlTree]);
  for (const [key, value] of children) {
    const lead = node.kind === 'map' ? `${pad}${key}:` : `${pad}-`;
    if (isBlock(value)) {
      lines.push(`${lead}${value.anchor === null ? '' : ` &${value.anchor}`}${comment}`, ...blockLines(value, depth + 1, comments));
    } else {
      lines.push(`${lead} ${inline(value)}${comment}`);
    }
  }
  return lines;
}
