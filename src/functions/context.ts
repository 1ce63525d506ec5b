import type { createRulesetFunction, IFunctionResult, RulesetFunctionContext, RulesetFunctionWithValidator } from '@stoplight/spectral-core';
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
  /**
   * The rule being run. Spectral passes its Rule, whose `owner` is the ruleset that defined it; that ruleset's `rules`
   * are the rules in force (Spectral merges a config's changes into those very objects: severity, options). The fast
   * engine passes the same shape (src/engine/engine.ts).
   */
  rule: { name: string; owner?: { rules: Readonly<Record<string, RuleInForce>> } };
  documentInventory: { resolved: unknown };
}

/** A rule of the ruleset in force as Spectral's Rule presents it: what is needed to run its check again. */
export interface RuleInForce {
  name?: string;
  /** Spectral's Rule: a set of format functions, or null for any; a definition: a list. */
  formats?: Iterable<(document: unknown, source: string | null) => boolean> | null;
  /** JSONPath expressions (Spectral's Rule: always a list). */
  given: string | readonly string[];
  /** Spectral's Rule: always a list. */
  then: RuleThen | readonly RuleThen[];
}

export interface RuleThen {
  function: unknown;
  functionOptions?: unknown;
  field?: string;
}

export type Check<O> = (input: unknown, options: O, context: CheckContext) => IFunctionResult[];

type FunctionSchemas = Parameters<typeof createRulesetFunction>[0];

/** The check and schemas behind a function made by `spectralFunction`, for the fast engine (src/engine). */
export const CHECK = Symbol.for('spectral-webhooks.check');
export interface CheckedFunction {
  [CHECK]: { check: Check<unknown>; schemas: FunctionSchemas };
}

/**
 * A Spectral function (options validated by `createRulesetFunction` at ruleset load) around a check. spectral-core is
 * loaded on first use, not when the rules are imported: the fast engine runs the checks without it (~0.3 s saved).
 */
export function spectralFunction<O>(schemas: FunctionSchemas, check: Check<O>): RulesetFunctionWithValidator<unknown, O> {
  let real: RulesetFunctionWithValidator<unknown, O> | undefined;
  const load = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (real ??= (require('@stoplight/spectral-core') as typeof import('@stoplight/spectral-core')).createRulesetFunction<unknown, O>(
      schemas,
      named((input: unknown, options: O, context: RulesetFunctionContext) => check(input, options, context as unknown as CheckContext), check),
    ));
  const fn = function (this: unknown, ...args: Parameters<RulesetFunctionWithValidator<unknown, O>>) {
    return load().apply(this, args);
  };
  Object.defineProperty(fn, 'name', { value: '' });
  Object.defineProperty(fn, 'validator', { get: () => load().validator });
  Object.defineProperty(fn, 'schemas', { enumerable: false, value: schemas });
  Object.defineProperty(fn, CHECK, { value: { check, schemas } });
  return fn as unknown as RulesetFunctionWithValidator<unknown, O>;
}

/**
 * Spectral names the function in option errors (`"<name>" function does not support "x" option`); an arrow has no
 * name of its own, so give it the check's (`checkWebhookPathPrefix` → `webhookPathPrefix`).
 */
function named<F extends (...args: never[]) => unknown>(fn: F, check: { name: string }): F {
  Object.defineProperty(fn, 'name', { value: check.name.replace(/^check(.)/, (_whole, first: string) => first.toLowerCase()) });
  return fn;
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
