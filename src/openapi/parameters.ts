import { isObject, ownValue, type JsonObject, type JsonPath } from './json';
import { deref } from './refs';

export interface HeaderParameter {
  /** The name as written. */
  name: string;
  required: boolean;
  parameter: JsonObject;
  /** JSON path of the Parameter Object. */
  jsonPath: JsonPath;
}

/**
 * The header parameters in force for an operation: path-item parameters, overridden by operation parameters of the
 * same name (header names compare case-insensitively, as HTTP does).
 */
export function headerParameters(root: unknown, pathItem: JsonObject, pathItemPath: JsonPath, operation: JsonObject, operationPath: JsonPath): HeaderParameter[] {
  const byName = new Map<string, HeaderParameter>();
  const levels: Array<[JsonObject, JsonPath]> = [
    [pathItem, pathItemPath],
    [operation, operationPath],
  ];
  for (const [node, nodePath] of levels) {
    const parameters = ownValue(node, 'parameters');
    if (!Array.isArray(parameters)) continue;
    parameters.forEach((entry, index) => {
      const { value, jsonPath } = deref(root, entry, [...nodePath, 'parameters', index]);
      if (!isObject(value) || value.in !== 'header' || typeof value.name !== 'string') return;
      byName.set(value.name.toLowerCase(), { name: value.name, required: value.required === true, parameter: value, jsonPath });
    });
  }
  return [...byName.values()];
}

/** Case-insensitive lookup of header names in a list. */
export function headerNameSet(names: readonly string[]): Set<string> {
  return new Set(names.map((name) => name.toLowerCase()));
}

/** Regular expressions (source text, case-insensitive) as given in rule options. */
export function patternList(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, 'i'));
}
