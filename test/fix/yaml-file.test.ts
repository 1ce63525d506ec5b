import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/fix/editable-file';
import { YamlFile } from '../../src/fix/yaml-file';
import { FixRefusal } from '../../src/functions/fix-api';

/** The text after one editing call on a YAML file. */
function edited(text: string, edit: (file: YamlFile) => Array<{ offset: number; length: number; content: string }>): string {
  return applyEdits(text, edit(new YamlFile('/spec.yaml', text)));
}

function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof FixRefusal) return error.reason;
    throw error;
  }
  return 'not refused';
}

describe('YAML editing on the linter\'s parse tree', () => {
  it('gives an empty value its boolean after the colon', () => {
    const text = 'post:\n  x-internal:\n  summary: s\n';
    expect(edited(text, (file) => file.replaceWithBoolean(['post', 'x-internal'], true))).toBe('post:\n  x-internal: true\n  summary: s\n');
  });

  it('replaces a block scalar and keeps the line break after it, so the next key stays on its line', () => {
    const text = 'servers:\n  - url: |-\n      http://a.example.com\n    description: d\n';
    expect(edited(text, (file) => file.replaceString(['servers', 0, 'url'], 'https://a.example.com'))).toBe('servers:\n  - url: "https://a.example.com"\n    description: d\n');
  });

  it('removes a flow item without taking the next item\'s anchor', () => {
    const text = 'schemes: [http, &secure https]\nother: *secure\n';
    expect(edited(text, (file) => file.removeItem(['schemes'], 0))).toBe('schemes: [&secure https]\nother: *secure\n');
  });

  it('keeps an anchor and a value\'s quoting when it renames a key or replaces a value', () => {
    const text = "paths:\n  '/hooks/a': &item\n    post: {summary: s}\n";
    expect(edited(text, (file) => file.renameKey(['paths', '/hooks/a'], '/_webhooks/a'))).toBe("paths:\n  '/_webhooks/a': &item\n    post: {summary: s}\n");
  });

  it("reads what the linter reads: merge keys resolved (Spectral's parser merges a quoted << too)", () => {
    const file = new YamlFile('/spec.yaml', "base: &b {x-internal: true}\nop:\n  <<: *b\n  summary: s\nquoted:\n  '<<': *b\n");
    expect(file.data).toEqual({ base: { 'x-internal': true }, op: { 'x-internal': true, summary: 's' }, quoted: { 'x-internal': true } });
    expect(file.hasOwnKey(['op'], 'x-internal')).toBe(false);
    expect(file.hasOwnKey(['op'], 'summary')).toBe(true);
  });

  it('refuses nodes shared through anchors, aliases and merge keys, and tagged values', () => {
    const file = new YamlFile('/spec.yaml', 'a: &shared {x-internal: false}\nb: *shared\nc:\n  <<: *shared\nd:\n  x-internal: !!str false\n');
    expect(refusal(() => file.replaceWithBoolean(['a', 'x-internal'], true))).toBe('it is shared through the YAML anchor &shared; edit the anchor by hand');
    expect(refusal(() => file.replaceWithBoolean(['b', 'x-internal'], true))).toBe('it is shared through the YAML alias *shared; edit the anchor by hand');
    expect(refusal(() => file.replaceWithBoolean(['c', 'x-internal'], true))).toBe('it is shared through the YAML merge key <<; edit the anchor by hand');
    expect(refusal(() => file.replaceWithBoolean(['d', 'x-internal'], true))).toBe('the value has an explicit tag');
  });

  it('refuses an implicit key over 1,024 characters as the yaml package does, at the key', () => {
    let error: unknown;
    try {
      new YamlFile('/spec.yaml', `paths:\n  /${'a'.repeat(1_100)}:\n    post: {}\n`);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toBe('cannot parse YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
    expect((error as { cause: unknown }).cause).toEqual({ linePos: [{ line: 2, col: 3 }] });
  });
});
