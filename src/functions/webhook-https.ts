import { specVersion } from '../openapi/document';
import type { JsonPath } from '../openapi/json';
import { consumerOperations, type OperationRef } from '../openapi/operations';
import { effectiveServers, insecureServerUrls, oas2Transport } from '../openapi/servers';
import { listEndpoints } from './endpoint-list';
import { PATHS_INPUT, ruleScope, spectralFunction, type CheckContext, type IFunctionResult } from './context';

interface InsecureTransport {
  path: JsonPath;
  /** The message, given the receivers it serves (`webhook receiver /_webhooks/a`). */
  message: (receivers: string) => string;
  endpoints: Set<string>;
}

const plainHttp = (what: string) => (receivers: string) =>
  `${what} serves ${receivers} over plain HTTP; webhook receivers must be served over https://`;

/** One finding per insecure node (a server URL, a variable value, an OAS 2 scheme), naming the receivers it serves. */
export function checkWebhookHttps(paths: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  const scope = ruleScope(context);
  const isOas2 = specVersion(scope.root) === 'oas2';
  const findings = new Map<string, InsecureTransport>();
  const record = (path: JsonPath, message: InsecureTransport['message'], operation: OperationRef) => {
    const key = JSON.stringify(path);
    const finding = findings.get(key) ?? { path, message, endpoints: new Set<string>() };
    finding.endpoints.add(operation.pathKey);
    findings.set(key, finding);
  };

  for (const operation of consumerOperations(paths, context.path)) {
    if (scope.ignores(operation)) continue;
    if (isOas2) {
      const transport = oas2Transport(scope.root, operation.operation, operation.operationPath);
      if (Array.isArray(transport.schemes) && transport.schemesPath) {
        transport.schemes.forEach((scheme, index) => {
          if (typeof scheme === 'string' && scheme.toLowerCase() === 'http') record([...transport.schemesPath!, index], plainHttp('Scheme "http"'), operation);
        });
      } else if (transport.schemes === undefined && typeof transport.host === 'string') {
        // With no schemes, OpenAPI 2 serves the API over the scheme the document was fetched with: maybe http.
        const host = transport.host;
        record(['host'], (receivers) => `Host "${host}" has no schemes, so ${receivers} may be served over plain HTTP; add schemes: [https]`, operation);
      }
      continue;
    }
    const servers = effectiveServers(scope.root, operation.pathItem, operation.jsonPath, operation.operation, operation.operationPath);
    for (const server of servers) {
      for (const insecure of insecureServerUrls(server)) record(insecure.jsonPath, plainHttp(`Server "${insecure.url}"`), operation);
    }
  }

  return [...findings.values()].map((finding) => ({
    message: finding.message(`webhook receiver${finding.endpoints.size === 1 ? '' : 's'} ${listEndpoints(finding.endpoints)}`),
    path: finding.path,
  }));
}

export default spectralFunction<null>({ input: PATHS_INPUT, options: null }, checkWebhookHttps);
