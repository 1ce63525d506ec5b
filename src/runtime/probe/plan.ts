import { randomUUID } from 'node:crypto';
import { isObject, ownValue, type JsonObject } from '../../openapi/json';
import { HTTP_METHODS, describeOperation, type OperationRef } from '../../openapi/operations';
import { headerParameters } from '../../openapi/parameters';
import { effectiveServers, insecureServerUrls, oas2Transport } from '../../openapi/servers';
import type { SpecVersion } from '../../openapi/document';
import type { ProbeCheckId } from '../checks';
import { formatDuration } from '../duration';
import { applyCredentials, credentialPlan, type Credential } from '../credentials';
import { parametersOf, requestBodyShape, sampleBody, sampleParameter } from '../sample';
import { signatureHeaders, signingOf, signsTimestamp, type SignatureScheme } from '../signature';
import type { OutgoingRequest, Outcome } from './http-client';

/** The header every probe request carries, so the service's logs and monitors can tell probes from producers. */
export const PROBE_HEADER = 'x-spectral-webhooks-probe';

/** How long ago a replayed delivery claims to have been sent: well past the 5-minute tolerance of Standard Webhooks and Stripe. */
const STALE_BY_MS = 60 * 60 * 1000;

export interface Probe {
  check: ProbeCheckId;
  operation: OperationRef;
  /** What is special about this request, for messages: "without credentials". */
  what: string;
  request: OutgoingRequest;
  /** Header and query names whose values are secrets or signatures, shown masked. */
  masked: Map<string, string>;
  /** The broken promise this outcome shows (message text), or undefined when it is kept. */
  judge(outcome: Outcome): string | undefined;
}

/** A secret by scope (scheme or header name); `what` names the need in the error when none was given. */
export type SecretLookup = (scope: string, what: string) => string;

export interface PlanOptions {
  target: URL;
  secret: SecretLookup;
  /** Checks that could not be planned, and why (printed as notes). */
  notes: string[];
}

/** Every probe of one receiver operation, in the order they are sent (the valid delivery first). */
export function planProbes(root: JsonObject, version: SpecVersion, operation: OperationRef, options: PlanOptions): Probe[] {
  const where = describeOperation(operation);
  const headers = headerParameters(root, operation.pathItem, operation.jsonPath, operation.operation, operation.operationPath);
  const credentials = credentialPlan(root, operation.operation, operation.operationPath);
  if (credentials.unsupported !== undefined) {
    options.notes.push(`${where}: ${credentials.unsupported}; its deliveries are sent without credentials`);
  }
  const signing = signingOf(headers, credentials.signatureSchemes);
  const signedHeaderNames = new Set<string>(signing ? signedNames(signing.scheme) : []);
  const credentialHeaderNames = new Set(credentials.credentials.flatMap((each) => (each.kind === 'apiKey' && each.in === 'header' ? [each.name.toLowerCase()] : [])));

  // The parts every request to this receiver shares: URL (path parameters, required query), required headers, body.
  const url = receiverUrl(root, operation, options.target);
  const fixedHeaders: Record<string, string> = {};
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (!header.required || signedHeaderNames.has(name) || credentialHeaderNames.has(name)) continue;
    if (['content-type', 'content-length', 'authorization', 'host'].includes(name)) continue;
    fixedHeaders[name] = sampleParameter(root, header.parameter);
  }
  const shape = requestBodyShape(root, version, operation.operation, operation.operationPath, operation.pathItem);
  const body = shape ? sampleBody(root, shape) : undefined;
  if (shape) fixedHeaders['content-type'] = shape.mediaType;

  const secretOf = (credential: Credential) => options.secret(credential.scheme, `${where} (security scheme "${credential.scheme}")`);
  const signingSecret = () => (signing ? options.secret(signing.scope, `${where} (signature header ${signing.scheme.header})`) : '');
  // Resolve every secret now: a missing one is a tool error before anything is sent.
  for (const credential of credentials.credentials) secretOf(credential);
  signingSecret();

  const deliveryId = `probe_${randomUUID()}`;
  interface Variant {
    credentials: 'valid' | 'wrong' | 'none';
    signature: 'valid' | 'wrong' | 'none';
    method?: string;
    url?: URL;
    timestamp?: Date;
    withBody?: boolean;
  }
  const build = (check: ProbeCheckId, variant: Variant): Pick<Probe, 'request' | 'masked'> => {
    const method = (variant.method ?? operation.method).toUpperCase();
    const requestUrl = new URL((variant.url ?? url).href);
    const requestBody = variant.withBody === false ? undefined : body;
    const requestHeaders: Record<string, string> = { ...fixedHeaders, [PROBE_HEADER]: check };
    if (requestBody === undefined) delete requestHeaders['content-type'];
    const masked = new Map<string, string>();
    if (variant.credentials !== 'none') {
      const parts = { headers: requestHeaders, query: {} as Record<string, string> };
      applyCredentials(credentials.credentials, variant.credentials === 'valid' ? secretOf : () => 'probe-wrong-credential', parts);
      for (const [name, value] of Object.entries(parts.query)) requestUrl.searchParams.set(name, value);
      if (variant.credentials === 'valid') {
        for (const credential of credentials.credentials) {
          const name = credential.kind === 'apiKey' ? credential.name : 'authorization';
          masked.set(credential.kind === 'apiKey' && credential.in === 'query' ? `?${name}` : name.toLowerCase(), `<secret ${credential.scheme}>`);
        }
      }
    }
    if (signing && variant.signature !== 'none') {
      const secret = variant.signature === 'valid' ? signingSecret() : wrongSecret(signing.scheme);
      for (const [name, value] of Object.entries(signatureHeaders(signing.scheme, secret, requestBody ?? '', deliveryId, variant.timestamp ?? new Date()))) {
        requestHeaders[name.toLowerCase()] = value;
      }
      masked.set(signing.scheme.header.toLowerCase(), variant.signature === 'valid' ? `<signed with secret ${signing.scope}>` : '<signed with a wrong secret>');
    }
    return { request: { method, url: requestUrl, headers: requestHeaders, body: requestBody }, masked };
  };

  const probes: Probe[] = [];
  const add = (check: ProbeCheckId, what: string, variant: Variant, judge: Probe['judge']) => probes.push({ check, operation, what, ...build(check, variant), judge });

  add('probe-valid-delivery-acknowledged', 'a valid delivery', { credentials: 'valid', signature: 'valid' }, (outcome) =>
    outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300 ? undefined : `${describeOutcome(outcome)}; expected 2xx`,
  );
  const declaresAuth = credentials.credentials.length > 0 || signing !== undefined;
  add('probe-auth-required', 'without credentials', { credentials: 'none', signature: 'none' }, (outcome) =>
    refusedWith401or403(outcome) ? undefined : `${describeOutcome(outcome)}; expected 401 or 403${declaresAuth ? '' : ' (the description declares no security either: the guideline requires authentication)'}`,
  );
  if (credentials.credentials.length > 0) {
    add('probe-bad-credentials-refused', 'with wrong credentials', { credentials: 'wrong', signature: 'valid' }, (outcome) =>
      refusedWith401or403(outcome) ? undefined : `${describeOutcome(outcome)}; expected 401 or 403`,
    );
  }
  if (signing) {
    add('probe-bad-signature-refused', `with a wrong ${signing.scheme.header}`, { credentials: 'valid', signature: 'wrong' }, (outcome) =>
      refusedWith401or403(outcome) ? undefined : `${describeOutcome(outcome)}; expected 401 or 403`,
    );
  }
  const otherMethod = ['get', 'put', 'patch', 'delete', 'post'].find((method) => !isObject(ownValue(operation.pathItem, method)) && (HTTP_METHODS as readonly string[]).includes(method));
  if (otherMethod !== undefined) {
    add('probe-method-refused', `with method ${otherMethod.toUpperCase()}, which the description does not document`, { credentials: 'valid', signature: 'valid', method: otherMethod, withBody: false }, (outcome) =>
      outcome.kind === 'answer' && (outcome.status === 405 || outcome.status === 404) ? undefined : `${describeOutcome(outcome)}; expected 405 (or 404)`,
    );
  }
  if (signing && signsTimestamp(signing.scheme)) {
    const what = signing.scheme.kind === 'standard-webhooks' ? `same ${signing.scheme.prefix}-id, timestamp 1 hour old` : 'timestamp 1 hour old';
    add('probe-replay-refused', `replayed (${what}, correctly signed)`, { credentials: 'valid', signature: 'valid', timestamp: new Date(Date.now() - STALE_BY_MS) }, (outcome) =>
      outcome.kind === 'answer' && outcome.status >= 400 && outcome.status < 500 ? undefined : `${describeOutcome(outcome)}; expected a 4xx refusal (the signature covers the timestamp so that stale deliveries can be refused)`,
    );
  } else {
    add('probe-replay-refused', 'sent a second time (the same delivery again)', { credentials: 'valid', signature: 'valid' }, (outcome) =>
      outcome.kind === 'answer' && outcome.status >= 500 ? `${describeOutcome(outcome)}; a repeated delivery must never get a 5xx (answer 2xx, or refuse it with a 4xx)` : undefined,
    );
  }
  if (options.target.protocol === 'https:') {
    if (declaresPlainHttp(root, version, operation)) {
      options.notes.push(`${where}: probe-https-only not checked: the description itself serves it over plain HTTP (lint reports that as webhook-https)`);
    } else {
      const plain = new URL(url.href);
      plain.protocol = 'http:';
      // Never a real secret over plain HTTP: wrong credentials and a wrong signature are enough to see who answers.
      add('probe-https-only', `over plain HTTP (${plain.origin}, with wrong credentials)`, { credentials: 'wrong', signature: 'wrong', url: plain }, judgePlainHttp);
    }
  } else {
    options.notes.push(`${where}: probe-https-only not checked: the target is plain HTTP (give the https:// URL to check it)`);
  }
  return probes;
}

function signedNames(scheme: SignatureScheme): string[] {
  return scheme.kind === 'standard-webhooks' ? ['id', 'timestamp', 'signature'].map((part) => `${scheme.prefix}-${part}`) : [scheme.header.toLowerCase()];
}

/** A secret that is certainly not the right one, in the scheme's format. */
function wrongSecret(scheme: SignatureScheme): string {
  return scheme.kind === 'standard-webhooks' ? `whsec_${Buffer.from('spectral-webhooks-probe-wrong-secret').toString('base64')}` : 'spectral-webhooks-probe-wrong-secret';
}

function refusedWith401or403(outcome: Outcome): boolean {
  return outcome.kind === 'answer' && (outcome.status === 401 || outcome.status === 403);
}

/**
 * Plain HTTP is refused when nothing answers (connection refused or closed, a TLS-only port, no answer in time) or the
 * answer is a 4xx other than 401. Not a refusal: 2xx; a redirect, since the producer has already sent the delivery in
 * clear text and does not follow it; a 401, which asks for credentials over plain HTTP; a 5xx.
 */
function judgePlainHttp(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'answer') return undefined;
  const { status } = outcome;
  if (status >= 400 && status < 500 && status !== 401) return undefined;
  if (status >= 300 && status < 400) {
    return `answered ${status} (a redirect to ${String(outcome.headers.location ?? 'elsewhere')}): a redirect is not a refusal, the producer has already sent the delivery in clear text; close the plain-HTTP port or answer 403/426`;
  }
  return `answered ${status}: the receiver is served over plain HTTP; close the plain-HTTP port or answer 403/426`;
}

export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'answer') return `answered ${outcome.status}`;
  if (outcome.kind === 'timeout') return `no answer within the ${formatDuration(outcome.ms)} budget (--timeout)`;
  return `the connection failed (${outcome.code})`;
}

/** The target's origin and base path, then the path template with its parameters filled, then required query parameters. */
function receiverUrl(root: JsonObject, operation: OperationRef, target: URL): URL {
  const parameters = [...parametersOf(root, operation.pathItem), ...parametersOf(root, operation.operation)];
  const byName = new Map(parameters.filter((each) => typeof each.name === 'string').map((each) => [`${String(each.in)}:${String(each.name)}`, each]));
  const path = operation.pathKey.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const parameter = byName.get(`path:${name}`);
    return encodeURIComponent(parameter ? sampleParameter(root, parameter) : 'probe');
  });
  const url = new URL(target.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  for (const parameter of byName.values()) {
    if (parameter.in === 'query' && parameter.required === true) url.searchParams.set(String(parameter.name), sampleParameter(root, parameter));
  }
  return url;
}

/** Whether the description serves this operation over plain HTTP itself (an http:// server, or 2.0 `schemes: [http]`). */
function declaresPlainHttp(root: JsonObject, version: SpecVersion, operation: OperationRef): boolean {
  if (version === 'oas2') {
    const { schemes } = oas2Transport(root, operation.operation, operation.operationPath);
    return Array.isArray(schemes) && schemes.includes('http');
  }
  return effectiveServers(root, operation.pathItem, operation.jsonPath, operation.operation, operation.operationPath).some((ref) => insecureServerUrls(ref).length > 0);
}
