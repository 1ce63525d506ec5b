import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from '../openapi/json';
import { effectiveSecurity } from '../openapi/security';
import { specVersion } from '../openapi/document';
import { isSignatureHeaderName } from './signature';

/** A credential a security scheme asks for, and where it goes in a request. The secret is the scheme's (by name). */
export type Credential =
  | { scheme: string; kind: 'basic' }
  | { scheme: string; kind: 'bearer' }
  | { scheme: string; kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string };

export interface CredentialPlan {
  /** Every scheme of the chosen requirement (a requirement's schemes all apply together). */
  credentials: Credential[];
  /** An apiKey scheme whose header is a signature header: the secret signs the body instead of being sent. */
  signatureSchemes: Array<{ scheme: string; header: string }>;
  /** Why no requirement could be met (mutualTLS, a scheme the document does not declare), when none could. */
  unsupported?: string;
}

/**
 * The credentials a delivery needs, from the operation's `security` (else the root's): the first requirement whose
 * schemes can all be sent. oauth2 and openIdConnect tokens are sent as bearer tokens; mutualTLS cannot be.
 */
export function credentialPlan(root: JsonObject, operation: JsonObject, operationPath: JsonPath): CredentialPlan {
  const { value } = effectiveSecurity(root, operation, operationPath);
  const requirements = Array.isArray(value) ? value.filter(isObject) : [];
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0)) {
    return { credentials: [], signatureSchemes: [] };
  }
  const schemes = declaredSchemes(root);
  let unsupported: string | undefined;
  for (const requirement of requirements) {
    const plan: CredentialPlan = { credentials: [], signatureSchemes: [] };
    for (const [name] of ownEntries(requirement)) {
      const scheme = schemes[name];
      const credential = isObject(scheme) ? toCredential(name, scheme) : `security scheme "${name}" is not declared`;
      if (typeof credential === 'string') {
        unsupported ??= credential;
        plan.unsupported = credential;
        break;
      }
      if (credential.kind === 'apiKey' && credential.in === 'header' && isSignatureHeaderName(credential.name)) {
        plan.signatureSchemes.push({ scheme: name, header: credential.name });
      } else {
        plan.credentials.push(credential);
      }
    }
    if (plan.unsupported === undefined) return plan;
  }
  return { credentials: [], signatureSchemes: [], unsupported };
}

function declaredSchemes(root: JsonObject): Record<string, unknown> {
  const holder = specVersion(root) === 'oas2' ? ownValue(root, 'securityDefinitions') : ownValue(isObject(root.components) ? root.components : {}, 'securitySchemes');
  return isObject(holder) ? holder : {};
}

function toCredential(name: string, scheme: JsonObject): Credential | string {
  const type = ownValue(scheme, 'type');
  if (type === 'basic') return { scheme: name, kind: 'basic' };
  if (type === 'http') {
    const how = String(ownValue(scheme, 'scheme') ?? '').toLowerCase();
    if (how === 'basic') return { scheme: name, kind: 'basic' };
    if (how === 'bearer') return { scheme: name, kind: 'bearer' };
    return `security scheme "${name}" uses HTTP "${how}" authentication, which probe cannot send`;
  }
  if (type === 'apiKey') {
    const where = ownValue(scheme, 'in');
    const header = ownValue(scheme, 'name');
    if ((where === 'header' || where === 'query' || where === 'cookie') && typeof header === 'string') return { scheme: name, kind: 'apiKey', in: where, name: header };
    return `security scheme "${name}" is an apiKey without a valid "in" and "name"`;
  }
  if (type === 'oauth2' || type === 'openIdConnect') return { scheme: name, kind: 'bearer' };
  return `security scheme "${name}" is of type ${String(type)}, which probe cannot send`;
}

/** A request's parts that carry credentials: headers and query parameters (names lower-cased for headers). */
export interface CredentialParts {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** Puts each credential with its secret (or a wrong value) where its scheme says. */
export function applyCredentials(credentials: Credential[], secretOf: (credential: Credential) => string, parts: CredentialParts): void {
  const cookies: string[] = [];
  for (const credential of credentials) {
    const secret = secretOf(credential);
    if (credential.kind === 'basic') {
      parts.headers.authorization = `Basic ${Buffer.from(secret.includes(':') ? secret : `${secret}:`).toString('base64')}`;
    } else if (credential.kind === 'bearer') {
      parts.headers.authorization = `Bearer ${secret}`;
    } else if (credential.in === 'header') {
      parts.headers[credential.name.toLowerCase()] = secret;
    } else if (credential.in === 'query') {
      parts.query[credential.name] = secret;
    } else {
      cookies.push(`${credential.name}=${encodeURIComponent(secret)}`);
    }
  }
  if (cookies.length > 0) parts.headers.cookie = cookies.join('; ');
}
