import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { ToolError } from '../errors';
import { CONFIG_FILE_NAMES } from '../config/load-config';
import { writeFileAtomic } from '../fs/atomic-write';

export const INIT_CONFIG = `# Spectral ruleset for this repository: the webhook guideline's rules, and room for your own.
# Used by \`spectral-webhooks lint\` (which finds it in this folder or a parent) and by stock \`spectral lint\`
# once spectral-webhooks is installed (npm install --save-dev spectral-webhooks).
extends:
  - spectral-webhooks
  # - spectral:oas          # Spectral's own OpenAPI rules, if you want them too

# Change a rule's severity or turn it off (ids: \`spectral-webhooks rules\`):
# rules:
#   webhook-method-post: error
#   webhook-https: off

# Or only for some files:
# overrides:
#   - files: ["legacy/**/*.yaml"]
#     rules:
#       webhook-path-prefix: warn
`;

/** Where the package comes from (README "Install"): every form is labelled with when it works. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };
export const RELEASE_TARBALL = `https://github.com/spectral-webhooks/spectral-webhooks/releases/download/v${version}/spectral-webhooks-${version}.tgz`;

export const SNIPPETS = `Next steps: run it where it counts.

  Install it in the project (one of):
    npm install --save-dev github:spectral-webhooks/spectral-webhooks        # works now: builds from source
    npm install --save-dev ${RELEASE_TARBALL}   # from a release
    npm install --save-dev spectral-webhooks                                  # once it is on the npm registry

  Locally:
    npx spectral-webhooks lint openapi.yaml

  GitHub Actions (.github/workflows/openapi.yml), annotations on the pull request:
    - run: npm ci
    - run: npx spectral-webhooks lint -f github-actions openapi.yaml

  GitLab CI (code quality report):
    lint-openapi:
      script:
        - npm ci
        - npx spectral-webhooks lint -f code-climate -o gl-code-quality-report.json openapi.yaml
      artifacts:
        reports:
          codequality: gl-code-quality-report.json

  pre-commit (.pre-commit-config.yaml): installs the built package once, no build
    repos:
      - repo: local
        hooks:
          - id: spectral-webhooks
            name: spectral-webhooks
            entry: spectral-webhooks lint --ignore-unknown-format
            language: node
            files: \\.(ya?ml|json)$
            additional_dependencies: ["${RELEASE_TARBALL}"]   # or spectral-webhooks@${version} once published

  lint-staged (package.json):
    "lint-staged": { "*.{yaml,yml,json}": "spectral-webhooks lint --ignore-unknown-format" }

Rules and their docs: spectral-webhooks rules, spectral-webhooks explain <rule-id>
`;

export function initCommand(): Command {
  return new Command('init')
    .description('write a .spectral.yaml that extends the webhook rules, and print CI and pre-commit snippets')
    .option('--force', 'overwrite an existing .spectral.yaml', false)
    .addHelpText(
      'after',
      `
Examples:
  $ spectral-webhooks init
  $ spectral-webhooks init --force      replace an existing .spectral.yaml
`,
    )
    .action(async (options: { force: boolean }) => {
      const cwd = process.cwd();
      const target = join(cwd, '.spectral.yaml');
      const existing = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).filter((file) => existsSync(file));
      const blocking = options.force ? existing.filter((file) => file !== target) : existing;
      if (blocking.length > 0) {
        const names = blocking.map((file) => relative(cwd, file)).join(', ');
        const hint = options.force ? 'remove it first: only .spectral.yaml is replaced' : 'use --force to replace .spectral.yaml';
        throw new ToolError(`${names} already exists; not overwritten (${hint})`);
      }
      await writeFileAtomic(target, INIT_CONFIG);
      process.stdout.write(`Wrote .spectral.yaml (extends spectral-webhooks).\n\n${SNIPPETS}`);
    });
}
