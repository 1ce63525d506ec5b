import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../rules';
import { FIXABLE_RULES } from '../../src/fix/fixable';
import { REPO_ROOT, runCli, tempProject } from '../support/run-cli';
import { ERROR_AND_WARNING } from '../support/cli-documents';

const RULE_IDS = Object.keys(ruleset.rules).sort();

interface RuleRow {
  id: string;
  severity: string;
  fixable: boolean;
  description: string;
  documentationUrl: string;
}

describe('rules', { timeout: 120_000 }, () => {
  it('lists every rule of the ruleset as JSON: id, severity, fixable, description, docs link', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const rows = JSON.parse(run.stdout) as RuleRow[];
    expect(rows.map((row) => row.id)).toEqual(RULE_IDS);
    for (const row of rows) {
      const rule = ruleset.rules[row.id as keyof typeof ruleset.rules] as { severity: string; description: string; documentationUrl: string };
      expect(row).toEqual({
        id: row.id,
        severity: rule.severity,
        // The repository's own .spectral.yaml (the CLI's cwd here) only extends the ruleset: the defaults are in force.
        inForce: (rule as { recommended?: boolean }).recommended === false ? 'off' : rule.severity,
        fixable: FIXABLE_RULES.has(row.id),
        description: rule.description,
        documentationUrl: rule.documentationUrl,
      });
    }
  });

  it("shows the severity in force under the config lint would use, and the rules' own with --no-config", async () => {
    const cwd = tempProject({
      '.spectral.yaml': 'extends: [spectral-webhooks]\nrules:\n  webhook-https: off\n  webhook-x-internal: hint\n  standard-webhooks-headers: warn\n',
    });
    const inForce = async (args: string[]) =>
      Object.fromEntries((JSON.parse((await runCli(['rules', '--format', 'json', ...args], { cwd })).stdout) as Array<RuleRow & { inForce: string }>).map((row) => [row.id, row.inForce]));
    expect(await inForce([])).toMatchObject({ 'webhook-https': 'off', 'webhook-x-internal': 'hint', 'standard-webhooks-headers': 'warn', 'webhook-path-prefix': 'error' });
    expect(await inForce(['--no-config'])).toMatchObject({ 'webhook-https': 'error', 'webhook-x-internal': 'error', 'standard-webhooks-headers': 'off' });
    // A config only Spectral's loader reads (another ruleset) gives the same answer through it.
    const spectralLoaded = tempProject({ 'strict.yaml': 'extends: [spectral-webhooks, "spectral:oas"]\nrules:\n  webhook-https: off\n' });
    const run = await runCli(['rules', '-r', 'strict.yaml'], { cwd: spectralLoaded });
    expect(run.stdout).toMatch(/^webhook-https\s+error\s+off\s/m);
    expect(run.stdout).toContain('"in force": what lint reports each rule at here (with strict.yaml).');
  });

  it('prints a table with a header and one line per rule', async () => {
    const run = await runCli(['rules']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+severity\s+in force\s+fixable\s+description\s+docs$/);
    for (const id of RULE_IDS) {
      const fixable = FIXABLE_RULES.has(id) ? 'yes' : 'no';
      expect(lines.find((line) => line.startsWith(`${id} `))).toMatch(new RegExp(`^${id}\\s+(error|warn|info|hint)\\s+(error|warn|info|hint|off)\\s+${fixable}\\s+\\S.*\\shttps://\\S+/${id}\\.md$`));
    }
  });
});

describe('explain', { timeout: 120_000 }, () => {
  it("prints each rule's docs page exactly as shipped, or says the page is missing (exit 2)", async () => {
    for (const id of RULE_IDS) {
      const page = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
      const run = await runCli(['explain', id]);
      if (existsSync(page)) {
        expect(run, id).toMatchObject({ status: 0, stderr: '' });
        expect(run.stdout).toBe(readFileSync(page, 'utf8'));
      } else {
        expect(run.status, id).toBe(2);
        expect(run.stderr).toBe(`spectral-webhooks: no documentation page for "${id}" in this installation (expected ${page})\n`);
      }
    }
  });

  it('suggests the closest ids for an unknown one (exit 2)', async () => {
    const run = await runCli(['explain', 'webhook-htps']);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('spectral-webhooks: unknown rule "webhook-htps" (did you mean webhook-https?)\n');
  });

  it('points at `rules` when nothing is close (exit 2)', async () => {
    const run = await runCli(['explain', 'operation-tags']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('spectral-webhooks: unknown rule "operation-tags" (run `spectral-webhooks rules` to list them)\n');
  });
});

describe('init', { timeout: 120_000 }, () => {
  it('writes a .spectral.yaml that extends the ruleset and that lint then uses', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['init'], { cwd });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('Wrote .spectral.yaml');
    expect(run.stdout).toContain('- id: spectral-webhooks');
    expect(run.stdout).toContain('-f github-actions');
    expect(run.stdout).toContain('codequality:');
    const config = readFileSync(join(cwd, '.spectral.yaml'), 'utf8');
    expect(config).toMatch(/^extends:\n {2}- spectral-webhooks$/m);
    const lint = await runCli(['lint', '--verbose', '-f', 'json', 'openapi.yaml'], { cwd });
    expect(lint.stderr).toContain('ruleset .spectral.yaml layered over the webhook rules');
    expect((JSON.parse(lint.stdout) as Array<{ code: string }>).map((result) => result.code)).toEqual(['webhook-path-prefix', 'webhook-method-post']);
  });

  it('never overwrites an existing config without --force', async () => {
    const cwd = tempProject({ '.spectral.yaml': 'extends: spectral:oas\n' });
    const refused = await runCli(['init'], { cwd });
    expect(refused).toMatchObject({ status: 2, stdout: '' });
    expect(refused.stderr).toBe('spectral-webhooks: .spectral.yaml already exists; not overwritten (use --force to replace .spectral.yaml)\n');
    expect(readFileSync(join(cwd, '.spectral.yaml'), 'utf8')).toBe('extends: spectral:oas\n');
    const forced = await runCli(['init', '--force'], { cwd });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(cwd, '.spectral.yaml'), 'utf8')).toContain('- spectral-webhooks');
  });

  it('refuses when another .spectral.* file exists, even with --force', async () => {
    const cwd = tempProject({});
    writeFileSync(join(cwd, '.spectral.json'), '{"extends": "spectral:oas"}');
    const run = await runCli(['init', '--force'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.spectral.json already exists');
    expect(existsSync(join(cwd, '.spectral.yaml'))).toBe(false);
  });
});

describe('version and help', { timeout: 120_000 }, () => {
  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = await runCli([flag]);
      expect(run).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('has --help with real examples on every command', async () => {
    for (const command of [[], ['lint'], ['rules'], ['explain'], ['init']]) {
      const run = await runCli([...command, '--help']);
      expect(run.status, command.join(' ')).toBe(0);
      expect(run.stdout, command.join(' ')).toMatch(/Usage: spectral-webhooks/);
      expect(run.stdout, command.join(' ')).toMatch(/Examples:\n {2}\$ spectral-webhooks /);
    }
  });

  it('documents every lint flag in lint --help', async () => {
    const run = await runCli(['lint', '--help']);
    for (const flag of [
      '--format',
      '--output',
      '--fail-severity',
      '--max-warnings',
      '--display-only-failures',
      '--quiet',
      '--verbose',
      '--ignore-unknown-format',
      '--allow-empty-input',
      '--stdin-filepath',
      '--ruleset',
      '--no-config',
      '--allow-remote-refs',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).not.toContain('--output-for');
  });

  it('rejects an unknown command in one line (exit 2)', async () => {
    const run = await runCli(['lnt', 'openapi.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("spectral-webhooks: unknown command 'lnt' (Did you mean lint?)\n");
  });
});
