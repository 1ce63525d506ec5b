import { Command, InvalidArgumentError, Option } from 'commander';
import type { ProbeOptions } from '../runtime/probe/run';
import { parseDuration } from '../runtime/duration';
import { collectSecret } from '../runtime/secrets';
import { addReportOptions, withReportDefaults } from './report-options';

const EXAMPLES = `
Examples:
  $ spectral-webhooks probe openapi.yaml --target https://staging.example.com --secret env:WEBHOOK_SECRET
  $ spectral-webhooks probe openapi.yaml --target https://localhost:8443 --ca dev-ca.pem --secret bearerAuth=file:token.txt
  $ spectral-webhooks probe openapi.yaml --target https://staging.example.com --dry-run    print the requests, send none
  $ spectral-webhooks probe openapi.yaml --target https://staging.example.com -f sarif -o probe.sarif

Each receiver gets a valid delivery (body from the description's example or schema, credentials and signature from
the secrets), one without credentials, one with wrong credentials or a wrong signature, one with an undocumented
method, a replay, and (for an https:// target) one over plain HTTP with wrong credentials. Requests go only to the
target, carry the header x-spectral-webhooks-probe: <check id>, and are rate-limited (--rate).

Exit status: 0 every promise kept, 1 findings at or above --fail-severity, 2 could not probe (bad arguments, unreadable
description, no receivers, a missing secret, the target unreachable or its TLS failing).
`;

export function probeCommand(): Command {
  const command = new Command('probe')
    .description('send real requests to a running service and check that its webhook receivers keep the promises of the description')
    .argument('<spec>', 'the OpenAPI document that describes the receivers (YAML or JSON)')
    .requiredOption('--target <base-url>', "the service's base URL; each receiver's path is appended to it (e.g. https://staging.example.com)")
    .addOption(new Option('--secret <source>', 'where a secret is: env:NAME or file:PATH, optionally for one security scheme or signature header (bearerAuth=env:TOKEN); repeatable').argParser(collectSecret))
    .option('--timeout <duration>', 'time budget of each request (e.g. 500ms, 5s)', parseDuration, 5000)
    .option('--rate <per-second>', 'at most this many requests per second', parseRate, 10)
    .option('--ca <file>', 'PEM certificate(s) to trust for an https:// target (a test or staging CA)')
    .option('--insecure', 'accept any TLS certificate (development servers only)', false)
    .option('--dry-run', 'print the requests (secrets masked) and send nothing', false)
    .option('--verbose', 'print each request and its answer, and the checks that were skipped', false);
  return addReportOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (spec: string, options: ProbeOptions) => {
      const { runProbe } = await import('../runtime/probe/run');
      process.exitCode = await runProbe(spec, withReportDefaults(options));
    });
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) throw new InvalidArgumentError('expected a number of requests per second, above 0 and at most 1000');
  return rate;
}
