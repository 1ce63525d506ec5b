import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A certificate for 127.0.0.1 and localhost, made once per test file (the `selfsigned` package: no openssl needed). */
export async function testCertificate(): Promise<{ key: string; cert: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const selfsigned = require('selfsigned') as { generate(attrs: unknown, options: unknown): Promise<{ private: string; cert: string }> };
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The test receiver's promises, each of which a consumer can be told to break. */
export type BrokenPromise = 'acknowledge' | 'slow' | 'auth' | 'credentials' | 'signature' | 'method' | 'replay' | 'https';

export const CONSUMER_TOKEN = 'consumer-test-token';
export const CONSUMER_SECRET = `whsec_${Buffer.from('consumer test signing secret').toString('base64')}`;
export const RECEIVER_PATH = '/_webhooks/acme/order-paid';

/**
 * The receiver that test/fixtures' runtime documents describe: bearer token, Standard Webhooks signature, JSON body.
 * Keeps every promise unless told which one to break.
 */
export function consumerHandler(broken?: BrokenPromise): RequestListener {
  const webhook = new Webhook(CONSUMER_SECRET);
  return (request, response) => {
    void readBody(request).then((body) => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname !== RECEIVER_PATH) return answer(response, 404);
      if (request.method !== 'POST' && broken !== 'method') return answer(response, 405);
      const authorization = request.headers.authorization;
      const headers = { id: one(request, 'webhook-id'), timestamp: one(request, 'webhook-timestamp'), signature: one(request, 'webhook-signature') };
      // Each promise is checked on its own, so that breaking one breaks nothing else.
      const anonymous = authorization === undefined && headers.signature === '';
      if (!(broken === 'auth' && anonymous)) {
        const tokenOk = broken === 'credentials' ? authorization?.startsWith('Bearer ') : authorization === `Bearer ${CONSUMER_TOKEN}`;
        if (!tokenOk) return answer(response, 401);
        const sentAt = Number(headers.timestamp) * 1000;
        const fresh = Math.abs(Date.now() - sentAt) <= 5 * 60 * 1000;
        if (!fresh && broken !== 'replay') return answer(response, 401);
        const expected = Number.isFinite(sentAt) ? webhook.sign(headers.id, new Date(sentAt), body) : '';
        const signed = headers.signature.split(' ').includes(expected);
        if (!signed && broken !== 'signature') return answer(response, 401);
      }
      if (broken === 'acknowledge') return answer(response, 500);
      if (broken === 'slow') return void setTimeout(() => answer(response, 204), 8000);
      answer(response, 204);
    });
  };
}

function one(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on an ephemeral port of 127.0.0.1 (tests of several helpers run at once: no fixed port). */
export async function listen(server: Server | NetServer, scheme: 'http' | 'https'): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        (server as Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export function startHttpConsumer(broken?: BrokenPromise): Promise<RunningServer> {
  return listen(createHttpServer(consumerHandler(broken)), 'http');
}

/**
 * An HTTPS consumer. One that breaks the `https` promise also answers plain HTTP on the same port (it looks at the
 * first byte: a TLS handshake starts with 0x16), as a server that is served both ways would.
 */
export async function startHttpsConsumer(tls: { key: string; cert: string }, broken?: BrokenPromise): Promise<RunningServer> {
  const handler = consumerHandler(broken);
  const https = createHttpsServer(tls, handler);
  if (broken !== 'https') return listen(https, 'https');
  const plain = createHttpServer(handler);
  const both = createNetServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return listen(both, 'https');
}
