import { specVersion } from '../openapi/document';
import type { JsonPath } from '../openapi/json';
import { consumerOperations, type OperationRef } from '../openapi/operations';
import { effectiveServers, insecureServerUrls, oas2Transport } from '../openapi/servers';
import { listEndpoints } from './endpoint-list';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

interface InsecureTransport {
  path: JsonPath;
  what: string;
  endpoints: Set<string>;
}

/** One finding per insecure node (a server URL, a variable value, an OAS 2 scheme), naming the receivers it serves. */
export function checkWebhookHttps(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const isOas2 = specVersion(scope.root) === 'oas2';
  const findings = new Map<string, InsecureTransport>();
  const record = (path: JsonPath, what: string, operation: OperationRef) => {
    const key = JSON.stringify(path);
    const finding = findings.get(key) ?? { path, what, endpoints: new Set<string>() };
    finding.endpoints.add(operation.pathKey);
    findings.set(key, finding);
  };

  for (const operation of consumerOperations(paths, context.path)) {
    if (scope.ignores(operation)) continue;
    if (isOas2) {
      const transport = oas2Transport(scope.root, operation.operation, operation.operationPath);
      if (Array.isArray(transport.schemes) && transport.schemesPath) {
        transport.schemes.forEach((scheme, index) => {
          if (typeof scheme === 'string' && scheme.toLowerCase() === 'http') record([...transport.schemesPath!, index], 'Scheme "http"', operation);
        });
      } else if (transport.schemes === undefined && typeof transport.host === 'string') {
        record(['host'], `Host "${transport.host}" without schemes (served over whatever scheme fetched the document)`, operation);
      }
      continue;
    }
    const servers = effectiveServers(scope.root, operation.pathItem, operation.jsonPath, operation.operation, operation.operationPath);
    for (const server of servers) {
      for (const insecure of insecureServerUrls(server)) record(insecure.jsonPath, `Server "${insecure.url}"`, operation);
    }
  }

  return [...findings.values()].map((finding) => ({
    message: `${finding.what} serves webhook receiver ${listEndpoints(finding.endpoints)} over plain HTTP; webhook receivers must be served over https://`,
    path: finding.path,
  }));
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookHttps);
