import { NotOpenApiError, ToolError } from '../errors';
import { HTTP_METHODS } from '../openapi/operations';
import { isObject, ownEntries, ownValue, type JsonPath } from '../openapi/json';

/** The OpenAPI versions the rules know: Swagger 2.0 and OpenAPI 3.0.x, 3.1.x, 3.2.x (3.2's paths are 3.1's). */
const SUPPORTED = 'supported: swagger "2.0", openapi 3.0.x, 3.1.x, 3.2.x';

/**
 * Refuses a parsed document that the rules cannot lint meaningfully, with the place in the file: not OpenAPI at all,
 * an OpenAPI version they do not know (4.0.0 would otherwise pass silently: no rule applies to it), or `paths`,
 * `webhooks`, a path item or an operation that is not a mapping. Full schema validation stays with `spectral:oas`;
 * this checks only the structure the webhook rules walk.
 */
export function checkOpenApiShape(data: unknown, text: string, displayName: string): void {
  const at = (path: JsonPath) => locate(text, path);
  if (!isObject(data)) {
    const what = data === null || data === undefined ? 'is empty (no YAML or JSON content)' : `holds ${describe(data)}, not an OpenAPI document`;
    throw new NotOpenApiError(what, displayName, 1, 1);
  }
  const swagger = ownValue(data, 'swagger');
  const openapi = ownValue(data, 'openapi');
  if (swagger === undefined && openapi === undefined) {
    throw new NotOpenApiError('not an OpenAPI document (no "openapi" or "swagger" field at the root)', displayName, 1, 1);
  }
  if (openapi !== undefined) {
    if (typeof openapi !== 'string') {
      throw new ToolError(`"openapi" must be a string such as "3.1.0", not ${describe(openapi)} (quote it)`, displayName, ...at(['openapi']));
    }
    if (!/^3\.[0-2](\.\d+)?(-[\w.]+)?$/.test(openapi)) {
      throw new ToolError(`openapi ${openapi} is not a supported OpenAPI version (${SUPPORTED})`, displayName, ...at(['openapi']));
    }
  } else if (typeof swagger !== 'string') {
    // YAML reads `swagger: 2.0` as the number 2: say so, not that version "2" is unsupported.
    throw new ToolError(`"swagger" must be the string "2.0", not ${describe(swagger)} (quote it: swagger: "2.0")`, displayName, ...at(['swagger']));
  } else if (swagger !== '2.0') {
    throw new ToolError(`swagger ${String(swagger)} is not a supported OpenAPI version (${SUPPORTED})`, displayName, ...at(['swagger']));
  }
  for (const section of ['paths', 'webhooks'] as const) {
    const items = ownValue(data, section);
    if (items === undefined || items === null) continue;
    if (!isObject(items)) throw new ToolError(`"${section}" must be a mapping of ${section === 'paths' ? 'paths' : 'names'} to path items, not ${describe(items)}`, displayName, ...at([section]));
    for (const [key, item] of ownEntries(items)) {
      if (key.startsWith('x-') || item === null) continue;
      if (!isObject(item)) throw new ToolError(`${section}.${key} must be a path item (a mapping), not ${describe(item)}`, displayName, ...at([section, key]));
      for (const method of HTTP_METHODS) {
        const operation = ownValue(item, method);
        if (operation === undefined || operation === null || isObject(operation)) continue;
        throw new ToolError(`${section}.${key}.${method} must be an operation (a mapping), not ${describe(operation)}`, displayName, ...at([section, key, method]));
      }
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string ("${value.length > 40 ? `${value.slice(0, 40)}...` : value}")`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return `a ${typeof value}`;
}

/**
 * 1-based line and column of the value at `path` in `text` (YAML or JSON), or of the nearest ancestor found.
 * Only called on the way to an error, so it may parse the text again.
 */
export function locate(text: string, path: JsonPath): [number, number] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  let node: unknown = document.contents;
  let offset = 0;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        const keyRange = (pair.key as { range?: [number, number, number] }).range;
        if (keyRange) offset = keyRange[0];
        next = pair.value;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (!next) break;
    const range = (next as { range?: [number, number, number] }).range;
    if (range) offset = range[0];
    node = next;
  }
  const { line, col } = lineCounter.linePos(offset);
  return [line, col];
}
