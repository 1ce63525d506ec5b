import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from './json';
import { isConsumerPath } from './paths';

/** Operation keys of a Path Item (OpenAPI 2.0 has no `trace`; listing it is harmless there). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface PathItemRef {
  /** The path template, the key under `paths`. */
  pathKey: string;
  pathItem: JsonObject;
  /** JSON path of the path item, from the document root. */
  jsonPath: JsonPath;
}

export interface OperationRef extends PathItemRef {
  method: HttpMethod;
  operation: JsonObject;
  /** JSON path of the operation, from the document root. */
  operationPath: JsonPath;
}

/** Path items of a `paths` object; entries that are not objects (bad input) are skipped, never thrown on. */
export function pathItems(paths: unknown, pathsJsonPath: JsonPath): PathItemRef[] {
  if (!isObject(paths)) return [];
  const items: PathItemRef[] = [];
  for (const [pathKey, pathItem] of ownEntries(paths)) {
    if (!isObject(pathItem)) continue;
    items.push({ pathKey, pathItem, jsonPath: [...pathsJsonPath, pathKey] });
  }
  return items;
}

export function operationsOf(item: PathItemRef): OperationRef[] {
  const operations: OperationRef[] = [];
  for (const method of HTTP_METHODS) {
    const operation = ownValue(item.pathItem, method);
    if (!isObject(operation)) continue;
    operations.push({ ...item, method, operation, operationPath: [...item.jsonPath, method] });
  }
  return operations;
}

/** Path items whose path is a webhook consumer endpoint (`/_webhooks/...`). */
export function consumerPathItems(paths: unknown, pathsJsonPath: JsonPath): PathItemRef[] {
  return pathItems(paths, pathsJsonPath).filter((item) => isConsumerPath(item.pathKey));
}

/** Operations on webhook consumer endpoints. */
export function consumerOperations(paths: unknown, pathsJsonPath: JsonPath): OperationRef[] {
  return consumerPathItems(paths, pathsJsonPath).flatMap(operationsOf);
}

export function describeOperation(operation: Pick<OperationRef, 'method' | 'pathKey'>): string {
  return `${operation.method.toUpperCase()} ${operation.pathKey}`;
}
