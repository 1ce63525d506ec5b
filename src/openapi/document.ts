import { ownValue, type JsonObject } from './json';

export type SpecVersion = 'oas2' | 'oas3.0' | 'oas3.1';

export function specVersion(root: JsonObject): SpecVersion | undefined {
  const swagger = ownValue(root, 'swagger');
  if (swagger === '2.0') return 'oas2';
  const openapi = ownValue(root, 'openapi');
  if (typeof openapi === 'string') {
    if (/^3\.0(\.\d+)?$/.test(openapi)) return 'oas3.0';
    if (/^3\.1(\.\d+)?$/.test(openapi)) return 'oas3.1';
  }
  return undefined;
}
