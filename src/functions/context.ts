import { createRulesetFunction, type IFunctionResult, type RulesetFunctionContext } from '@stoplight/spectral-core';
import { isIgnored } from '../openapi/ignore';
import { isObject, ownValue, type JsonObject, type JsonPath } from '../openapi/json';
import type { PathItemRef } from '../openapi/operations';

export type { IFunctionResult };

/**
 * The part of Spectral's function context our checks use. Spectral's published types omit `rule.name` and
 * `documentInventory.resolved`, which its runtime provides; naming the shape here also lets a caller other than
 * Spectral run a check with exactly the inputs Spectral would give it.
 */
export interface CheckContext {
  /** JSON path of the target (`['paths']`). */
  path: JsonPath;
  rule: { name: string };
  documentInventory: { resolved: unknown };
}

export type Check<O> = (input: unknown, options: O, context: CheckContext) => IFunctionResult[];

type FunctionSchemas = Parameters<typeof createRulesetFunction>[0];

/**
 * A Spectral function (options validated by `createRulesetFunction` at ruleset load) around a check. The check rides
 * along as `.check`, so `webhook-lint-ignore` can re-run a rule's pure check on a document with one ignore removed.
 */
export function spectralFunction<O>(schemas: FunctionSchemas, check: Check<O>) {
  const fn = createRulesetFunction<unknown, O>(schemas, (input, options, context: RulesetFunctionContext) =>
    check(input, options, context as unknown as CheckContext),
  );
  return Object.assign(fn, { check: check as Check<unknown> });
}

/** What every check needs besides its target: the root, and whether a node suppresses this rule. */
export interface RuleScope {
  root: JsonObject;
  ruleId: string;
  /** True when `x-lint-ignore` on the root, the path item or the operation names this rule. */
  ignores(item: Pick<PathItemRef, 'pathItem'> & { operation?: JsonObject }): boolean;
  /**
   * True when `x-lint-ignore` on the root or the (resolved) path item names this rule. For rules about path keys,
   * which run unresolved so that findings point at the key in the file that holds `paths`, not at a `$ref` target.
   */
  ignoresPath(pathKey: string): boolean;
}

export function ruleScope(context: CheckContext): RuleScope {
  const resolved = context.documentInventory.resolved;
  const root = isObject(resolved) ? resolved : {};
  const ruleId = context.rule.name;
  return {
    root,
    ruleId,
    ignores: (item) => isIgnored(ruleId, root, item.pathItem, item.operation),
    ignoresPath: (pathKey) => {
      const paths = ownValue(root, 'paths');
      return isIgnored(ruleId, root, isObject(paths) ? ownValue(paths, pathKey) : undefined);
    },
  };
}

/** Input schema of checks given `$.paths`: a `paths` that is not an object (bad input) is skipped, not thrown on. */
export const PATHS_INPUT = { type: 'object' } as const;
