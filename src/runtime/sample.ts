import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from '../openapi/json';
import { isJsonMediaType } from '../openapi/payload';
import { deref } from '../openapi/refs';
import type { SpecVersion } from '../openapi/document';

/** The body of a request an operation documents: its media type, its schema, and a value to send. */
export interface RequestBodyShape {
  mediaType: string;
  schema: unknown;
  /** JSON path of the schema (for messages). */
  schemaPath: JsonPath;
  /** An example the description gives (media type `example`/`examples`, or the schema's), if any. */
  example?: unknown;
}

/** The request body an operation documents: OpenAPI 3 `requestBody` (a JSON media type first) or 2.0's `in: body`. */
export function requestBodyShape(root: JsonObject, version: SpecVersion, operation: JsonObject, operationPath: JsonPath, pathItem?: JsonObject): RequestBodyShape | undefined {
  if (version === 'oas2') {
    const parameter = [...parametersOf(root, operation), ...(pathItem ? parametersOf(root, pathItem) : [])].find((each) => each.in === 'body');
    if (!parameter) return undefined;
    const consumes = ownValue(operation, 'consumes') ?? ownValue(root, 'consumes');
    const mediaTypes = Array.isArray(consumes) ? consumes.filter((each): each is string => typeof each === 'string') : [];
    const schema = deref(root, ownValue(parameter, 'schema'), []).value;
    return {
      mediaType: mediaTypes.find(isJsonMediaType) ?? mediaTypes[0] ?? 'application/json',
      schema,
      schemaPath: [...operationPath, 'parameters'],
      example: isObject(schema) ? ownValue(schema, 'example') : undefined,
    };
  }
  const { value: body, jsonPath: bodyPath } = deref(root, ownValue(operation, 'requestBody'), [...operationPath, 'requestBody']);
  const content = isObject(body) ? ownValue(body, 'content') : undefined;
  if (!isObject(content)) return undefined;
  const entries = ownEntries(content).filter(([, entry]) => isObject(entry)) as Array<[string, JsonObject]>;
  const [mediaType, entry] = entries.find(([type]) => isJsonMediaType(type)) ?? entries[0] ?? [];
  if (mediaType === undefined || entry === undefined) return undefined;
  const schema = deref(root, ownValue(entry, 'schema'), []).value;
  return { mediaType, schema, schemaPath: [...bodyPath, 'content', mediaType, 'schema'], example: exampleOf(root, entry) ?? (isObject(schema) ? schemaExample(schema) : undefined) };
}

function exampleOf(root: JsonObject, holder: JsonObject): unknown {
  const example = ownValue(holder, 'example');
  if (example !== undefined) return example;
  const examples = ownValue(holder, 'examples');
  if (!isObject(examples)) return undefined;
  for (const [, entry] of ownEntries(examples)) {
    const value = deref(root, entry, []).value;
    if (isObject(value) && ownValue(value, 'value') !== undefined) return ownValue(value, 'value');
  }
  return undefined;
}

function schemaExample(schema: JsonObject): unknown {
  const example = ownValue(schema, 'example');
  if (example !== undefined) return example;
  const examples = ownValue(schema, 'examples');
  return Array.isArray(examples) ? examples[0] : undefined;
}

/** Parameter objects of an operation or path item, `$ref`s followed. */
export function parametersOf(root: JsonObject, holder: JsonObject): JsonObject[] {
  const parameters = ownValue(holder, 'parameters');
  if (!Array.isArray(parameters)) return [];
  return parameters.map((entry) => deref(root, entry, []).value).filter(isObject);
}

/** A value for `schema`: its example, else one the sampler builds from it (enums, formats, patterns, required properties). */
export function sampleValue(root: JsonObject, schema: unknown): unknown {
  if (!isObject(schema)) return {};
  const example = schemaExample(schema);
  if (example !== undefined) return example;
  // openapi-sampler is loaded here, on first use: lint never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sample } = require('openapi-sampler') as typeof import('openapi-sampler');
  return sample(schema as never, { skipReadOnly: true, quiet: true, enablePatterns: true }, root);
}

/** The body to send: the description's example when it gives one, else a sample of the schema, as text for its media type. */
export function sampleBody(root: JsonObject, shape: RequestBodyShape): string {
  const value = shape.example !== undefined ? shape.example : sampleValue(root, shape.schema);
  if (typeof value === 'string' && !isJsonMediaType(shape.mediaType)) return value;
  if (shape.mediaType.toLowerCase().startsWith('application/x-www-form-urlencoded') && isObject(value)) {
    return new URLSearchParams(ownEntries(value).map(([key, entry]): [string, string] => [key, typeof entry === 'string' ? entry : JSON.stringify(entry)])).toString();
  }
  return JSON.stringify(value);
}

/** A value for a parameter (path, query, header): its example, else a sample of its schema (2.0: the parameter itself). */
export function sampleParameter(root: JsonObject, parameter: JsonObject): string {
  const example = ownValue(parameter, 'example') ?? exampleOf(root, parameter);
  if (example !== undefined) return typeof example === 'string' ? example : JSON.stringify(example);
  const schema = ownValue(parameter, 'schema') ?? parameter;
  const value = sampleValue(root, deref(root, schema, []).value);
  if (typeof value === 'string') return value.length > 0 ? value : 'probe';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'probe';
}
