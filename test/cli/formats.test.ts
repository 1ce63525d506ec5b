import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/run-cli';
import { ERROR_AND_WARNING } from '../support/cli-documents';

/**
 * One run writes every format to its own file (-o.<format>), so each format is checked on the same findings
 * without spawning the CLI a dozen times.
 */
const FILE_FORMATS = ['json', 'junit', 'sarif', 'github-actions', 'code-climate', 'markdown', 'html', 'text', 'teamcity', 'pretty'] as const;

describe('lint: report formats', { timeout: 120_000 }, () => {
  let cwd: string;
  let reports: Record<string, string>;
  let stdout: string;

  beforeAll(async () => {
    cwd = tempProject({ 'specs/openapi.yaml': ERROR_AND_WARNING });
    mkdirSync(join(cwd, 'reports'));
    const args = ['lint', '-f', 'stylish'];
    for (const format of FILE_FORMATS) args.push('-f', format, `-o.${format}`, `reports/report.${format}`);
    const run = await runCli([...args, 'specs/openapi.yaml'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    stdout = run.stdout;
    reports = Object.fromEntries(FILE_FORMATS.map((format) => [format, readFileSync(join(cwd, 'reports', `report.${format}`), 'utf8')]));
  });

  it('prints the format without an output file (stylish) to stdout and writes every other one to its file', () => {
    expect(stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 infos, 0 hints)');
    for (const format of FILE_FORMATS) expect(reports[format], format).not.toBe('');
  });

  it('json is Spectral\'s array of {code, path, message, severity, range, source}', () => {
    const results = JSON.parse(reports.json!) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(2);
    for (const result of results) expect(Object.keys(result).sort()).toEqual(['code', 'message', 'path', 'range', 'severity', 'source']);
    expect(results[0]).toMatchObject({
      code: 'webhook-path-prefix',
      path: ['paths', '/hooks/stripe'],
      severity: 0,
      range: { start: { line: 9 } },
      source: join(cwd, 'specs/openapi.yaml'),
    });
    expect(results[1]).toMatchObject({ code: 'webhook-method-post', path: ['paths', '/_webhooks/meta/verify', 'get'], severity: 1 });
  });

  it('sarif parses, names this tool, and has a helpUri for every rule', () => {
    const log = JSON.parse(reports.sarif!) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string }> } };
        results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
      }>;
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('spectral-webhooks');
    expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(7);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri, rule.id).toMatch(new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['webhook-path-prefix', 'error'],
      ['webhook-method-post', 'warning'],
    ]);
    expect(run.results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'specs/openapi.yaml' }, region: { startLine: 10 } });
  });

  it('junit is well-formed XML with a failing testcase per finding at or above the fail severity', () => {
    expect(XMLValidator.validate(reports.junit!)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(reports.junit!) as { testsuites: { testsuite: Record<string, unknown> } };
    const suite = xml.testsuites.testsuite;
    expect(suite['@_failures']).toBe('1');
    const testcases = [suite.testcase].flat() as Array<Record<string, unknown>>;
    expect(testcases).toHaveLength(1);
    expect(testcases[0]!['@_name']).toContain('webhook-path-prefix');
    expect(testcases[0]).toHaveProperty('failure');
  });

  it('github-actions prints one workflow command per finding with file and line', () => {
    const lines = reports['github-actions']!.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error title=webhook-path-prefix,file=specs\/openapi\.yaml,col=\d+,endColumn=\d+,line=10,endLine=\d+::/);
    expect(lines[0]).toContain('Documentation: https://');
    expect(lines[1]).toMatch(/^::warning title=webhook-method-post,file=specs\/openapi\.yaml,.*line=17,/);
  });

  it('code-climate (GitLab code quality) is a JSON array with check names, severities and 1-based positions', () => {
    type Issue = { check_name: string; severity: string; fingerprint: string; location: { path: string; positions: { begin: { line: number } } } };
    const issues = JSON.parse(reports['code-climate']!) as Issue[];
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.positions.begin.line])).toEqual([
      ['webhook-path-prefix', 'critical', 'specs/openapi.yaml', 10],
      ['webhook-method-post', 'major', 'specs/openapi.yaml', 17],
    ]);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(2);
  });

  it('markdown is a table with the rule id linked to its docs', () => {
    expect(reports.markdown).toMatch(/\|\s*\[webhook-path-prefix\]\(https:\/\/\S+webhook-path-prefix\.md\)/);
  });

  it('html is a page listing the findings, each linked to its rule page', () => {
    expect(reports.html).toMatch(/<html/i);
    expect(reports.html).toContain('<td>10:');
    expect(reports.html).toMatch(/<a href="https:\/\/\S+\/webhook-path-prefix\.md"/);
  });

  it('text prints one line per finding with file:line:col', () => {
    const lines = reports.text!.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^specs\/openapi\.yaml:10:\d+ error webhook-path-prefix /);
  });

  it('teamcity prints inspection service messages', () => {
    expect(reports.teamcity).toMatch(/##teamcity\[inspectionType category='openapi' id='webhook-path-prefix'/);
    expect(reports.teamcity).toMatch(/##teamcity\[inspection typeId='webhook-path-prefix'.*line='10'/);
  });

  it('pretty prints the file, each finding with its line:col, and the summary', () => {
    expect(reports.pretty).toMatch(/^File: +specs\/openapi\.yaml$/m);
    expect(reports.pretty).toMatch(/^10:\d+ +ERROR/m);
    expect(reports.pretty).toMatch(/^17:\d+ +WARNING/m);
    expect(reports.pretty).toContain('2 problems (1 error, 1 warning, 0 infos, 0 hints)');
  });

  it('files never contain colour codes', () => {
    for (const format of FILE_FORMATS) expect(reports[format], format).not.toContain('\u001b[');
  });
});

describe('lint: where reports go', { timeout: 120_000 }, () => {
  it('writes a single format to the file given with -o and prints nothing', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-f', 'json', '-o', 'lint.json', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(cwd, 'lint.json'), 'utf8'))).toHaveLength(2);
  });

  it('accepts --output.<format>=FILE as spectral-cli does', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-f', 'json', '-f', 'sarif', '--output.sarif=lint.sarif', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(cwd, 'lint.sarif'), 'utf8'))).toHaveProperty('runs');
  });

  it('refuses two formats that would both print to stdout (exit 2) and writes nothing', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-f', 'json', '-f', 'sarif', 'openapi.yaml'], { cwd });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      'spectral-webhooks: formats json, sarif would all print to stdout (write all but one to a file with -o.<format> FILE)\n',
    );
  });

  it('refuses -o FILE with several formats (exit 2)', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING });
    const run = await runCli(['lint', '-f', 'json', '-f', 'sarif', '-o', 'x.json', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('-o FILE takes one format, but 2 are selected');
    expect(existsSync(join(cwd, 'x.json'))).toBe(false);
  });

  it('refuses -o.<format> for a format not selected (exit 2)', async () => {
    const run = await runCli(['lint', '-o.sarif', 'x.sarif', 'openapi.yaml'], { cwd: tempProject({}) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('spectral-webhooks: -o.sarif names an output for a format that is not selected (add -f sarif)\n');
  });

  it('fails (exit 2) when the report cannot be written, naming the path', async () => {
    const cwd = tempProject({ 'openapi.yaml': ERROR_AND_WARNING, 'taken/keep.txt': 'x' });
    const run = await runCli(['lint', '-f', 'json', '-o', 'taken', 'openapi.yaml'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('spectral-webhooks: taken: cannot write the report: is a folder (give a file name)\n');
  });
});
