import { isObject, ownValue } from '../openapi/json';
import { valueAt } from '../openapi/refs';
import { fileOf, FixRefusal, onFile, type DataChange, type RuleFix } from './fix-api';
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

/** Its fix: `x-internal: true` on the operation (set, or replacing a value that is not the boolean true). */
export const fixWebhookXInternal: RuleFix = (finding, { files }) => {
  const file = fileOf(files, finding);
  const last = finding.path[finding.path.length - 1];
  const holder = last === 'x-internal' ? finding.path.slice(0, -1) : finding.path;
  const changes: DataChange[] = [{ kind: 'set', file: file.path, path: [...holder, 'x-internal'], value: true }];
  if (last === 'x-internal' && file.hasOwnKey(holder, 'x-internal')) {
    const current = valueAt(file.data, finding.path);
    return { finding, description: `replaced x-internal: ${JSON.stringify(current)} with true`, edits: onFile(file, file.replaceWithBoolean(finding.path, true)), changes };
  }
  // Missing, or coming through a YAML merge key (an own key overrides it).
  if (!isObject(valueAt(file.data, holder))) throw new FixRefusal('the finding does not point at an operation');
  return { finding, description: 'set x-internal: true', edits: onFile(file, file.insertBooleanProperty(holder, 'x-internal', true)), changes };
};
