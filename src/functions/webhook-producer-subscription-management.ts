import { isObject, ownEntries, ownValue } from '../openapi/json';
import { HTTP_METHODS } from '../openapi/operations';
import { isTemplated, pathSegments, segmentWords } from '../openapi/paths';
import { deref } from '../openapi/refs';
import { webhookContainers } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, optionsSchema, producerScope, STRING_LIST } from './producer';

export interface SubscriptionOptions {
  /** Words (of a literal path segment) that name a subscription resource. */
  words: string[];
}

export const DEFAULT_SUBSCRIPTION_WORDS = [
  'webhook', 'webhooks', 'hook', 'hooks', 'subscription', 'subscriptions', 'subscribe', 'unsubscribe',
  'endpoint', 'endpoints', 'callback', 'callbacks', 'listener', 'listeners', 'notification', 'notifications',
];

/** `POST /webhooks` or `PUT /hooks/{id}` create; `DELETE /webhooks/{id}` or `POST /webhooks/{id}/unsubscribe` delete. */
export function subscriptionOperations(root: unknown, words: readonly string[]): { create: string[]; remove: string[] } {
  const wordSet = new Set(words.map((word) => word.toLowerCase()));
  const create: string[] = [];
  const remove: string[] = [];
  const paths = isObject(root) ? ownValue(root, 'paths') : undefined;
  if (!isObject(paths)) return { create, remove };
  for (const [pathKey, entry] of ownEntries(paths)) {
    const literal = pathSegments(pathKey).filter((segment) => !isTemplated(segment));
    const words = literal.flatMap((segment) => [segment.toLowerCase(), ...segmentWords(segment)]);
    if (!words.some((word) => wordSet.has(word))) continue;
    const { value: pathItem } = deref(root, entry, []);
    if (!isObject(pathItem)) continue;
    const methods = HTTP_METHODS.filter((method) => isObject(ownValue(pathItem, method)));
    const lastWords = segmentWords(literal[literal.length - 1] ?? '');
    const unsubscribes = lastWords.some((word) => ['unsubscribe', 'delete', 'remove', 'disable'].includes(word));
    for (const method of methods) {
      const operation = `${method.toUpperCase()} ${pathKey}`;
      if (method === 'delete' || (method === 'post' && unsubscribes)) remove.push(operation);
      else if (method === 'post' || method === 'put') create.push(operation);
    }
  }
  return { create, remove };
}

/**
 * Reported once, at `webhooks` (else `x-webhooks`), when the document's `paths` offer no way to create and delete a
 * subscription. A document without `paths` describes only webhooks (GitHub's, Adyen's): it is the companion of a
 * REST description the rule cannot see, so it is not reported. Callbacks are subscribed by the request that names
 * the callback URL, so a document with callbacks only is not reported either.
 */
export function checkSubscriptionManagement(_root: unknown, options: SubscriptionOptions, context: CheckContext): IFunctionResult[] {
  const scope = producerScope(context);
  const anchor = webhookContainers(scope.root)[0];
  if (!anchor || !scope.checked.some((item) => item.kind !== 'callback')) return [];
  const paths = ownValue(scope.root, 'paths');
  if (!isObject(paths) || Object.keys(paths).length === 0) return [];
  const { create, remove } = subscriptionOperations(scope.root, options.words);
  if (create.length > 0 && remove.length > 0) return [];
  const missing = [create.length === 0 ? 'create' : undefined, remove.length === 0 ? 'delete' : undefined].filter(Boolean).join(' and ');
  return [
    {
      message: `the document sends webhooks but its paths offer no way to ${missing} a subscription (e.g. POST /webhooks and DELETE /webhooks/{id}); let consumers manage subscriptions through the API, or name where they do with x-lint-ignore on the root`,
      path: anchor,
    },
  ];
}

export default spectralFunction<SubscriptionOptions>({ input: DOCUMENT_INPUT, options: optionsSchema({ words: STRING_LIST }) }, checkSubscriptionManagement);
