import { Command, CommanderError } from 'commander';
import { describeError } from '../errors';
import { EXIT_TOOL_ERROR, lintCommand } from './lint-command';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('spectral-webhooks')
    .description('Lint OpenAPI documents against the webhook guideline (Spectral ruleset + CLI).')
    .version(version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.startsWith('error: ') ? `spectral-webhooks: ${text.slice(7)}` : text) });
  program.addCommand(lintCommand().exitOverride());
  return program;
}

/** Runs the CLI; the process exits 2 with one line on stderr for any failure of the tool itself. */
export async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_TOOL_ERROR;
      return;
    }
    process.stderr.write(`spectral-webhooks: ${describeError(error)}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_TOOL_ERROR;
  }
}
