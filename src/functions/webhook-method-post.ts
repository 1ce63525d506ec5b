import { consumerOperations, describeOperation } from '../openapi/operations';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

export function checkWebhookMethodPost(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  return consumerOperations(paths, context.path)
    .filter((operation) => operation.method !== 'post' && !scope.ignores(operation))
    .map((operation) => ({
      message: `${describeOperation(operation)}: webhook receivers should use POST; if the producer requires ${operation.method.toUpperCase()}, say so with x-lint-ignore: { webhook-method-post: "<reason>" } on the operation`,
      path: operation.operationPath,
    }));
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookMethodPost);
