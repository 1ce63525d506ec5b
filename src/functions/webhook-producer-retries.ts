import { isObject, ownEntries, ownValue, type JsonObject } from '../openapi/json';
import { webhooksAnchor } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { matchingHeaders, optionsSchema, producerScope, STRING_LIST, DOCUMENT_INPUT, type HeaderOptions } from './producer';

export interface RetriesOptions extends HeaderOptions {
  /** Regular expressions (case-insensitive) for extension keys that describe a retry policy. */
  extensions: string[];
  /** Regular expressions (case-insensitive) for prose (descriptions, summaries) that describes retries. */
  prose: string[];
}

export const DEFAULT_RETRY_HEADERS = ['webhook-attempt', 'X-Retry-Count', 'X-Webhook-Retry-Count', 'X-Attempt-Number', 'X-Delivery-Attempt', 'X-Slack-Retry-Num', 'svix-attempt'];
export const DEFAULT_RETRY_HEADER_PATTERNS = ['retry', 'attempt'];
export const DEFAULT_RETRY_EXTENSIONS = ['^x-.*(retry|retries|redeliver|backoff)'];
export const DEFAULT_RETRY_PROSE = ['\\bretr(y|ies|ied)\\b', '\\bresen[dt]\\b', '\\bredeliver', '\\bbackoff\\b', '\\bback-off\\b'];

/**
 * Retries are runtime behaviour; a document shows them with an extension (`x-webhook-retry` on `info`, the root, a
 * webhook or its operation), a retry-count header on a webhook, or prose in the descriptions. One finding per
 * document, since a retry policy is one for all webhooks.
 */
export function checkRetries(_root: unknown, options: RetriesOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  if (scope.checked.length === 0) return [];
  const extensions = options.extensions.map((source) => new RegExp(source, 'i'));
  const prose = options.prose.map((source) => new RegExp(source, 'i'));
  const hasExtension = (node: unknown) => isObject(node) && Object.keys(node).some((key) => key.startsWith('x-') && extensions.some((pattern) => pattern.test(key)));
  const says = (node: unknown) => isObject(node) && ['description', 'summary'].some((key) => { const text = ownValue(node, key); return typeof text === 'string' && prose.some((pattern) => pattern.test(text)); });

  const info = ownValue(scope.root, 'info');
  const documentLevel: unknown[] = [scope.root, info, ownValue(scope.root, 'webhooks'), ownValue(scope.root, 'x-webhooks')];
  if (documentLevel.some(hasExtension) || says(info)) return [];
  for (const item of scope.checked) {
    if (hasExtension(item.pathItem) || hasExtension(item.operation) || says(item.pathItem) || says(item.operation)) return [];
    if (matchingHeaders(scope.root, item, options.headers, options.patterns).length > 0) return [];
    if (responseSays(item.operation, says)) return [];
  }
  const anchor = webhooksAnchor(scope.root, scope.checked) ?? [];
  return [
    {
      message: 'the document does not say whether failed webhook deliveries are retried; describe the retry schedule (e.g. x-webhook-retry on info, or the descriptions) or document a retry-count header such as webhook-attempt',
      path: anchor,
    },
  ];
}

/** Response descriptions often carry the policy: "respond 2xx or we retry for 24 hours". */
function responseSays(operation: JsonObject, says: (node: unknown) => boolean): boolean {
  const responses = ownValue(operation, 'responses');
  return isObject(responses) && ownEntries(responses).some(([, response]) => says(response));
}

export default spectralFunction<RetriesOptions>(
  { input: DOCUMENT_INPUT, options: optionsSchema({ headers: STRING_LIST, patterns: STRING_LIST, extensions: STRING_LIST, prose: STRING_LIST }) },
  checkRetries,
);
