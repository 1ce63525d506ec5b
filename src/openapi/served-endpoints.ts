import { isObject, ownEntries, ownValue, type JsonPath } from './json';
import { HTTP_METHODS } from './operations';
import { isConsumerPath } from './paths';
import { parseReference, valueAt } from './refs';

/** The files of a multi-file document, as far as this module reads them. */
export interface ParsedFiles {
  readonly mainPath: string;
  get(path: string): { data: unknown } | undefined;
}

/** A node in a file: where a `servers` list or `schemes` list is declared. */
export interface Location {
  file: string;
  path: JsonPath;
}

export interface Endpoint {
  pathKey: string;
  /** Upper-case method, or `*` for a path item the fix could not read (counted as served by the root). */
  method: string;
}

/**
 * The endpoints whose transport a `servers` (OpenAPI 3) or `schemes` (OpenAPI 2) list at `holder` decides: an
 * operation's own list serves that operation; a path item's serves its operations that have none of their own; the
 * root's serves everything else. Path items are followed through `$ref`s into other files, so a list in
 * `paths/sendgrid.yaml` is known to serve the paths that reference that file. Give `served` (from servedEndpoints)
 * when asking about many holders of the same files: each question then costs a lookup, not a walk of every path.
 */
export function endpointsServedBy(files: ParsedFiles, holder: Location, kind: 'servers' | 'schemes', served = servedEndpoints(files, kind)): Endpoint[] {
  return served.get(locationKey(holder)) ?? [];
}

/** Every endpoint of the document, grouped by the location of the list that decides its transport. */
export function servedEndpoints(files: ParsedFiles, kind: 'servers' | 'schemes'): ReadonlyMap<string, Endpoint[]> {
  const served = new Map<string, Endpoint[]>();
  const add = (level: Location, endpoint: Endpoint) => {
    const key = locationKey(level);
    const list = served.get(key) ?? [];
    list.push(endpoint);
    served.set(key, list);
  };
  const main = files.get(files.mainPath)?.data;
  const paths = isObject(main) ? ownValue(main, 'paths') : undefined;
  if (!isObject(paths)) return served;
  const root: Location = { file: files.mainPath, path: [] };
  for (const [pathKey, value] of ownEntries(paths)) {
    const item = followReferences(files, { file: files.mainPath, path: ['paths', pathKey] }, value);
    if (!item) {
      add(root, { pathKey, method: '*' });
      continue;
    }
    for (const method of HTTP_METHODS) {
      const operation = ownValue(item.value, method);
      if (!isObject(operation)) continue;
      const operationLocation = { file: item.location.file, path: [...item.location.path, method] };
      let level = root;
      if (kind === 'schemes') {
        if (ownValue(operation, 'schemes') !== undefined) level = operationLocation;
      } else if (nonEmptyList(ownValue(operation, 'servers'))) {
        level = operationLocation;
      } else if (nonEmptyList(ownValue(item.value, 'servers'))) {
        level = item.location;
      }
      add(level, { pathKey, method: method.toUpperCase() });
    }
  }
  return served;
}

/** Endpoints among `served` that are not webhook receivers (`/_webhooks/...`). */
export function nonConsumerEndpoints(served: Endpoint[]): Endpoint[] {
  return served.filter((endpoint) => !isConsumerPath(endpoint.pathKey));
}

function followReferences(files: ParsedFiles, location: Location, value: unknown): { location: Location; value: Record<string, unknown> } | undefined {
  let current = { location, value };
  for (let hops = 0; hops < 20; hops++) {
    if (!isObject(current.value)) return undefined;
    const ref = ownValue(current.value, '$ref');
    if (typeof ref !== 'string') return { location: current.location, value: current.value };
    const target = parseReference(current.location.file, ref);
    const file = target && files.get(target.targetFile);
    if (!target || !file) return undefined;
    current = { location: { file: target.targetFile, path: target.pointer }, value: valueAt(file.data, target.pointer) };
  }
  return undefined;
}

function nonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** Two locations are the same when their files and paths are (path segments compared as strings). */
function locationKey(location: Location): string {
  return JSON.stringify([location.file, ...location.path.map(String)]);
}
