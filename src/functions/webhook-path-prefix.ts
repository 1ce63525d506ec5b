import { isObject, ownValue, type JsonObject } from '../openapi/json';
import { HTTP_METHODS, pathItems } from '../openapi/operations';
import { DEFAULT_RECEIVER_HEURISTIC, matchReceiverPath, type ReceiverHeuristicOptions } from '../openapi/receiver-paths';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

export interface WebhookPathPrefixOptions {
  /** Extra words that mark a segment as a webhook receiver (added to webhook, webhooks, hook, hooks). */
  receiverWords?: string[];
  /** Extra words that mark a hook segment, or the segment after it, as subscription management. */
  managementWords?: string[];
  /** Extra regular expressions; a path matching one is never reported. */
  exemptPaths?: string[];
}

/** The heuristic the rule runs with these options; `--fix` moves a path to the `suggestedPath` of the same match. */
export function receiverHeuristic(options: WebhookPathPrefixOptions | null | undefined): ReceiverHeuristicOptions {
  return {
    receiverWords: [...DEFAULT_RECEIVER_HEURISTIC.receiverWords, ...(options?.receiverWords ?? [])],
    managementWords: [...DEFAULT_RECEIVER_HEURISTIC.managementWords, ...(options?.managementWords ?? [])],
    exemptPaths: [...DEFAULT_RECEIVER_HEURISTIC.exemptPaths, ...(options?.exemptPaths ?? [])],
  };
}

export function checkWebhookPathPrefix(paths: unknown, options: WebhookPathPrefixOptions | null, context: CheckContext): IFunctionResult[] {
  if (!isObject(paths)) return [];
  const scope = ruleScope(context);
  const heuristic = receiverHeuristic(options);
  const allPaths = Object.keys(paths);
  const results: IFunctionResult[] = [];
  for (const item of pathItems(paths, context.path)) {
    if (scope.ignoresPath(item.pathKey)) continue;
    const match = matchReceiverPath(item.pathKey, allPaths, heuristic, methodsOf(scope.root, item.pathKey));
    if (!match) continue;
    results.push({
      message: `"${item.pathKey}" looks like a webhook receiver; move it under /_webhooks/ (e.g. ${match.suggestedPath})`,
      path: item.jsonPath,
    });
  }
  return results;
}

/** Operation keys of a path item, read from the resolved document: this rule runs unresolved, so an item may be a `$ref`. */
function methodsOf(root: JsonObject, pathKey: string): string[] {
  const paths = ownValue(root, 'paths');
  const pathItem = isObject(paths) ? ownValue(paths, pathKey) : undefined;
  return isObject(pathItem) ? HTTP_METHODS.filter((method) => isObject(ownValue(pathItem, method))) : [];
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
        exemptPaths: { type: 'array', items: { type: 'string', format: 'regex' } },
      },
      additionalProperties: false,
    },
  },
  checkWebhookPathPrefix,
);
