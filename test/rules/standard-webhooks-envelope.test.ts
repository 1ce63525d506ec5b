import { describe, expect, it } from 'vitest';
import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, envelope, jsonBodyYaml, oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';
import { checkStandardWebhooksEnvelope } from '../../src/functions/standard-webhooks-envelope';

const ID = 'standard-webhooks-envelope';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'warn' as const, message });
const notEnvelope = (where: string, list: string) =>
  `${where}: the payload is not a Standard Webhooks envelope; declare and require ${list} (e.g. { "type": "invoice.paid", "timestamp": "2022-11-03T20:26:10Z", "data": {...} })`;
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const SCHEMA = ['requestBody', 'content', 'application/json', 'schema'];

describeRule(ID, [
  {
    name: 'the specification example envelope',
    document: oas31({ 'contact.created': { post: webhook() } }),
    errors: [],
  },
  {
    name: 'an envelope built with allOf from a $ref-ed base',
    document: oas31(
      { 'contact.created': { post: webhook({ requestBody: body({ allOf: [{ $ref: '#/components/schemas/Envelope' }, { properties: { data: { $ref: '#/components/schemas/Contact' } } }] }) }) } },
      { components: { schemas: { Envelope: envelope(), Contact: { type: 'object' } } } },
    ),
    errors: [],
  },
  {
    name: "GitHub's payload: no envelope",
    document: oas31({ push: { post: webhook({ requestBody: body({ type: 'object', required: ['ref'], properties: { ref: { type: 'string' } } }) }) } }),
    errors: [finding(['webhooks', 'push', 'post', ...SCHEMA], notEnvelope('webhook "push" (POST)', 'type, timestamp, data'))],
  },
  {
    name: 'timestamp present but not required, and data declared as a string (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml({
      a: webhookYaml(
        'post',
        jsonBodyYaml(['type: object', 'required: [type, data]', 'properties:', '  type: { type: string }', '  timestamp: { type: string, format: date-time }', '  data: { type: string }']),
      ),
    }),
    errors: [
      finding(['x-webhooks', 'a', 'post', ...SCHEMA], notEnvelope('webhook "a" (POST)', 'timestamp')),
      finding(['x-webhooks', 'a', 'post', ...SCHEMA], 'webhook "a" (POST): envelope property data is string; Standard Webhooks sends it as an object'),
    ],
  },
  {
    name: 'a callback payload without an envelope, its schema $ref-ed: reported at the schema',
    document: { ...withCallback(webhook({ requestBody: body({ $ref: '#/components/schemas/Status' }) })), components: { schemas: { Status: { type: 'object', properties: { status: { type: 'string' } } } } } },
    errors: [finding(['components', 'schemas', 'Status'], notEnvelope(CALLBACK_NAME, 'type, timestamp, data'))],
  },
  {
    name: 'a path item $ref-ed from components.pathItems (3.0 x-webhooks, JSON)',
    document: oas30({ a: { $ref: '#/components/pathItems/A' } }, { components: { pathItems: { A: { post: webhook({ requestBody: body(envelope({ required: ['type', 'data'] })) }) } } } }),
    errors: [finding(['components', 'pathItems', 'A', 'post', ...SCHEMA], notEnvelope('webhook "a" (POST)', 'timestamp'))],
  },
  {
    name: 'an empty or missing payload is left to webhook-producer-payload-schema',
    document: oas31({ a: { post: webhook({ requestBody: body({}) }) }, b: { post: webhook({ requestBody: undefined }) } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on the root',
    document: oas31({ a: { post: webhook({ requestBody: body({ type: 'object' }) }) } }, { 'x-lint-ignore': [ID] }),
    errors: [],
  },
]);

describe(`${ID} options`, () => {
  it('allowSquashedData accepts the event data at the top level', () => {
    const root = oas31({ a: { post: webhook({ requestBody: body(envelope({ required: ['type', 'timestamp'] })) }) } });
    const context = { path: [], rule: { name: ID }, documentInventory: { resolved: root } };
    expect(checkStandardWebhooksEnvelope(root, { allowSquashedData: true }, context)).toEqual([]);
    expect(checkStandardWebhooksEnvelope(root, { allowSquashedData: false }, context)).toHaveLength(1);
  });
});
