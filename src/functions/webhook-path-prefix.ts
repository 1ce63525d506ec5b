import { isObject, ownValue } from '../openapi/json';
import { pathItems } from '../openapi/operations';
import { isConsumerPath } from '../openapi/paths';
import { DEFAULT_RECEIVER_CLASSIFIER, ReceiverClassifier, receiverReasons, type ReceiverClassifierOptions } from '../openapi/receiver-classifier';
import { suggestConsumerPath } from '../openapi/receiver-suggestion';
import { FixRefusal, type RuleFix } from './fix-api';
import { renamePathItem } from './fix-rename';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

export interface WebhookPathPrefixOptions {
  /** Extra words that name a webhook endpoint in a path segment (added to webhook, webhooks, hook, hooks). */
  receiverWords?: string[];
  /** Extra words that mark a hook segment, or a segment after it, as subscription management. */
  managementWords?: string[];
  /** Extra producer names: in a path, they say whose deliveries it takes, and `--fix` names the receiver after them. */
  producers?: string[];
  /** Extra regular expressions; a path matching one is never reported. */
  exemptPaths?: string[];
}

/** The classifier the rule runs with these options: the defaults, extended. */
export function receiverClassifierOptions(options: WebhookPathPrefixOptions | null | undefined): ReceiverClassifierOptions {
  const defaults = DEFAULT_RECEIVER_CLASSIFIER;
  return {
    receiverWords: [...defaults.receiverWords, ...(options?.receiverWords ?? [])],
    managementWords: [...defaults.managementWords, ...(options?.managementWords ?? [])],
    producers: [...defaults.producers, ...(options?.producers ?? [])],
    exemptPaths: [...defaults.exemptPaths, ...(options?.exemptPaths ?? [])],
  };
}

/** Where `--fix` moves a path this rule reported: the same suggestion its message gave. */
export function suggestedReceiverPath(pathKey: string, options: WebhookPathPrefixOptions | null | undefined) {
  return suggestConsumerPath(pathKey, receiverClassifierOptions(options));
}

export function checkWebhookPathPrefix(paths: unknown, options: WebhookPathPrefixOptions | null, context: CheckContext): IFunctionResult[] {
  if (!isObject(paths)) return [];
  const scope = ruleScope(context);
  const classifierOptions = receiverClassifierOptions(options);
  // The rule runs unresolved (findings point at the key in the file that holds `paths`); the classifier reads the
  // resolved path items, where `$ref`-ed operations, bodies and parameters are whole.
  const resolvedPaths = ownValue(scope.root, 'paths');
  const classifier = new ReceiverClassifier(scope.root, Object.keys(paths), classifierOptions);
  const results: IFunctionResult[] = [];
  for (const item of pathItems(paths, context.path)) {
    if (isConsumerPath(item.pathKey) || scope.ignoresPath(item.pathKey)) continue;
    const resolved = isObject(resolvedPaths) ? ownValue(resolvedPaths, item.pathKey) : undefined;
    const verdict = classifier.classify(item.pathKey, isObject(resolved) ? resolved : item.pathItem);
    if (!verdict.receiver) continue;
    const suggestion = suggestConsumerPath(item.pathKey, classifierOptions);
    const where =
      'path' in suggestion
        ? `e.g. ${suggestion.path}`
        : suggestion.unspellable !== undefined
          ? `as /_webhooks/<producer>/...; "${suggestion.unspellable}" cannot be spelt in kebab-case, rename it by hand`
          : 'as /_webhooks/<producer>/...; the path names no producer';
    results.push({
      message: `"${item.pathKey}" looks like a webhook receiver (${receiverReasons(verdict)}); move it under /_webhooks/ (${where})`,
      path: item.jsonPath,
    });
  }
  return results;
}

const wordList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export default spectralFunction<WebhookPathPrefixOptions | null>(
  {
    input: PATHS_INPUT,
    options: {
      type: ['object', 'null'],
      properties: {
        receiverWords: wordList,
        managementWords: wordList,
        producers: wordList,
        exemptPaths: { type: 'array', items: { type: 'string', format: 'regex' } },
      },
      additionalProperties: false,
    },
  },
  checkWebhookPathPrefix,
);

/** Its fix: the path moved where the finding's message said (the classifier's suggestion); none without a producer. */
export const fixWebhookPathPrefix: RuleFix = (finding, context) =>
  renamePathItem(finding, context, (pathKey) => {
    const suggestion = suggestedReceiverPath(pathKey, context.options as WebhookPathPrefixOptions | null | undefined);
    if ('refusal' in suggestion) throw new FixRefusal(suggestion.refusal);
    return suggestion.path;
  });
