import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulesetInForce } from '../../src/config/ruleset-in-force';
import { tempFolder } from '../support/temp';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder with a .git marker (so no config above it is found) and the given config text, if any. */
function project(config?: { name: string; text: string }): string {
  const folder = tempFolder('ruleset-in-force-');
  folders.push(folder);
  writeFileSync(join(folder, '.git'), '');
  if (config) writeFileSync(join(folder, config.name), config.text);
  return folder;
}

describe('loadRulesetInForce: the one place the rules a command runs are worked out', () => {
  it('with no config: the package ruleset, the Standard Webhooks rules off, every rule compiled for the fast engine', async () => {
    const rules = await loadRulesetInForce({ config: true }, project());
    expect(rules.configFile).toBeUndefined();
    expect(typeof rules.compiled).not.toBe('string');
    const severities = rules.severities();
    expect(severities.get('webhook-path-prefix')).toBe('error');
    expect(severities.get('webhook-method-post')).toBe('warn');
    expect(severities.has('standard-webhooks-headers')).toBe(false);
    expect(rules.formatterRuleset().rules['webhook-https']?.documentationUrl).toMatch(/docs\/rules\/webhook-https\.md$/);
  });

  it('--profile turns the profile rules on; the config keeps the last word over them', async () => {
    const folder = project({ name: '.spectral.yaml', text: 'extends: [spectral-webhooks]\nrules:\n  standard-webhooks-envelope: "off"\n  webhook-https: warn\n' });
    const rules = await loadRulesetInForce({ config: true, profile: 'standard-webhooks' }, folder);
    expect(rules.configFile).toBe(join(folder, '.spectral.yaml'));
    const severities = rules.severities();
    expect(severities.get('standard-webhooks-headers')).toBe('error');
    expect(severities.has('standard-webhooks-envelope')).toBe(false);
    expect(severities.get('webhook-https')).toBe('warn');
  });

  it("gives a rule's function options as the config sets them (a JS config, through Spectral's loader)", async () => {
    const text = [
      "import webhooks from 'spectral-webhooks';",
      "const prefix = webhooks.rules['webhook-path-prefix'];",
      'export default {',
      '  extends: [webhooks],',
      "  rules: { 'webhook-path-prefix': { ...prefix, then: { ...prefix.then, functionOptions: { receiverWords: ['notify'] } } } },",
      '};',
      '',
    ].join('\n');
    const rules = await loadRulesetInForce({ config: true }, project({ name: '.spectral.mjs', text }));
    expect(rules.compiled).toMatch(/Spectral's own loader/);
    expect(rules.functionOptions('webhook-path-prefix')).toEqual({ receiverWords: ['notify'] });
    expect(rules.severities().get('webhook-path-prefix')).toBe('error');
    expect((await loadRulesetInForce({ config: false }, project())).functionOptions('webhook-path-prefix')).toBeUndefined();
  });

  it('refuses --profile with a config only Spectral can load, and an unknown profile', async () => {
    const folder = project({ name: '.spectral.yaml', text: 'extends: [spectral-webhooks]\noverrides:\n  - files: ["legacy/**"]\n    rules: {webhook-https: "off"}\n' });
    await expect(loadRulesetInForce({ config: true, profile: 'standard-webhooks' }, folder)).rejects.toThrow(/--profile cannot be combined with this config ruleset/);
    await expect(loadRulesetInForce({ config: false, profile: 'loud' }, folder)).rejects.toThrow(/unknown profile "loud"/);
  });
});
