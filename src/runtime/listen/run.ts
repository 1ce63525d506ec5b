import { appendFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { parseSeverity } from '../../cli/severity';
import { ToolError } from '../../errors';
import { webhookContainers } from '../../openapi/webhook-operations';
import { LISTEN_CHECKS, runtimeFinding } from '../checks';
import { formatDuration } from '../duration';
import { planReport, writeRuntimeReport, type ReportOptions } from '../report';
import { Secrets, type SecretSource } from '../secrets';
import { loadRuntimeSpec, type RuntimeSpec } from '../spec';
import { checkDelivery, type Breach, type ReceivedDelivery } from './check-delivery';
import { schemaValidators } from './schema-validator';
import { expectedWebhooks, matchDelivery, type ExpectedWebhook } from './webhooks';

export interface ListenOptions extends ReportOptions {
  port: number;
  host: string;
  secret: SecretSource[];
  count?: number;
  timeout?: number;
  record?: string;
}

/** Deliveries larger than this are refused unread (413): the listener's memory stays bounded. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Runs `listen` until --count deliveries, --timeout, or a signal; returns the exit status. */
export async function runListen(specFile: string, options: ListenOptions, cwd = process.cwd(), env = process.env): Promise<number> {
  const targets = planReport(options, [specFile, ...(options.record === undefined ? [] : [options.record])], cwd);
  const spec = await loadRuntimeSpec(specFile, cwd);
  const webhooks = expectedWebhooks(spec.root, spec.version);
  if (webhooks.length === 0) {
    throw new ToolError('the description declares no webhooks or callbacks to listen for (webhooks, x-webhooks, callbacks)', spec.name);
  }
  // Secrets are read now: a missing environment variable or file is a tool error before the port opens.
  const secrets = new Secrets(options.secret, env, cwd);
  const secretFor = new Map<string, string | undefined>();
  for (const { signature } of webhooks) {
    if (signature && !secretFor.has(signature.scope)) {
      secretFor.set(signature.scope, secrets.sourceFor(signature.scope) ? secrets.get(signature.scope, signature.scope) : undefined);
    }
  }
  const recordFile = options.record === undefined ? undefined : resolve(cwd, options.record);
  if (recordFile !== undefined) writeRecordStart(recordFile, options.record as string);

  // One line per delivery: on stdout when it is the report (no -f), else on stderr beside the chosen format.
  const linesToStdout = options.format.length === 0;
  const say = (line: string) => (linesToStdout ? process.stdout : process.stderr).write(`${line}\n`);
  const note = (line: string) => process.stderr.write(`spectral-webhooks: ${line}\n`);
  const validator = schemaValidators(spec.root, spec.version);
  const results: ISpectralDiagnostic[] = [];
  let received = 0;
  let broken = 0;
  const { createServer } = await import('node:http');
  let finish: (reason: 'count' | 'timeout') => void = () => undefined;
  const finished = new Promise<'count' | 'timeout'>((done) => (finish = done));

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const number = ++received;
      const outcome = handle(spec, webhooks, request, body, { validator, secret: (scope) => secretFor.get(scope) });
      response.writeHead(outcome.status, { 'content-type': 'text/plain' }).end(`${outcome.status}\n`);
      const where = `${request.method} ${request.url}`;
      if (outcome.breaches.length > 0) broken++;
      for (const breach of outcome.breaches) {
        results.push(runtimeFinding(spec, breach.check, outcome.path, `delivery ${number} (${where}${outcome.webhook ? `, ${outcome.webhook.label}` : ''}): ${breach.message}`));
      }
      const verdict = outcome.breaches.length === 0 ? 'conforms' : outcome.breaches.map((breach) => `${breach.check}: ${breach.message}`).join('; ');
      say(`delivery ${number}: ${where} → ${outcome.webhook ? outcome.webhook.label : 'no webhook'}: ${verdict} (answered ${outcome.status})`);
      if (recordFile !== undefined) record(recordFile, request, body, outcome);
      if (options.count !== undefined && number >= options.count) finish('count');
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((ready, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(new ToolError(`port ${options.port} on ${options.host} is in use (choose another with --port, or --port 0 for any free one)`));
      else if (error.code === 'EACCES') fail(new ToolError(`no permission to listen on port ${options.port} (choose a port above 1023)`));
      else fail(new ToolError(`cannot listen on ${options.host}:${options.port}: ${error.message}`));
    });
    server.listen(options.port, options.host, () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const until = [
    options.count === undefined ? undefined : `${options.count} deliver${options.count === 1 ? 'y' : 'ies'}`,
    options.timeout === undefined ? undefined : formatDuration(options.timeout),
  ].filter(Boolean);
  note(`listening on http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port} for ${webhooks.length} webhook${webhooks.length === 1 ? '' : 's'} of ${spec.name}${until.length > 0 ? ` (until ${until.join(' or ')})` : ' (Ctrl-C to stop)'}`);
  // Said once the port is open: a run that cannot listen says only why.
  const unsigned = webhooks.filter((webhook) => webhook.signature && secretFor.get(webhook.signature.scope) === undefined);
  if (unsigned.length > 0) {
    note(`signatures not checked for ${unsigned.length === webhooks.length ? 'any webhook' : unsigned.map((webhook) => webhook.label).join(', ')}: no --secret for ${[...new Set(unsigned.map((webhook) => webhook.signature?.scope))].join(', ')}`);
  }

  const timer = options.timeout === undefined ? undefined : setTimeout(() => finish('timeout'), options.timeout);
  const reason = await finished;
  if (timer) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));

  const clean = `${received} deliver${received === 1 ? 'y' : 'ies'}, all conforming.`;
  let status: number;
  if (linesToStdout) {
    say(received === 0 ? 'no delivery arrived.' : broken === 0 ? clean : `${received} deliver${received === 1 ? 'y' : 'ies'}, ${broken} breaking the contract.`);
    const failSeverity = parseSeverity(options.failSeverity);
    status = results.some((result) => result.severity <= failSeverity) ? 1 : 0;
  } else {
    status = await writeRuntimeReport(results, LISTEN_CHECKS, targets, options, cwd, clean);
  }
  if (reason === 'timeout' && options.count !== undefined && received < options.count) {
    note(`timed out after ${formatDuration(options.timeout as number)}: ${received} of ${options.count} deliveries arrived`);
    return 2;
  }
  return status;
}

interface Outcome {
  webhook?: ExpectedWebhook;
  breaches: Breach[];
  status: number;
  /** Where its findings point: the webhook's operation, or the document's webhooks. */
  path: Array<string | number>;
}

function handle(spec: RuntimeSpec, webhooks: ExpectedWebhook[], request: IncomingMessage, body: Buffer | undefined, options: Parameters<typeof checkDelivery>[2]): Outcome {
  const anchor = webhookContainers(spec.root)[0] ?? [];
  if (body === undefined) {
    return { breaches: [{ check: 'listen-payload-schema', message: `the body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB` }], status: 413, path: anchor };
  }
  const json = parseJson(body);
  const path = new URL(request.url ?? '/', 'http://listener').pathname;
  const match = matchDelivery(webhooks, { method: request.method ?? 'GET', path, headers: request.headers, json: json && 'value' in json ? json.value : undefined });
  if (!match) {
    const declared = webhooks.map((webhook) => webhook.label).slice(0, 5).join(', ');
    return {
      breaches: [{ check: 'listen-unknown-webhook', message: `matches no webhook of the description by method, path, event-type header or payload field (it declares ${declared}${webhooks.length > 5 ? ', ...' : ''})` }],
      status: 404,
      path: anchor,
    };
  }
  const delivery: ReceivedDelivery = { headers: request.headers, body, json };
  const breaches = checkDelivery(match.webhook, delivery, options);
  const status = breaches.some((breach) => breach.check === 'listen-signature') ? 401 : breaches.length > 0 ? 400 : match.webhook.status;
  return { webhook: match.webhook, breaches, status, path: match.webhook.item.jsonPath };
}

function parseJson(body: Buffer): ReceivedDelivery['json'] {
  if (body.length === 0) return undefined;
  try {
    return { value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The body, or undefined past the size limit (the rest is drained unread). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => done(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    request.on('error', () => done(Buffer.concat(chunks)));
  });
}

function writeRecordStart(file: string, shown: string): void {
  try {
    writeFileSync(file, '');
  } catch (error) {
    throw new ToolError(`--record ${shown}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})`);
  }
}

/** One JSON line per delivery: when it came, the request as it arrived, the webhook it matched and what it broke. */
function record(file: string, request: IncomingMessage, body: Buffer | undefined, outcome: Outcome): void {
  const text = body?.toString('utf8');
  const line = {
    receivedAt: new Date().toISOString(),
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: text,
    webhook: outcome.webhook?.label ?? null,
    answered: outcome.status,
    findings: outcome.breaches,
  };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

