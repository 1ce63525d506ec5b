import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { ToolError } from '../errors';
import { PACKAGE_ROOT } from '../package-root';
import { RUNTIME_CHECKS } from '../runtime/checks';
import { ruleCatalog } from './rule-catalog';
import { suggest } from '../suggest';

/** The rule pages ship in the package (package.json `files` includes docs/), so `explain` works offline. */
export const DOCS_DIR = join(PACKAGE_ROOT, 'docs', 'rules');

export function explainCommand(): Command {
  return new Command('explain')
    .description("print a rule's documentation page (why, incorrect and correct examples, how to fix), offline")
    .argument('<rule-id>', 'a rule id, as shown in findings and by `spectral-webhooks rules`')
    .addHelpText(
      'after',
      `
Examples:
  $ spectral-webhooks explain webhook-path-prefix
  $ spectral-webhooks explain webhook-https | less
  $ spectral-webhooks explain probe-auth-required
`,
    )
    .action(async (ruleId: string) => {
      // The lint's rules, and the checks of probe and listen, which report in the same shape.
      const ids = [...ruleCatalog().map((rule) => rule.id), ...RUNTIME_CHECKS.map((check) => check.id)];
      if (!ids.includes(ruleId)) {
        const closest = suggest(ruleId, ids);
        const hint = closest.length > 0 ? `did you mean ${closest.join(', ')}?` : 'run `spectral-webhooks rules` to list them';
        throw new ToolError(`unknown rule "${ruleId}" (${hint})`);
      }
      const page = join(DOCS_DIR, `${ruleId}.md`);
      let text: string;
      try {
        text = await readFile(page, 'utf8');
      } catch {
        throw new ToolError(`no documentation page for "${ruleId}" in this installation (expected ${page})`);
      }
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}
