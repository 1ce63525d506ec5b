import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from './json';
import { deref } from './refs';

/** `application/json`, `application/cloudevents+json; charset=utf-8`, `application/vnd.acme.v1+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return essence === 'application/json' || /^[a-z0-9!#$&^_.-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(essence);
}

export interface JsonPayload {
  mediaType: string;
  mediaTypeObject: JsonObject;
  /** JSON path of the Media Type Object. */
  jsonPath: JsonPath;
  /** The schema, with local `$ref`s followed (undefined when the media type has none). */
  schema: unknown;
  schemaPath: JsonPath;
}

export interface RequestBodyRef {
  requestBody: JsonObject;
  jsonPath: JsonPath;
}

export function requestBodyOf(root: unknown, operation: JsonObject, operationPath: JsonPath): RequestBodyRef | undefined {
  const { value, jsonPath } = deref(root, ownValue(operation, 'requestBody'), [...operationPath, 'requestBody']);
  return isObject(value) ? { requestBody: value, jsonPath } : undefined;
}

/** The JSON media types of a request body, each with its schema. */
export function jsonPayloads(root: unknown, body: RequestBodyRef | undefined): JsonPayload[] {
  if (!body) return [];
  const content = ownValue(body.requestBody, 'content');
  if (!isObject(content)) return [];
  const payloads: JsonPayload[] = [];
  for (const [mediaType, entry] of ownEntries(content)) {
    if (!isJsonMediaType(mediaType) || !isObject(entry)) continue;
    const jsonPath = [...body.jsonPath, 'content', mediaType];
    const { value: schema, jsonPath: schemaPath } = deref(root, ownValue(entry, 'schema'), [...jsonPath, 'schema']);
    payloads.push({ mediaType, mediaTypeObject: entry, jsonPath, schema, schemaPath });
  }
  return payloads;
}

/** Keywords that say something about an instance; a schema with none of them (`{}`, only a description) accepts anything. */
const CONSTRAINING_KEYWORDS = [
  '$ref', 'type', 'properties', 'additionalProperties', 'patternProperties', 'required', 'items', 'prefixItems',
  'allOf', 'oneOf', 'anyOf', 'not', 'enum', 'const', 'format', 'discriminator', 'if', 'unevaluatedProperties',
];

/** True for a missing schema, `true`, `{}` or a schema with annotations only. */
export function isEmptySchema(schema: unknown): boolean {
  if (schema === undefined || schema === true) return true;
  if (!isObject(schema)) return false;
  return !CONSTRAINING_KEYWORDS.some((keyword) => ownValue(schema, keyword) !== undefined);
}

export interface SchemaProperty {
  /** The property's schema with local `$ref`s followed; undefined when only `required` names it. */
  schema: unknown;
  required: boolean;
}

/**
 * The top-level properties an object schema guarantees, through `allOf` (every member applies), `oneOf`/`anyOf`
 * (a property is listed when a branch declares it, and required only when every branch requires it) and local `$ref`s.
 */
export function schemaProperties(root: unknown, schema: unknown): Map<string, SchemaProperty> {
  return collectProperties(root, schema, new Set());
}

function collectProperties(root: unknown, node: unknown, onPath: Set<JsonObject>): Map<string, SchemaProperty> {
  const result = new Map<string, SchemaProperty>();
  const { value } = deref(root, node, []);
  if (!isObject(value) || onPath.has(value)) return result;
  const inner = new Set(onPath).add(value);

  const required = new Set((Array.isArray(value.required) ? value.required : []).filter((name): name is string => typeof name === 'string'));
  const properties = ownValue(value, 'properties');
  if (isObject(properties)) {
    for (const [name, propertySchema] of ownEntries(properties)) {
      result.set(name, { schema: deref(root, propertySchema, []).value, required: required.has(name) });
    }
  }

  const allOf = ownValue(value, 'allOf');
  if (Array.isArray(allOf)) {
    for (const member of allOf) merge(result, collectProperties(root, member, inner));
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = ownValue(value, keyword);
    if (!Array.isArray(branches) || branches.length === 0) continue;
    const maps = branches.map((branch) => collectProperties(root, branch, inner));
    const names = new Set(maps.flatMap((map) => [...map.keys()]));
    for (const name of names) {
      const inEvery = maps.every((map) => map.get(name)?.required === true);
      const first = maps.find((map) => map.has(name))?.get(name);
      merge(result, new Map([[name, { schema: first?.schema, required: inEvery }]]));
    }
  }

  for (const name of required) {
    const existing = result.get(name);
    if (existing) existing.required = true;
    else result.set(name, { schema: undefined, required: true });
  }
  return result;
}

function merge(into: Map<string, SchemaProperty>, from: Map<string, SchemaProperty>): void {
  for (const [name, property] of from) {
    const existing = into.get(name);
    if (!existing) into.set(name, { ...property });
    else {
      existing.required ||= property.required;
      existing.schema ??= property.schema;
    }
  }
}

/** The string values a schema pins (`const`, `enum`, and those of `oneOf`/`anyOf`/`allOf` branches), following local `$ref`s. */
export function schemaStringValues(root: unknown, schema: unknown, onPath: Set<JsonObject> = new Set()): string[] {
  const { value } = deref(root, schema, []);
  if (!isObject(value) || onPath.has(value)) return [];
  const inner = new Set(onPath).add(value);
  const values: string[] = [];
  if (typeof value.const === 'string') values.push(value.const);
  if (Array.isArray(value.enum)) for (const entry of value.enum) if (typeof entry === 'string') values.push(entry);
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const branches = ownValue(value, keyword);
    if (Array.isArray(branches)) for (const branch of branches) values.push(...schemaStringValues(root, branch, inner));
  }
  return values;
}
