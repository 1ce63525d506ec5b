import { applyEdits as applyJsoncEdits, modify } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/fix/editable-file';
import { JsonFile } from '../../src/fix/json-file';

/**
 * JsonFile inserts a property by formatting only the lines it touches (jsonc-parser's modify() re-parses the whole
 * text per edit, quadratic over thousands of fixes). The text it writes must be what modify() writes, in every layout.
 */
const LAYOUTS: Array<[string, string]> = [
  ['two spaces', JSON.stringify({ paths: { '/a': { post: { summary: 's', responses: {} } } } }, null, 2)],
  ['four spaces', JSON.stringify({ paths: { '/a': { post: { summary: 's' } } } }, null, 4)],
  ['tabs', JSON.stringify({ paths: { '/a': { post: { summary: 's' } } } }, null, '\t')],
  ['CRLF', JSON.stringify({ paths: { '/a': { post: { summary: 's' } } } }, null, 2).replace(/\n/g, '\r\n')],
  ['one line', JSON.stringify({ paths: { '/a': { post: { summary: 's' } } } })],
  ['empty operation', '{\n  "paths": {\n    "/a": {\n      "post": {}\n    }\n  }\n}\n'],
  ['empty operation over lines', '{\n  "paths": {\n    "/a": {\n      "post": {\n      }\n    }\n  }\n}\n'],
  ['operation on its key line', '{\n  "paths": {\n    "/a": { "post": { "summary": "s" },\n      "get": {} }\n  }\n}\n'],
  ['odd spacing', '{\n  "paths" : {\n    "/a" :{"post":{   "summary":"s",\n        "responses" : {}}}}}\n'],
  ['operation after an array', '{\n  "tags": [\n    "x"\n  ],\n  "paths": {\n    "/a": {\n      "post": {\n        "tags": ["a", "b"]\n      }\n    }\n  }\n}'],
];

describe('JSON property insertion', () => {
  it.each(LAYOUTS)('writes what jsonc-parser modify() writes (%s)', (_name, text) => {
    const file = new JsonFile('/doc.json', text);
    const indent = /\n([ \t]+)\S/.exec(text)?.[1];
    const formattingOptions = indent === undefined ? undefined : indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol: text.includes('\r\n') ? '\r\n' : '\n' } : { insertSpaces: true, tabSize: indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
    const path = ['paths', '/a', 'post'];
    const expected = applyJsoncEdits(text, modify(text, [...path, 'x-internal'], true, { formattingOptions, getInsertionIndex: () => 0 }));
    const actual = applyEdits(text, file.insertBooleanProperty(path, 'x-internal', true));
    expect(actual).toBe(expected);
    expect(JSON.parse(actual).paths['/a'].post['x-internal']).toBe(true);
  });

  it('sets a property that is already there, as modify() does', () => {
    const text = '{\n  "post": {\n    "x-internal": "yes",\n    "summary": "s"\n  }\n}\n';
    const actual = applyEdits(text, new JsonFile('/doc.json', text).insertBooleanProperty(['post'], 'x-internal', true));
    expect(actual).toBe('{\n  "post": {\n    "x-internal": true,\n    "summary": "s"\n  }\n}\n');
  });
});
