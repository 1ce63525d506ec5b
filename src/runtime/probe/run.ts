import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { ToolError } from '../../errors';
import { describeOperation } from '../../openapi/operations';
import { PROBE_CHECKS, runtimeFinding } from '../checks';
import { receiverOperations } from '../receivers';
import { planReport, writeRuntimeReport, type ReportOptions } from '../report';
import { Secrets, type SecretSource } from '../secrets';
import { loadRuntimeSpec } from '../spec';
import { rateLimiter, send, type Outcome } from './http-client';
import { describeOutcome, planProbes, type Probe } from './plan';

export interface ProbeOptions extends ReportOptions {
  target: string;
  secret: SecretSource[];
  timeout: number;
  rate: number;
  dryRun: boolean;
  ca?: string;
  insecure: boolean;
  verbose: boolean;
}

/** Connection failures that mean the service cannot be reached at all (not one request hung up on). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Runs `probe` and returns the exit status; tool failures are thrown as ToolError (exit 2, one line). */
export async function runProbe(specFile: string, options: ProbeOptions, cwd = process.cwd(), env = process.env): Promise<number> {
  const targets = planReport(options, [specFile], cwd);
  const target = parseTarget(options.target);
  const ca = options.ca === undefined ? undefined : readCa(options.ca, cwd);
  const spec = await loadRuntimeSpec(specFile, cwd);
  const receivers = receiverOperations(spec.root);
  if (receivers.length === 0) {
    throw new ToolError('the description has no webhook receivers to probe (no path under /_webhooks/, none the receiver heuristic recognises)', spec.name);
  }
  const secrets = new Secrets(options.secret, env, cwd);
  // A dry run prints no secret, so it needs none: a placeholder (valid base64, so it can sign) stands in for a missing one.
  const dryRunSecret = (scope: string) => (secrets.sourceFor(scope) ? secrets.get(scope, scope) : Buffer.from(`dry-run placeholder for ${scope}`).toString('base64'));
  const notes: string[] = [];
  const probes = receivers.flatMap((operation) =>
    planProbes(spec.root, spec.version, operation, {
      target,
      secret: options.dryRun ? dryRunSecret : (scope, what) => secrets.get(scope, what),
      notes,
    }),
  );
  const note = (line: string) => process.stderr.write(`spectral-webhooks: ${line}\n`);
  if (options.dryRun) {
    for (const line of notes) note(line);
    process.stdout.write(probes.map(printRequest).join('\n'));
    note(`dry run: ${probes.length} requests to ${receivers.length} receiver${receivers.length === 1 ? '' : 's'} printed, none sent`);
    return 0;
  }
  const throttle = rateLimiter(options.rate);
  const results: ISpectralDiagnostic[] = [];
  for (const probe of probes) {
    await throttle();
    const outcome = await send(probe.request, { timeoutMs: options.timeout, ca, insecure: options.insecure });
    if (options.verbose) note(`${probe.check}: ${probe.request.method} ${shownUrl(probe)} → ${describeOutcome(outcome)}`);
    if (probe.check !== 'probe-https-only') assertReachable(outcome, probe);
    const broken = probe.judge(outcome);
    if (broken === undefined) continue;
    const message = `${describeOperation(probe.operation)}: ${probe.request.method} ${shownUrl(probe)} ${probe.what} ${broken}`;
    results.push(runtimeFinding(spec, probe.check, probe.operation.operationPath, message));
  }
  // Said after the run: a run that stops (unreachable target) says only why.
  for (const line of notes) note(line);
  const checks = new Set(probes.map((probe) => probe.check)).size;
  const clean = `All promises kept: ${probes.length} requests (${checks} checks) to ${receivers.length} receiver${receivers.length === 1 ? '' : 's'} at ${target.origin}.`;
  return writeRuntimeReport(results, PROBE_CHECKS, targets, options, cwd, clean);
}

function parseTarget(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ToolError(`--target ${value} is not a URL (give the service's base URL, e.g. https://api.example.com)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolError(`--target ${value} is not an http:// or https:// URL`);
  if (url.username !== '' || url.password !== '') throw new ToolError('--target must not hold credentials (pass them with --secret env:NAME)');
  url.search = '';
  url.hash = '';
  return url;
}

function readCa(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ToolError(`--ca ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/** A target that cannot be reached, or whose TLS is wrong, stops the run: nothing it would report could be trusted. */
function assertReachable(outcome: Outcome, probe: Probe): void {
  if (outcome.kind !== 'no-connection') return;
  const { origin } = probe.request.url;
  if (outcome.tls) {
    throw new ToolError(`TLS handshake with ${origin} failed: ${outcome.message} (trust its certificate authority with --ca FILE, or pass --insecure for a development server)`);
  }
  if (UNREACHABLE.has(outcome.code)) {
    throw new ToolError(`cannot reach ${origin}: ${outcome.message} (is the service running? check --target)`);
  }
}

/** The request's URL as shown to people: a secret in the query (an API key) replaced by its mask, unencoded. */
function shownUrl(probe: Probe): string {
  const url = new URL(probe.request.url.href);
  const tokens = new Map<string, string>();
  for (const [name, value] of probe.masked) {
    if (!name.startsWith('?') || !url.searchParams.has(name.slice(1))) continue;
    const token = `MASKED${tokens.size}`;
    tokens.set(token, value);
    url.searchParams.set(name.slice(1), token);
  }
  let shown = url.href;
  for (const [token, value] of tokens) shown = shown.replace(token, value);
  return shown;
}

/** One request as --dry-run prints it: request line, headers (secrets masked), blank line, body. */
function printRequest(probe: Probe): string {
  const { request, masked } = probe;
  const lines = [`# ${probe.check}: ${describeOperation(probe.operation)} ${probe.what}`, `${request.method} ${shownUrl(probe)}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${masked.get(name) ?? value}`);
  if (request.body !== undefined) lines.push('', request.body);
  return `${lines.join('\n')}\n`;
}
