import { ownValue, type JsonObject } from '../openapi/json';
import { operationsOf, pathItems, type OperationRef } from '../openapi/operations';
import { isConsumerPath } from '../openapi/paths';
import { classifyReceivers } from '../openapi/receiver-classifier';

/**
 * The operations `probe` sends to: receivers under `/_webhooks/`, and those the receiver classifier recognises
 * elsewhere (`/hooks/sendgrid`, as webhook-path-prefix reports them). The one place that decides which paths are
 * receivers for the runtime commands.
 */
export function receiverOperations(root: JsonObject): OperationRef[] {
  const recognised = new Set(classifyReceivers(root).filter((verdict) => verdict.receiver).map((verdict) => verdict.pathKey));
  return pathItems(ownValue(root, 'paths'), ['paths'])
    .filter((item) => isConsumerPath(item.pathKey) || recognised.has(item.pathKey))
    .flatMap(operationsOf);
}
