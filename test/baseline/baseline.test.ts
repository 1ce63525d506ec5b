import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, updateBaseline } from '../../src/baseline/baseline';
import { baselineFileName, entryOf, messageHash, type BaselineEntry, type BaselineFinding } from '../../src/baseline/entry';
import { formatBaseline, parseBaseline, readBaseline } from '../../src/baseline/file';
import { applyBaselineOptions } from '../../src/baseline/run';
import { ToolError } from '../../src/errors';
import { tempFolder } from '../support/temp';

const baseDir = '/repo';
const finding = (path: Array<string | number>, message = 'GET /_webhooks/meta: use POST', code = 'webhook-method-post', source = '/repo/specs/api.yaml'): BaselineFinding => ({ code, path, message, source });
const entry = (f: BaselineFinding): BaselineEntry => entryOf(f, baseDir);
const scope = { baseDir, files: ['/repo/specs/api.yaml'] };

describe('baseline entries', () => {
  it('name the file relative to the baseline folder with forward slashes, and hash the message to 8 hex digits', () => {
    expect(entry(finding(['paths', '/_webhooks/meta', 'get']))).toEqual({
      file: 'specs/api.yaml',
      rule: 'webhook-method-post',
      path: ['paths', '/_webhooks/meta', 'get'],
      hash: messageHash('GET /_webhooks/meta: use POST'),
    });
    expect(messageHash('a')).toMatch(/^[0-9a-f]{8}$/);
    expect(messageHash('a')).not.toBe(messageHash('b'));
    expect(baselineFileName('/elsewhere/api.yaml', baseDir)).toBe('../elsewhere/api.yaml');
  });
});

describe('formatBaseline', () => {
  const entries = [
    entry(finding(['paths', '/_webhooks/b', 'get'])),
    entry(finding(['paths', '/_webhooks/a', 'get'])),
    entry(finding(['servers', 0, 'url'], 'http', 'webhook-https', '/repo/a.yaml')),
  ];

  it('writes one sorted entry per line, the same bytes whatever the input order, and reads back what it wrote', () => {
    const text = formatBaseline(entries);
    expect(text).toBe(formatBaseline([...entries].reverse()));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '  "version": 1,', '  "findings": [']);
    expect(lines[3]).toBe(`    {"file":"a.yaml","rule":"webhook-https","path":["servers",0,"url"],"hash":"${messageHash('http')}"},`);
    expect(lines[4]).toContain('"/_webhooks/a"');
    expect(lines[5]).toContain('"/_webhooks/b"');
    expect(text.endsWith('  ]\n}\n')).toBe(true);
    expect(parseBaseline(text, 'b.json')).toEqual([entries[2], entries[1], entries[0]]);
  });

  it('writes an empty baseline as valid JSON', () => {
    expect(JSON.parse(formatBaseline([]))).toEqual({ version: 1, findings: [] });
  });
});

describe('parseBaseline', () => {
  const fails = (text: string) => {
    try {
      parseBaseline(text, 'baseline.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ToolError);
      return (error as ToolError).toOneLine();
    }
    throw new Error('expected a ToolError');
  };

  it('names file, line and column of a JSON syntax error', () => {
    expect(fails('{\n  "version": 1,\n  "findings": [x]\n}')).toMatch(/^baseline\.json:3:16: cannot parse baseline JSON/);
  });

  it('rejects another version, a non-list, and a malformed entry, saying how to recover', () => {
    expect(fails('{"version": 2, "findings": []}')).toContain('unsupported version 2');
    expect(fails('{"version": 1, "findings": {}}')).toContain('"findings" is not a list');
    expect(fails('{"version": 1, "findings": [{"file": "a", "rule": "r", "path": [{}], "hash": "12345678"}]}')).toContain('findings[0] is not {file, rule, path, hash}');
    expect(fails('[]')).toContain('delete it and run --update-baseline');
  });
});

describe('compareWithBaseline', () => {
  const held = finding(['paths', '/_webhooks/meta', 'get']);
  const fresh = finding(['paths', '/_webhooks/new', 'get'], 'GET /_webhooks/new: use POST');

  it('reports only findings the baseline does not hold, and counts the ones it kept quiet', () => {
    const result = compareWithBaseline([held, fresh], [entry(held)], scope);
    expect(result).toEqual({ newFindings: [fresh], suppressed: 1, fixed: [] });
  });

  it('treats a changed message at the same path as a new finding, and the old entry as fixed', () => {
    const changed = { ...held, message: 'GET /_webhooks/meta: another problem' };
    const result = compareWithBaseline([changed], [entry(held)], scope);
    expect(result).toEqual({ newFindings: [changed], suppressed: 0, fixed: [entry(held)] });
  });

  it('counts entries: one entry keeps one of two identical findings quiet', () => {
    expect(compareWithBaseline([held, held], [entry(held)], scope)).toMatchObject({ suppressed: 1, newFindings: [held] });
  });

  it('declares fixed only the entries of files this run linted', () => {
    const other = entry(finding(['paths', '/_webhooks/x', 'get'], 'm', 'webhook-method-post', '/repo/specs/other.yaml'));
    const gone = entry(finding(['paths', '/_webhooks/gone', 'get']));
    expect(compareWithBaseline([], [other, gone], scope).fixed).toEqual([gone]);
  });

  it('covers a $ref-ed file a finding points into', () => {
    const inRef = finding(['get'], 'm', 'webhook-method-post', '/repo/specs/paths/meta.yaml');
    expect(compareWithBaseline([inRef], [entry(inRef)], scope)).toMatchObject({ suppressed: 1, newFindings: [] });
  });
});

describe('updateBaseline', () => {
  it("replaces this run's files' entries with the current findings and keeps other files' entries", () => {
    const other = entry(finding(['paths', '/_webhooks/x', 'get'], 'm', 'webhook-method-post', '/repo/specs/other.yaml'));
    const gone = entry(finding(['paths', '/_webhooks/gone', 'get']));
    const kept = finding(['paths', '/_webhooks/kept', 'get']);
    const fresh = finding(['paths', '/_webhooks/new', 'get']);
    const update = updateBaseline([kept, fresh], [other, gone, entry(kept)], scope);
    expect(update.added).toBe(1);
    expect(update.removed).toBe(1);
    expect(formatBaseline(update.entries)).toBe(formatBaseline([other, entry(kept), entry(fresh)]));
  });
});

describe('applyBaselineOptions', () => {
  const folder = () => tempFolder('spectral-webhooks-baseline-');

  it('passes results through when neither option is given', async () => {
    const results = [finding(['a'])];
    expect(await applyBaselineOptions(results, [], {})).toEqual({ results, notes: [] });
  });

  it('writes the baseline with --update-baseline, then suppresses what it holds', async () => {
    const dir = folder();
    const file = join(dir, 'baseline.json');
    const spec = join(dir, 'api.yaml');
    const results = [finding(['paths', '/_webhooks/meta', 'get'], 'm', 'webhook-method-post', spec)];
    const written = await applyBaselineOptions(results, [spec], { baseline: file, updateBaseline: true });
    expect(written.results).toEqual([]);
    expect(written.notes).toEqual([`Baseline ${file} updated: it holds 1 finding (1 new finding added, 0 fixed findings removed).`]);
    expect(await readBaseline(file)).toEqual([{ file: 'api.yaml', rule: 'webhook-method-post', path: ['paths', '/_webhooks/meta', 'get'], hash: messageHash('m') }]);

    const again = await applyBaselineOptions(results, [spec], { baseline: file });
    expect(again).toEqual({ results: [], notes: [`Baseline ${file} suppressed 1 finding; 0 new findings reported.`] });
  });

  it('lists the entries whose findings are gone as fixed', async () => {
    const dir = folder();
    const file = join(dir, 'baseline.json');
    const spec = join(dir, 'api.yaml');
    writeFileSync(file, formatBaseline([entryOf(finding(['paths', '/_webhooks/meta', 'get'], 'm', 'webhook-method-post', spec), dir)]));
    const outcome = await applyBaselineOptions([], [spec], { baseline: file });
    expect(outcome.notes).toEqual([
      `Baseline ${file} suppressed 0 findings; 0 new findings reported.`,
      '1 baseline entry matches no finding any more: fixed, remove from baseline (run with --update-baseline):',
      '  fixed, remove from baseline: api.yaml webhook-method-post paths./_webhooks/meta.get',
    ]);
    expect(readFileSync(file, 'utf8')).toContain('/_webhooks/meta');
  });

  it('fails with exit-2 advice when --baseline names a missing file', async () => {
    const file = join(folder(), 'missing.json');
    await expect(applyBaselineOptions([], [], { baseline: file })).rejects.toThrow('baseline file not found (create it with --update-baseline)');
  });
});
