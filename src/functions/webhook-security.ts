import { isObject, type JsonPath } from '../openapi/json';
import { consumerOperations, describeOperation } from '../openapi/operations';
import { declaredSecuritySchemes, effectiveSecurity, securitySchemesLocation } from '../openapi/security';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

/**
 * Each problem gets its own message. A problem in the root `security` is reported once, at the root, however many
 * receivers inherit it; a missing requirement is reported on each operation.
 */
export function checkWebhookSecurity(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const declared = declaredSecuritySchemes(scope.root);
  const schemesAt = securitySchemesLocation(scope.root);
  const results = new Map<string, IFunctionResult>();
  const report = (path: JsonPath, message: string) => {
    const key = JSON.stringify(path) + message;
    if (!results.has(key)) results.set(key, { message, path });
  };

  for (const operation of consumerOperations(paths, context.path)) {
    if (scope.ignores(operation)) continue;
    const where = describeOperation(operation);
    const security = effectiveSecurity(scope.root, operation.operation, operation.operationPath);
    const inherited = security.from === 'root' ? ' (inherited from the root security)' : '';
    if (security.value === undefined || security.jsonPath === undefined) {
      report(operation.operationPath, `${where}: webhook receivers must require authentication; add a security requirement naming a scheme from ${schemesAt}`);
      continue;
    }
    if (!Array.isArray(security.value)) continue; // not a list: a schema error for other linters, not a webhook finding
    if (security.value.length === 0) {
      report(security.jsonPath, `${where}: security: [] turns authentication off${inherited}; webhook receivers must require a secret key or token`);
      continue;
    }
    security.value.forEach((requirement, index) => {
      if (!isObject(requirement)) return;
      const names = Object.keys(requirement);
      if (names.length === 0) {
        report([...security.jsonPath!, index], `${where}: the empty requirement {} allows anonymous calls${inherited}; remove it so every call must authenticate`);
        return;
      }
      for (const name of names) {
        if (declared.has(name)) continue;
        report([...security.jsonPath!, index, name], `${where}: security scheme "${name}" is not declared in ${schemesAt}`);
      }
    });
  }
  return [...results.values()];
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookSecurity);
