import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';
import standardWebhooks from '../../rules/profiles/standard-webhooks';
import { readSimpleConfig } from '../../src/config/simple-config';
import { tempFolder } from '../support/temp';

const profiles = { 'standard-webhooks': () => standardWebhooks };

function read(files: Record<string, string>, config = '.spectral.yaml') {
  const folder = tempFolder('simple-config-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return readSimpleConfig(join(folder, config), ruleset, profiles);
}

describe('readSimpleConfig: configs the fast engine runs without Spectral\'s loader', () => {
  it('layers the user config over ours, as loadConfigRuleset does (ours first, not twice)', () => {
    expect(read({ '.spectral.yaml': 'extends: spectral-webhooks\nrules: {webhook-https: warn}\n' })).toEqual({ extends: [ruleset], rules: { 'webhook-https': 'warn' } });
    expect(read({ '.spectral.json': '{"extends": [["spectral-webhooks/standard-webhooks", "all"]]}' }, '.spectral.json')).toEqual({
      extends: [ruleset, [standardWebhooks, 'all']],
    });
  });

  it('takes a copy of the package installed in node_modules, by path, as this one', () => {
    const config = read({
      'node_modules/spectral-webhooks/dist/rules/index.js': '',
      '.spectral.yaml': 'extends: [./node_modules/spectral-webhooks/dist/rules/index.js]\n',
    });
    expect(config).toEqual({ extends: [ruleset] });
  });

  it.each([
    ['a file of another package', { 'node_modules/other/index.js': '', '.spectral.yaml': 'extends: [./node_modules/other/index.js]\n' }],
    ['a rule object', { '.spectral.yaml': 'extends: [spectral-webhooks]\nrules:\n  webhook-https: {severity: warn}\n' }],
    ['formats', { '.spectral.yaml': 'extends: [spectral-webhooks]\nformats: [oas3]\n' }],
    ['an extends severity Spectral does not know', { '.spectral.yaml': 'extends: [[spectral-webhooks, loud]]\n' }],
    ['an export the package does not have', { '.spectral.yaml': 'extends: [spectral-webhooks/constructor]\n' }],
    ['a YAML merge key', { '.spectral.yaml': 'extends: [spectral-webhooks]\nrules: {<<: {webhook-https: off}}\n' }],
    ['a key Spectral rulesets do not have here', { '.spectral.yaml': 'extends: [spectral-webhooks]\nparserOptions: {incompatibleValues: off}\n' }],
  ])('leaves the rest to Spectral\'s loader: %s', (_name, files) => {
    expect(read(files)).toBeUndefined();
  });
});
