import { webhookOperations, type WebhookOperation } from '../openapi/webhook-operations';
import { ruleScope, type CheckContext, type RuleScope } from './context';

/** Input schema of producer checks, given `$`: they walk the document themselves from its named keys. */
export const DOCUMENT_INPUT = { type: 'object' } as const;

/** A list-of-strings option (header names, property names, regular expressions). */
export const STRING_LIST = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;

export interface ProducerScope extends RuleScope {
  /** Every webhook operation of the document (the walk is shared by all producer rules). */
  all: WebhookOperation[];
  /** The webhook operations this rule checks: those no `x-lint-ignore` exempts. */
  checked: WebhookOperation[];
}

export function producerScope(context: CheckContext): ProducerScope {
  const scope = ruleScope(context);
  const all = webhookOperations(scope.root);
  return { ...scope, all, checked: all.filter((item) => !scope.ignores(item)) };
}
