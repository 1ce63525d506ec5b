import { Command, InvalidArgumentError, Option } from 'commander';
import type { ListenOptions } from '../runtime/listen/run';
import { parseDuration } from '../runtime/duration';
import { collectSecret } from '../runtime/secrets';
import { addReportOptions, withReportDefaults } from './report-options';

const EXAMPLES = `
Examples:
  $ spectral-webhooks listen openapi.yaml --port 8787 --secret env:WEBHOOK_SECRET
  $ spectral-webhooks listen openapi.yaml --port 8787 --count 3 --timeout 60s --record deliveries.jsonl
  $ spectral-webhooks listen openapi.yaml --port 0 -f junit -o listen.xml         any free port; a JUnit report

Point the producer at http://127.0.0.1:<port>/ (any path). Each delivery is matched to a webhook or callback of the
description (by path, event-type header or payload field), its body is validated against the payload schema (Ajv),
its required headers and, with a secret, its signature are checked, and it is answered with the documented 2xx (400 or
401 when it breaks the contract, 404 when it matches nothing). One line per delivery; with -f, a report at the end.

Exit status: 0 every delivery kept the contract, 1 some broke it, 2 could not listen (bad arguments, unreadable
description, no webhooks, port in use, a missing secret) or --timeout came before --count deliveries.
`;

export function listenCommand(): Command {
  const command = new Command('listen')
    .description("receive a producer's webhook deliveries on a local port and check each against the description's webhooks and callbacks")
    .argument('<spec>', 'the OpenAPI document that declares the webhooks (YAML or JSON)')
    .option('--port <number>', 'port to listen on (0: any free port, printed at start)', parsePort, 8787)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--secret <source>', 'where the signing secret is: env:NAME or file:PATH, optionally for one signature header or scheme (webhook-signature=env:WHSEC); repeatable').argParser(collectSecret))
    .option('--count <number>', 'stop after this many deliveries', parseCount)
    .option('--timeout <duration>', 'stop after this long (e.g. 30s, 2m); with --count, fewer deliveries by then is exit 2', parseDuration)
    .option('--record <file>', 'write every delivery (headers, body, webhook matched, findings) to this file, one JSON line each');
  return addReportOptions(command, 'one line per delivery, no report')
    .addHelpText('after', EXAMPLES)
    .action(async (spec: string, options: ListenOptions) => {
      const { runListen } = await import('../runtime/listen/run');
      process.exitCode = await runListen(spec, withReportDefaults(options));
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}

function parseCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number above 0');
  return Number(value);
}
