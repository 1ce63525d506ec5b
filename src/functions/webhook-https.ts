import { specVersion } from '../openapi/document';
import { valueAt } from '../openapi/refs';
import { endpointsServedBy, nonConsumerEndpoints, servedEndpoints, type Endpoint } from '../openapi/served-endpoints';
import { fileOf, FixRefusal, onFile, type DataChange, type RuleFix } from './fix-api';
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

/** Its fix: the insecure scheme or server URL made https, unless it also serves endpoints that are not receivers. */
export const fixWebhookHttps: RuleFix = (finding, { files, perRound }) => {
  const file = fileOf(files, finding);
  const path = finding.path;
  const value = valueAt(file.data, path);
  const serversAt = path.lastIndexOf('servers');
  const isSchemeItem = path.length >= 2 && path[path.length - 2] === 'schemes' && typeof path[path.length - 1] === 'number';

  if (isSchemeItem) {
    const holder = path.slice(0, -2);
    refuseIfShared(endpointsServedBy(files, { file: file.path, path: holder }, 'schemes', perRound('served-endpoints:schemes', () => servedEndpoints(files, 'schemes'))), 'schemes', 'give the receiver operations their own schemes: [https]');
    const schemes = valueAt(file.data, path.slice(0, -1));
    const index = path[path.length - 1] as number;
    if (Array.isArray(schemes) && schemes.some((scheme) => typeof scheme === 'string' && scheme.toLowerCase() === 'https')) {
      return { finding, description: 'removed "http" from schemes', edits: onFile(file, file.removeItem(path.slice(0, -1), index)), changes: [{ kind: 'remove-item', file: file.path, path }] };
    }
    return { finding, description: 'replaced scheme "http" with "https"', edits: onFile(file, file.replaceString(path, 'https')), changes: [{ kind: 'set', file: file.path, path, value: 'https' }] };
  }

  if (serversAt !== -1 && typeof path[serversAt + 1] === 'number' && typeof value === 'string') {
    const holder = path.slice(0, serversAt);
    const rest = path.slice(serversAt + 2);
    refuseIfShared(endpointsServedBy(files, { file: file.path, path: holder }, 'servers', perRound('served-endpoints:servers', () => servedEndpoints(files, 'servers'))), 'this server', 'give the receivers a server of their own (servers on their path items) with https://');
    const secure = value.replace(/^(\s*)http(?=:|$)/i, '$1https');
    if (secure === value) throw new FixRefusal('the value does not start with http');
    const isEnumItem = rest.length === 4 && rest[0] === 'variables' && rest[2] === 'enum';
    if (isEnumItem) {
      const values = valueAt(file.data, path.slice(0, -1));
      if (Array.isArray(values) && values.includes(secure)) {
        const edits = onFile(file, file.removeItem(path.slice(0, -1), path[path.length - 1] as number));
        return { finding, description: `removed "${value}" from the server variable's enum`, edits, changes: [{ kind: 'remove-item', file: file.path, path }] };
      }
    }
    const changes: DataChange[] = [{ kind: 'set', file: file.path, path, value: secure }];
    return { finding, description: `replaced "${value}" with "${secure}"`, edits: onFile(file, file.replaceString(path, secure)), changes };
  }

  if (path.length === 1 && path[0] === 'host') throw new FixRefusal('the document names no schemes; add schemes: [https]');
  throw new FixRefusal('not a server URL or scheme');
};

function refuseIfShared(served: Endpoint[], what: string, advice: string): void {
  if (served.length === 0) throw new FixRefusal(`cannot tell which endpoints ${what} serves`);
  const others = nonConsumerEndpoints(served);
  if (others.length === 0) return;
  const names = others.slice(0, 3).map((endpoint) => (endpoint.method === '*' ? endpoint.pathKey : `${endpoint.method} ${endpoint.pathKey}`));
  const more = others.length > 3 ? ` and ${others.length - 3} more` : '';
  throw new FixRefusal(`${what} also serves ${names.join(', ')}${more}, which are not under /_webhooks/; ${advice}`);
}
