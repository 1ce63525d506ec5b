import { isObject, ownValue, type JsonObject, type JsonPath } from './json';
import { specVersion } from './document';

export interface EffectiveSecurity {
  /** The `security` value in force: the operation's, else the root's; `undefined` when neither declares one. */
  value: unknown;
  /** JSON path of that `security` value. */
  jsonPath: JsonPath | undefined;
  from: 'operation' | 'root' | 'none';
}

/** Operation `security` overrides root `security` (both OpenAPI 2 and 3). */
export function effectiveSecurity(root: JsonObject, operation: JsonObject, operationPath: JsonPath): EffectiveSecurity {
  const own = ownValue(operation, 'security');
  if (own !== undefined) return { value: own, jsonPath: [...operationPath, 'security'], from: 'operation' };
  const inherited = ownValue(root, 'security');
  if (inherited !== undefined) return { value: inherited, jsonPath: ['security'], from: 'root' };
  return { value: undefined, jsonPath: undefined, from: 'none' };
}

/** Where a document declares its security schemes: `components.securitySchemes` (3.x) or `securityDefinitions` (2.0). */
export function securitySchemesLocation(root: JsonObject): string {
  return specVersion(root) === 'oas2' ? 'securityDefinitions' : 'components.securitySchemes';
}

export function declaredSecuritySchemes(root: JsonObject): Set<string> {
  const holder =
    specVersion(root) === 'oas2' ? ownValue(root, 'securityDefinitions') : ownValue(ownObject(root, 'components'), 'securitySchemes');
  return new Set(isObject(holder) ? Object.keys(holder) : []);
}

function ownObject(node: JsonObject, key: string): JsonObject {
  const value = ownValue(node, key);
  return isObject(value) ? value : {};
}
