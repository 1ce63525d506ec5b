import { isObject, ownValue, type JsonObject, type JsonPath } from './json';

export interface ServerRef {
  server: JsonObject;
  /** JSON path of the Server Object. */
  jsonPath: JsonPath;
}

/** OpenAPI 3: operation `servers` override path-item `servers`, which override root `servers`. */
export function effectiveServers(root: JsonObject, pathItem: JsonObject, pathItemPath: JsonPath, operation: JsonObject, operationPath: JsonPath): ServerRef[] {
  const levels: Array<[JsonObject, JsonPath]> = [
    [operation, operationPath],
    [pathItem, pathItemPath],
    [root, []],
  ];
  for (const [node, nodePath] of levels) {
    const servers = ownValue(node, 'servers');
    if (!Array.isArray(servers) || servers.length === 0) continue;
    return servers.flatMap((server, index) => (isObject(server) ? [{ server, jsonPath: [...nodePath, 'servers', index] }] : []));
  }
  return [];
}

export interface InsecureServerUrl {
  /** The URL with variables expanded, as a reader would see it. */
  url: string;
  /** The node that makes it insecure: the `url` itself, or the variable `default`/`enum` entry that expands to http. */
  jsonPath: JsonPath;
}

/**
 * The plain-http URLs a Server Object can expand to. Variables expand through their `default` and every `enum` value;
 * when the scheme comes from a variable, the finding points at the value that yields `http`. Relative URLs (`/v1`)
 * take the scheme the document is served with, which the document cannot tell, so they are not reported.
 */
export function insecureServerUrls(ref: ServerRef): InsecureServerUrl[] {
  const url = ownValue(ref.server, 'url');
  if (typeof url !== 'string') return [];
  const variables = ownValue(ref.server, 'variables');
  const schemeMatch = /^\{([^}]+)\}/.exec(url);
  if (schemeMatch && isObject(variables)) {
    const name = schemeMatch[1] as string;
    const variable = ownValue(variables, name);
    if (!isObject(variable)) return [];
    const rest = url.slice(schemeMatch[0].length);
    const findings: InsecureServerUrl[] = [];
    const candidates: Array<[unknown, JsonPath]> = [[ownValue(variable, 'default'), ['default']]];
    const values = ownValue(variable, 'enum');
    if (Array.isArray(values)) values.forEach((value, index) => candidates.push([value, ['enum', index]]));
    const seen = new Set<string>();
    for (const [value, valuePath] of candidates) {
      if (typeof value !== 'string') continue;
      const expanded = expandVariables(value + rest, variables);
      if (!isPlainHttp(expanded) || seen.has(expanded)) continue;
      seen.add(expanded);
      findings.push({ url: expanded, jsonPath: [...ref.jsonPath, 'variables', name, ...valuePath] });
    }
    return findings;
  }
  const expanded = expandVariables(url, isObject(variables) ? variables : {});
  return isPlainHttp(expanded) ? [{ url: expanded, jsonPath: [...ref.jsonPath, 'url'] }] : [];
}

function expandVariables(url: string, variables: JsonObject): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = ownValue(variables, name);
    const value = isObject(variable) ? ownValue(variable, 'default') : undefined;
    return typeof value === 'string' ? value : whole;
  });
}

export function isPlainHttp(url: string): boolean {
  return /^http:\/\//i.test(url.trim());
}

export interface Oas2Transport {
  /** `schemes` in force (operation's, else root's), or undefined. */
  schemes: unknown;
  schemesPath: JsonPath | undefined;
  host: unknown;
}

/** OpenAPI 2: operation `schemes` override root `schemes`; with none, the scheme is the one the document was fetched with. */
export function oas2Transport(root: JsonObject, operation: JsonObject, operationPath: JsonPath): Oas2Transport {
  const own = ownValue(operation, 'schemes');
  if (own !== undefined) return { schemes: own, schemesPath: [...operationPath, 'schemes'], host: ownValue(root, 'host') };
  const inherited = ownValue(root, 'schemes');
  return {
    schemes: inherited,
    schemesPath: inherited === undefined ? undefined : ['schemes'],
    host: ownValue(root, 'host'),
  };
}
