import { isObject, ownEntries, ownValue, type JsonObject } from './json';
import { schemaProperties } from './payload';
import { deref } from './refs';

/**
 * What an operation looks like from outside, read the same way in OpenAPI 2.0 and 3.x: the property names of its
 * request body (any media type: receivers often take form posts), the names of its header parameters, and what its
 * success responses return. The receiver classifier weighs these; nothing here decides anything.
 */
export interface OperationShape {
  /** Top-level property names of the request body (the items' properties when the body is an array), lower-cased. */
  bodyProperties: Set<string>;
  /** Header parameter names (path-item and operation level), lower-cased. */
  headerNames: Set<string>;
  /** Success (2xx) responses. */
  successResponses: SuccessResponse[];
}

export interface SuccessResponse {
  status: string;
  /** Top-level property names of the returned object (or of the listed items), lower-cased; empty when it returns nothing. */
  properties: Set<string>;
  /** The response returns an array (directly, or in the one array property of an envelope such as `{ data: [...] }`). */
  isList: boolean;
  /** The response declares no content at all (an acknowledgement). */
  isEmpty: boolean;
}

export function operationShape(root: unknown, pathItem: JsonObject, operation: JsonObject): OperationShape {
  const parameters = [...parameterObjects(root, pathItem), ...parameterObjects(root, operation)];
  const bodyProperties = new Set<string>();
  for (const parameter of parameters) {
    if (parameter.in === 'body') addProperties(bodyProperties, root, parameter.schema);
    if (parameter.in === 'formData' && typeof parameter.name === 'string') bodyProperties.add(parameter.name.toLowerCase());
  }
  const { value: requestBody } = deref(root, ownValue(operation, 'requestBody'), []);
  if (isObject(requestBody)) {
    for (const mediaType of contentSchemas(root, requestBody)) addProperties(bodyProperties, root, mediaType);
  }
  return { bodyProperties, headerNames: headerNames(root, pathItem, operation), successResponses: successResponses(root, operation) };
}

/** Header parameter names of an operation (path-item and operation level), lower-cased. */
export function headerNames(root: unknown, pathItem: JsonObject, operation: JsonObject): Set<string> {
  const names = new Set<string>();
  for (const node of [pathItem, operation]) {
    const parameters = ownValue(node, 'parameters');
    if (!Array.isArray(parameters)) continue;
    for (const entry of parameters) {
      const parameter = isObject(entry) && typeof entry.$ref !== 'string' ? entry : deref(root, entry, []).value;
      if (isObject(parameter) && parameter.in === 'header' && typeof parameter.name === 'string') names.add(parameter.name.toLowerCase());
    }
  }
  return names;
}

function parameterObjects(root: unknown, node: JsonObject): JsonObject[] {
  const parameters = ownValue(node, 'parameters');
  if (!Array.isArray(parameters)) return [];
  return parameters.map((entry) => deref(root, entry, []).value).filter(isObject);
}

/** The schemas under `content` (3.x), or the one `schema` (2.0) of a request body or response. */
function contentSchemas(root: unknown, node: JsonObject): unknown[] {
  const content = ownValue(node, 'content');
  if (isObject(content)) {
    return ownEntries(content).flatMap(([, media]) => (isObject(media) ? [deref(root, ownValue(media, 'schema'), []).value] : []));
  }
  const schema = ownValue(node, 'schema');
  return schema === undefined ? [] : [deref(root, schema, []).value];
}

function addProperties(into: Set<string>, root: unknown, schema: unknown): void {
  for (const name of objectProperties(root, schema).names) into.add(name);
}

/** Property names of an object schema, or of an array schema's items. */
function objectProperties(root: unknown, schema: unknown): { names: string[]; isList: boolean } {
  const { value } = deref(root, schema, []);
  if (!isObject(value)) return { names: [], isList: false };
  const items = ownValue(value, 'items');
  if (value.type === 'array' || (items !== undefined && ownValue(value, 'properties') === undefined)) {
    return { names: [...schemaProperties(root, items).keys()].map((name) => name.toLowerCase()), isList: true };
  }
  return { names: [...schemaProperties(root, value).keys()].map((name) => name.toLowerCase()), isList: false };
}

function successResponses(root: unknown, operation: JsonObject): SuccessResponse[] {
  const responses = ownValue(operation, 'responses');
  if (!isObject(responses)) return [];
  const result: SuccessResponse[] = [];
  for (const [status, entry] of ownEntries(responses)) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    const { value: response } = deref(root, entry, []);
    if (!isObject(response)) continue;
    const schemas = contentSchemas(root, response);
    const properties = new Set<string>();
    let isList = false;
    for (const schema of schemas) {
      const shape = objectProperties(root, schema);
      isList ||= shape.isList;
      shape.names.forEach((name) => properties.add(name));
      // An envelope (`{ data: [ {...} ] }`, `{ items: [...] }`): look one level in, where the resource is.
      if (!shape.isList) {
        for (const [, property] of schemaProperties(root, schema)) {
          const inner = objectProperties(root, property.schema);
          if (inner.names.length === 0) continue;
          isList ||= inner.isList;
          inner.names.forEach((name) => properties.add(name));
        }
      }
    }
    result.push({ status, properties, isList, isEmpty: schemas.length === 0 });
  }
  return result;
}
