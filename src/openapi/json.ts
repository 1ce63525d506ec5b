/** A JSON path as Spectral reports it: property names and array indexes from the document root. */
export type JsonPath = Array<string | number>;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable keys only, so `__proto__` or `constructor` keys in a document are plain data, never prototype lookups. */
export function ownEntries(value: JsonObject): Array<[string, unknown]> {
  return Object.keys(value).map((key) => [key, value[key]]);
}

export function ownValue(value: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}
