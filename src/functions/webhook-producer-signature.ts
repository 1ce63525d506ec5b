import { isObject, ownValue } from '../openapi/json';
import type { WebhookOperation } from '../openapi/webhook-operations';
import { describeWebhook } from '../openapi/webhook-operations';
import { DEFAULT_SIGNATURE_HEADERS, DEFAULT_SIGNATURE_PATTERNS } from '../openapi/signature-headers';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, HEADER_OPTIONS_SCHEMA, matchingHeaders, producerScope, type HeaderOptions } from './producer';

/** `headers` carry a signature or a secret token. */
export type SignatureOptions = HeaderOptions;

export { DEFAULT_SIGNATURE_HEADERS, DEFAULT_SIGNATURE_PATTERNS };

/** True when the operation's own `security` has a requirement naming at least one scheme. */
export function hasOwnSecurity(operation: WebhookOperation['operation']): boolean {
  const security = ownValue(operation, 'security');
  return Array.isArray(security) && security.some((requirement) => isObject(requirement) && Object.keys(requirement).length > 0);
}

/**
 * A webhook passes with a required header from the list (or matching a pattern), or with a security requirement on
 * the operation itself. The root `security` does not count: it says how clients call the API, not how the API signs
 * what it sends.
 */
export function checkSignature(_root: unknown, options: SignatureOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const results: IFunctionResult[] = [];
  for (const item of scope.checked) {
    const headers = matchingHeaders(scope.root, item, options.headers, options.patterns);
    if (headers.some((header) => header.required) || hasOwnSecurity(item.operation)) continue;
    const optional = headers[0];
    if (optional) {
      results.push({
        message: `${describeWebhook(item)}: signature header "${optional.name}" is not required; mark it required: true so consumers can reject unsigned deliveries`,
        path: optional.jsonPath,
      });
    } else {
      results.push({
        message: `${describeWebhook(item)}: document how consumers verify the sender: a required signature header parameter (e.g. webhook-signature) or a security requirement on the operation`,
        path: item.jsonPath,
      });
    }
  }
  return results;
}

export default spectralFunction<SignatureOptions>(
  {
    input: DOCUMENT_INPUT,
    options: HEADER_OPTIONS_SCHEMA,
  },
  checkSignature,
);
