import { isObject, ownValue, type JsonObject } from '../openapi/json';
import { operationsOf, pathItems, type OperationRef } from '../openapi/operations';
import { isConsumerPath } from '../openapi/paths';
import { matchReceiverPath } from '../openapi/receiver-paths';

/**
 * The operations `probe` sends to: receivers under `/_webhooks/`, and those the receiver heuristic recognises
 * elsewhere (`/hooks/sendgrid`). The one place that decides which paths are receivers for the runtime commands.
 */
export function receiverOperations(root: JsonObject): OperationRef[] {
  const items = pathItems(ownValue(root, 'paths'), ['paths']);
  const allPaths = items.map((item) => item.pathKey);
  return items
    .filter((item) => isReceiverPath(item.pathKey, allPaths, Object.keys(item.pathItem).filter((key) => isObject(item.pathItem[key]))))
    .flatMap(operationsOf);
}

function isReceiverPath(pathKey: string, allPaths: string[], methods: string[]): boolean {
  return isConsumerPath(pathKey) || matchReceiverPath(pathKey, allPaths, undefined, methods) !== undefined;
}
