import { headerNameSet, headerParameters, patternList, type HeaderParameter } from '../openapi/parameters';
import { webhookOperations, type WebhookOperation } from '../openapi/webhook-operations';
import { ruleScope, spectralFunction, type CheckContext, type RuleScope } from './context';

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

/** The header parameters of a webhook whose name is in `names` (case-insensitive) or matches one of `patterns`. */
export function matchingHeaders(root: unknown, item: WebhookOperation, names: readonly string[], patterns: readonly string[]): HeaderParameter[] {
  const nameSet = headerNameSet(names);
  const regexps = patternList(patterns);
  return headerParameters(root, item.pathItem, item.pathItemPath, item.operation, item.jsonPath).filter(
    (header) => nameSet.has(header.name.toLowerCase()) || regexps.some((pattern) => pattern.test(header.name)),
  );
}

/** Options of the rules that look for a header by name or pattern. */
export interface HeaderOptions {
  /** Header names (case-insensitive). */
  headers: string[];
  /** Regular expressions (case-insensitive) a header name may match instead. */
  patterns: string[];
}

type OptionsSchema = Parameters<typeof spectralFunction>[0]['options'];

/** An options schema in which every listed option is required (rule files set the defaults) and no other is allowed. */
export function optionsSchema(properties: Record<string, object>): OptionsSchema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false } as OptionsSchema;
}

export const HEADER_OPTIONS_SCHEMA = optionsSchema({ headers: STRING_LIST, patterns: STRING_LIST });
