import { isObject, type JsonPath } from '../openapi/json';
import { consumerOperations, describeOperation } from '../openapi/operations';
import { declaredSecuritySchemes, effectiveSecurity, securitySchemesLocation } from '../openapi/security';
import { listEndpoints } from './endpoint-list';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

interface Problem {
  path: JsonPath;
  /** The message after `<receivers>: `. */
  text: string;
  receivers: Set<string>;
}

/**
 * Each problem gets its own message. A problem in the root `security` is reported once, at the root, naming the
 * receivers that inherit it; a missing requirement is reported on each operation.
 */
export function checkWebhookSecurity(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const declared = declaredSecuritySchemes(scope.root);
  const schemesAt = securitySchemesLocation(scope.root);
  const problems = new Map<string, Problem>();
  const report = (path: JsonPath, receiver: string, text: string) => {
    const key = JSON.stringify([path, text]);
    const problem = problems.get(key) ?? { path, text, receivers: new Set<string>() };
    problem.receivers.add(receiver);
    problems.set(key, problem);
  };

  for (const operation of consumerOperations(paths, context.path)) {
    if (scope.ignores(operation)) continue;
    const where = describeOperation(operation);
    const security = effectiveSecurity(scope.root, operation.operation, operation.operationPath);
    const inherited = security.from === 'root' ? ' (inherited from the root security)' : '';
    if (security.value === undefined || security.jsonPath === undefined) {
      report(operation.operationPath, where, `webhook receivers must require authentication; add a security requirement naming a scheme from ${schemesAt}`);
      continue;
    }
    if (!Array.isArray(security.value)) continue; // not a list: a schema error for other linters, not a webhook finding
    if (security.value.length === 0) {
      report(security.jsonPath, where, `security: [] turns authentication off${inherited}; webhook receivers must require a secret key or token`);
      continue;
    }
    security.value.forEach((requirement, index) => {
      if (!isObject(requirement)) return;
      const names = Object.keys(requirement);
      if (names.length === 0) {
        report([...security.jsonPath!, index], where, `the empty requirement {} allows anonymous calls${inherited}; remove it so every call must authenticate`);
        return;
      }
      for (const name of names) {
        if (declared.has(name)) continue;
        report([...security.jsonPath!, index, name], where, `security scheme "${name}" is not declared in ${schemesAt}`);
      }
    });
  }
  return [...problems.values()].map((problem) => ({ message: `${listEndpoints(problem.receivers)}: ${problem.text}`, path: problem.path }));
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookSecurity);
