import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { docsUrl } from '../docs-url';
import type { JsonPath } from '../openapi/json';
import { rangeOf, type RuntimeSpec } from './spec';

/**
 * The promises `probe` and `listen` check, named like lint rules: a finding carries the id as its `code`, and
 * docs/rules/<id>.md explains it (`spectral-webhooks explain <id>`).
 */
export interface RuntimeCheck {
  id: string;
  severity: 'error' | 'warn';
  description: string;
}

export const PROBE_CHECKS = [
  { id: 'probe-valid-delivery-acknowledged', severity: 'error', description: 'a well-formed, authenticated delivery is answered 2xx within the time budget' },
  { id: 'probe-auth-required', severity: 'error', description: 'a delivery without credentials is refused with 401 or 403' },
  { id: 'probe-bad-credentials-refused', severity: 'error', description: 'a delivery with wrong credentials is refused with 401 or 403' },
  { id: 'probe-bad-signature-refused', severity: 'error', description: 'a delivery with a wrong signature is refused with 401 or 403' },
  { id: 'probe-method-refused', severity: 'error', description: 'a method the description does not document is answered 405 (or 404)' },
  { id: 'probe-replay-refused', severity: 'error', description: 'a replayed delivery (stale timestamp) is refused, and a repeated one never gets a 5xx' },
  { id: 'probe-https-only', severity: 'error', description: 'the receiver is not served over plain HTTP' },
] as const satisfies readonly RuntimeCheck[];

export const LISTEN_CHECKS = [
  { id: 'listen-unknown-webhook', severity: 'error', description: 'a delivery matches no webhook or callback the description declares' },
  { id: 'listen-payload-schema', severity: 'error', description: "a delivery's body does not match the webhook's payload schema" },
  { id: 'listen-required-header', severity: 'error', description: 'a delivery lacks a header the webhook declares required' },
  { id: 'listen-signature', severity: 'error', description: "a delivery's signature does not verify with the given secret" },
] as const satisfies readonly RuntimeCheck[];

export type ProbeCheckId = (typeof PROBE_CHECKS)[number]['id'];
export type ListenCheckId = (typeof LISTEN_CHECKS)[number]['id'];
export const RUNTIME_CHECKS: readonly RuntimeCheck[] = [...PROBE_CHECKS, ...LISTEN_CHECKS];

const ERROR = 0;
const WARNING = 1;

/** A finding in the lint's shape: `{code, message, path, severity, range, source}`. */
export function runtimeFinding(spec: RuntimeSpec, id: ProbeCheckId | ListenCheckId, path: JsonPath, message: string): ISpectralDiagnostic {
  const check = RUNTIME_CHECKS.find((each) => each.id === id) as RuntimeCheck;
  return {
    code: id,
    message,
    path,
    severity: check.severity === 'error' ? ERROR : WARNING,
    range: rangeOf(spec.document, path),
    source: spec.document.source,
  } as ISpectralDiagnostic;
}

/** What the formatters read from a ruleset (description, docs link) for the runtime checks. */
export function runtimeRulesetInfo(checks: readonly RuntimeCheck[]): { rules: Record<string, { name: string; description: string; documentationUrl: string }> } {
  return { rules: Object.fromEntries(checks.map((check) => [check.id, { name: check.id, description: check.description, documentationUrl: docsUrl(check.id) }])) };
}
