import { Command, CommanderError } from 'commander';
import { describeError } from '../errors';
import { dropWritesToClosedPipes } from './closed-pipe';
import { explainCommand } from './explain-command';
import { initCommand } from './init-command';
import { listenCommand } from './listen-command';
import { probeCommand } from './probe-command';
import { EXIT_TOOL_ERROR, lintCommand, rewriteOutputPerFormat } from './lint-command';
import { rulesCommand } from './rules-command';
import { exitOnSignals, letPendingSignalsIn } from '../signals';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../../package.json') as { version: string };

const PROGRAM_EXAMPLES = `
Examples:
  $ spectral-webhooks lint openapi.yaml
  $ spectral-webhooks lint -f sarif -o lint.sarif "specs/**/*.yaml"
  $ spectral-webhooks rules
  $ spectral-webhooks explain webhook-path-prefix
  $ spectral-webhooks init
  $ spectral-webhooks probe openapi.yaml --target https://staging.example.com --secret env:WEBHOOK_SECRET
  $ spectral-webhooks listen openapi.yaml --port 8787 --count 3 --timeout 60s

Run \`spectral-webhooks <command> --help\` for a command's options.
`;

/** Commander's own messages ("error: unknown option '--x'") become one line under our name; exit 2 is set by main. */
function configure(command: Command): Command {
  return command.exitOverride().configureOutput({
    outputError: (text, write) => write(`spectral-webhooks: ${text.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
  });
}

export function buildProgram(): Command {
  const program = configure(
    new Command('spectral-webhooks')
      .description('Lint OpenAPI documents against the webhook guideline (Spectral ruleset + CLI).')
      .version(version, '-v, --version', 'print the version')
      // Options before the command are the program's, after it the command's: `lint -v` is lint's --verbose, as in
      // spectral lint, not the version (which passed a CI run without linting).
      .enablePositionalOptions()
      .addHelpText('after', PROGRAM_EXAMPLES),
  );
  for (const command of [lintCommand(), rulesCommand(), explainCommand(), initCommand(), probeCommand(), listenCommand()]) program.addCommand(configure(command));
  return program;
}

/**
 * Colour follows the terminal (chalk's own detection, which honours FORCE_COLOR) and is off when NO_COLOR is set
 * (no-color.org), which chalk 4 does not check itself; --color and --no-color decide over both. Must run before the
 * formatters load chalk.
 */
export function applyColourPreference(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): void {
  // --color / --no-color (ESLint's flags) win over the environment; the last one given counts.
  const flag = argv.filter((arg) => arg === '--color' || arg === '--no-color').pop();
  if (flag !== undefined) env.FORCE_COLOR = flag === '--color' ? '1' : '0';
  else if (env.NO_COLOR !== undefined && env.NO_COLOR !== '' && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '0';
}

/** Runs the CLI; the process exits 2 with one line on stderr for any failure of the tool itself. */
export async function main(argv: string[]): Promise<void> {
  exitOnSignals();
  dropWritesToClosedPipes();
  // `-v` after the command is its --verbose (before it, the version).
  const verbose = argv.includes('--verbose') || argv.indexOf('-v') > 2;
  const options = argv.slice(0, argv.indexOf('--') < 0 ? undefined : argv.indexOf('--'));
  applyColourPreference(process.env, options);
  try {
    await buildProgram().parseAsync(rewriteOutputPerFormat(argv));
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_TOOL_ERROR;
      return;
    }
    process.stderr.write(`spectral-webhooks: ${describeError(error)}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_TOOL_ERROR;
  }
  await letPendingSignalsIn(); // a signal in the last synchronous stretch still ends the run with 130/143
}
