import { ownValue } from '../openapi/json';
import { consumerOperations, describeOperation } from '../openapi/operations';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

/**
 * `x-internal: true` on the operation, or on its path item when the operation says nothing, marks the receiver as
 * internal. Any other value (`"true"`, `false`, `1`) is a violation where it stands.
 */
export function checkWebhookXInternal(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const results: IFunctionResult[] = [];
  for (const operation of consumerOperations(paths, context.path)) {
    if (scope.ignores(operation)) continue;
    const own = ownValue(operation.operation, 'x-internal');
    const inherited = ownValue(operation.pathItem, 'x-internal');
    const effective = own !== undefined ? own : inherited;
    if (effective === true) continue;
    const where = describeOperation(operation);
    if (effective === undefined) {
      results.push({ message: `${where}: webhook receivers must be marked x-internal: true`, path: operation.operationPath });
    } else {
      const at = own !== undefined ? [...operation.operationPath, 'x-internal'] : [...operation.jsonPath, 'x-internal'];
      results.push({ message: `${where}: x-internal must be the boolean true, not ${JSON.stringify(effective)}`, path: at });
    }
  }
  return results;
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookXInternal);
