import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';
import { compileRules } from '../../src/engine/engine';
import { parseGiven } from '../../src/engine/jsonpath';

describe('rule givens', () => {
  it.each(Object.entries(ruleset.rules))('%s never uses recursive descent (..)', (_id, rule) => {
    const givens = ([] as string[]).concat((rule as { given: string | string[] }).given);
    for (const given of givens) {
      expect(given).not.toContain('..');
      expect(parseGiven(given), `given ${given}`).toBeDefined();
    }
  });

  it('the fast engine runs every rule of the bundled ruleset', () => {
    const compiled = compileRules(ruleset);
    expect(compiled, String(compiled)).toBeInstanceOf(Array);
    // Rules with `recommended: false` (the Standard Webhooks profile's) are off in the bundled ruleset, so not compiled.
    const enabled = Object.entries(ruleset.rules).filter(([, rule]) => (rule as { recommended?: boolean }).recommended !== false);
    expect((compiled as Array<{ name: string }>).map((rule) => rule.name).sort()).toEqual(enabled.map(([name]) => name).sort());
  });

  it('rejects the JSONPath forms it does not support', () => {
    expect(parseGiven('$..paths')).toBeUndefined();
    expect(parseGiven('$.paths[?(@.x)]')).toBeUndefined();
    expect(parseGiven('$.paths[*][*]')).toEqual([{ kind: 'key', key: 'paths' }, { kind: 'wildcard' }, { kind: 'wildcard' }]);
    expect(parseGiven("$.components['x-webhooks'].*")).toEqual([{ kind: 'key', key: 'components' }, { kind: 'key', key: 'x-webhooks' }, { kind: 'wildcard' }]);
  });
});
