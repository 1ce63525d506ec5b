import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { distance } from 'fastest-levenshtein';
import { ToolError } from '../errors';
import { PACKAGE_ROOT } from '../package-root';
import { ruleCatalog } from './rule-catalog';

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
`,
    )
    .action(async (ruleId: string) => {
      const ids = ruleCatalog().map((rule) => rule.id);
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

/** Up to three ids closest by edit distance, plus any that contain what was typed (`https` → `webhook-https`). */
export function suggest(typed: string, ids: string[]): string[] {
  const needle = typed.toLowerCase();
  return ids
    .map((id) => ({ id, score: id.includes(needle) ? 0 : distance(needle, id) }))
    .filter(({ id, score }) => score <= Math.max(3, Math.floor(id.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => id);
}
