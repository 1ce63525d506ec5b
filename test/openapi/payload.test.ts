import { describe, expect, it } from 'vitest';
import { headerParameters } from '../../src/openapi/parameters';
import { isEmptySchema, isJsonMediaType, jsonPayloads, requestBodyOf, schemaProperties, schemaStringValues } from '../../src/openapi/payload';
import { deref, localRefPath } from '../../src/openapi/refs';

const props = (root: unknown, schema: unknown) =>
  Object.fromEntries([...schemaProperties(root, schema)].map(([name, property]) => [name, property.required]));

describe('payload knowledge', () => {
  it('recognises JSON media types, +json suffixes and parameters', () => {
    expect(['application/json', 'application/json; charset=utf-8', 'application/cloudevents+json', 'application/vnd.acme.v1+json'].map(isJsonMediaType)).toEqual([true, true, true, true]);
    expect(['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'application/jsonl'].map(isJsonMediaType)).toEqual([false, false, false, false]);
  });

  it('tells an empty schema from one that says something', () => {
    expect([undefined, true, {}, { description: 'anything' }].map(isEmptySchema)).toEqual([true, true, true, true]);
    expect([{ type: 'object' }, { $ref: '#/x' }, { allOf: [] }, { properties: {} }].map(isEmptySchema)).toEqual([false, false, false, false]);
  });

  it('collects properties through allOf, oneOf/anyOf and $refs, with required-ness', () => {
    const root = { components: { schemas: { Envelope: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, type: { type: 'string' } } } } } };
    expect(props(root, { allOf: [{ $ref: '#/components/schemas/Envelope' }, { properties: { data: {} }, required: ['data'] }] })).toEqual({ id: true, type: false, data: true });
    expect(props(root, { oneOf: [{ required: ['a', 'b'], properties: { a: {}, b: {} } }, { required: ['a'], properties: { a: {}, c: {} } }] })).toEqual({ a: true, b: false, c: false });
    expect(props(root, { required: ['event_id'] })).toEqual({ event_id: true });
  });

  it('ends on circular schemas', () => {
    const root = { components: { schemas: { Node: { properties: { id: {} }, allOf: [{ $ref: '#/components/schemas/Node' }] } } } };
    expect(props(root, { $ref: '#/components/schemas/Node' })).toEqual({ id: false });
    expect(schemaStringValues(root, { $ref: '#/components/schemas/Node' })).toEqual([]);
  });

  it('lists pinned string values', () => {
    expect(schemaStringValues({}, { oneOf: [{ const: 'a.v1' }, { enum: ['b', 2] }] })).toEqual(['a.v1', 'b']);
  });

  it('finds JSON payloads of a request body, following $refs', () => {
    const root = { components: { requestBodies: { Event: { content: { 'application/xml': {}, 'application/json': { schema: { $ref: '#/components/schemas/E' } } } } }, schemas: { E: { type: 'object' } } } };
    const body = requestBodyOf(root, { requestBody: { $ref: '#/components/requestBodies/Event' } }, ['webhooks', 'a', 'post']);
    expect(body?.jsonPath).toEqual(['components', 'requestBodies', 'Event']);
    expect(jsonPayloads(root, body).map((payload) => [payload.mediaType, payload.schemaPath, payload.schema])).toEqual([
      ['application/json', ['components', 'schemas', 'E'], { type: 'object' }],
    ]);
  });

  it('merges path-item and operation header parameters, case-insensitively', () => {
    const root = { components: { parameters: { Sig: { name: 'Webhook-Signature', in: 'header', required: true } } } };
    const pathItem = { parameters: [{ name: 'webhook-id', in: 'header' }, { name: 'q', in: 'query', required: true }] };
    const operation = { parameters: [{ name: 'Webhook-Id', in: 'header', required: true }, { $ref: '#/components/parameters/Sig' }] };
    expect(headerParameters(root, pathItem, ['p'], operation, ['p', 'post']).map((header) => [header.name, header.required, header.jsonPath])).toEqual([
      ['Webhook-Id', true, ['p', 'post', 'parameters', 0]],
      ['Webhook-Signature', true, ['components', 'parameters', 'Sig']],
    ]);
  });

  it('reads local $ref pointers, escapes included, and stops on cycles', () => {
    expect(localRefPath('#/paths/~1hooks~1{id}/post')).toEqual(['paths', '/hooks/{id}', 'post']);
    expect(localRefPath('other.yaml#/a')).toBeUndefined();
    const root = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    expect(deref(root, root.a, ['a']).value).toHaveProperty('$ref');
  });
});
