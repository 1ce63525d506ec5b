import { describe, expect, it } from 'vitest';
import { describeRule } from '../support/describe-rule';
import { oas2, oas3, receiver } from '../support/documents';
import { header, oas31, webhook } from '../support/webhook-documents';
import { checkLintIgnore } from '../../src/functions/webhook-lint-ignore';
import ruleset from '../../rules';

const warn = (path: Array<string | number>, message: string) => ({ code: 'webhook-lint-ignore', path, severity: 'warn' as const, message });
const SHAPE = 'x-lint-ignore takes a rule id, a list of rule ids, or a map of rule id to reason; found';
const nothingAt = (id: string, level: string) => `x-lint-ignore of "${id}" suppresses nothing: the rule reports nothing at this ${level}; remove the ignore`;
const unknown = (id: string, hint = '') => `x-lint-ignore names "${id}", which is not a spectral-webhooks rule${hint}; fix the id, or list it in this rule's knownRules option if another linter reads it`;

const META = '/_webhooks/meta';
const metaGet = (ignore: unknown) => oas3({ [META]: { get: receiver({ 'x-lint-ignore': ignore }), post: receiver() } });
const IGNORE_AT_GET = ['paths', META, 'get', 'x-lint-ignore'];

// Spectral reports list indexes in a result's path as strings.
describeRule('webhook-lint-ignore', [
  {
    name: 'the producer-mandated method, declared with a reason, is a working ignore',
    document: metaGet({ 'webhook-method-post': 'Meta verifies the endpoint with a GET handshake' }),
    errors: [],
  },
  {
    name: 'every form that suppresses a finding is quiet: string, list, map; root, path item, operation',
    document: oas3(
      {
        '/hooks/legacy-partner': { 'x-lint-ignore': ['webhook-path-prefix'], post: receiver() },
        '/_webhooks/meta': { get: receiver({ 'x-lint-ignore': 'webhook-method-post' }) },
        '/_webhooks/sendgrid': { post: receiver({ security: [] }) },
      },
      { 'x-lint-ignore': { 'webhook-security': 'SendGrid signs events; the check lives in the handler' } },
    ),
    errors: [],
  },
  {
    name: 'an unknown id close to a rule id suggests it',
    document: metaGet(['webhook-method-post', 'webhook-methd-post']),
    errors: [warn([...IGNORE_AT_GET, '1'], unknown('webhook-methd-post', ' (did you mean "webhook-method-post"?)'))],
  },
  {
    name: 'an id of another ruleset is unknown to spectral-webhooks',
    document: metaGet({ 'webhook-method-post': 'Meta handshake', 'operation-description': 'Generated spec' }),
    errors: [warn([...IGNORE_AT_GET, 'operation-description'], unknown('operation-description'))],
  },
  {
    name: 'malformed values: a number, a non-string item, an empty list, a non-string reason, an empty id',
    document: oas3({
      '/_webhooks/a': { 'x-lint-ignore': 42, post: receiver() },
      '/_webhooks/b': { 'x-lint-ignore': ['webhook-x-internal', { id: 'webhook-https' }], post: receiver({ 'x-internal': undefined }) },
      '/_webhooks/c': { 'x-lint-ignore': [], post: receiver() },
      '/_webhooks/d': { get: receiver({ 'x-lint-ignore': { 'webhook-method-post': true } }) },
      '/_webhooks/e': { 'x-lint-ignore': '', post: receiver() },
    }),
    errors: [
      warn(['paths', '/_webhooks/a', 'x-lint-ignore'], `${SHAPE} a number`),
      warn(['paths', '/_webhooks/b', 'x-lint-ignore', '1'], `${SHAPE} an object`),
      warn(['paths', '/_webhooks/c', 'x-lint-ignore'], `${SHAPE} an empty list`),
      warn(['paths', '/_webhooks/d', 'get', 'x-lint-ignore', 'webhook-method-post'], `${SHAPE} a boolean as the reason for "webhook-method-post" (a reason is a non-empty string)`),
      warn(['paths', '/_webhooks/e', 'x-lint-ignore'], `${SHAPE} an empty rule id`),
    ],
  },
  {
    name: 'an ignore on a POST receiver suppresses nothing',
    document: oas3({ '/_webhooks/sendgrid': { post: receiver({ 'x-lint-ignore': { 'webhook-method-post': 'copied from the GET' } }) } }),
    errors: [warn(['paths', '/_webhooks/sendgrid', 'post', 'x-lint-ignore', 'webhook-method-post'], nothingAt('webhook-method-post', 'operation'))],
  },
  {
    name: 'one stale id in a list is reported at its index; the working one is not',
    document: metaGet(['webhook-https', 'webhook-method-post']),
    errors: [warn([...IGNORE_AT_GET, '0'], nothingAt('webhook-https', 'operation'))],
  },
  {
    name: 'a root ignore of a rule that reports nothing in the document',
    document: oas3({ '/_webhooks/sendgrid': { post: receiver() } }, { 'x-lint-ignore': 'webhook-https' }),
    errors: [warn(['x-lint-ignore'], 'x-lint-ignore of "webhook-https" suppresses nothing: the rule reports nothing in this document; remove the ignore')],
  },
  {
    name: 'an ignore the root already covers is redundant; the root one is kept',
    document: oas3(
      { '/_webhooks/sendgrid': { post: receiver({ 'x-internal': undefined, 'x-lint-ignore': 'webhook-x-internal' }) } },
      { 'x-lint-ignore': ['webhook-x-internal'] },
    ),
    errors: [
      warn(['paths', '/_webhooks/sendgrid', 'post', 'x-lint-ignore'], 'x-lint-ignore of "webhook-x-internal" here suppresses nothing: the x-lint-ignore on the document root already covers this operation; remove this one'),
    ],
  },
  {
    name: 'when nothing is left to suppress, both the root and the inner ignore are reported',
    document: oas3({ '/_webhooks/sendgrid': { 'x-lint-ignore': 'webhook-security', post: receiver() } }, { 'x-lint-ignore': 'webhook-security' }),
    errors: [
      warn(['x-lint-ignore'], 'x-lint-ignore of "webhook-security" suppresses nothing: the rule reports nothing in this document; remove the ignore'),
      warn(['paths', '/_webhooks/sendgrid', 'x-lint-ignore'], 'x-lint-ignore of "webhook-security" here suppresses nothing: the x-lint-ignore on the document root already covers this path item; remove this one'),
    ],
  },
  {
    name: 'a path rule ignored on an operation: move it to the path item',
    document: oas3({ '/hooks/legacy-partner': { post: receiver({ 'x-lint-ignore': 'webhook-path-prefix' }) } }),
    errors: [
      warn(['paths', '/hooks/legacy-partner', 'post', 'x-lint-ignore'], 'x-lint-ignore of "webhook-path-prefix" on an operation suppresses nothing: the rule reports the whole path; move the ignore to the path item'),
    ],
  },
  {
    name: 'webhooks: a working ignore of a producer rule is quiet, a stale one is reported',
    document: oas31({
      unsigned: { post: webhook({ parameters: [header('webhook-id')], 'x-lint-ignore': { 'webhook-producer-signature': 'Signed at the transport layer (mTLS)' } }) },
      signed: { 'x-lint-ignore': 'webhook-producer-signature', post: webhook() },
    }),
    errors: [warn(['webhooks', 'signed', 'x-lint-ignore'], nothingAt('webhook-producer-signature', 'path item'))],
  },
  {
    name: 'a producer rule ignored in an OpenAPI 2.0 document (the rule never runs there) suppresses nothing',
    document: oas2({ '/_webhooks/sendgrid': { post: receiver() } }, { 'x-lint-ignore': 'webhook-producer-signature' }),
    errors: [warn(['x-lint-ignore'], 'x-lint-ignore of "webhook-producer-signature" suppresses nothing: the rule reports nothing in this document; remove the ignore')],
  },
  {
    name: 'x-lint-ignore: webhook-lint-ignore on a node quiets this rule there',
    document: oas3({ '/_webhooks/sendgrid': { post: receiver({ 'x-lint-ignore': ['webhook-lint-ignore', 'webhook-https', 'not-a-rule'] }) } }),
    errors: [],
  },
  {
    name: 'a stale ignore in a $ref-ed path item file is reported in that file',
    document: `openapi: 3.1.0
info: { title: Example, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
paths:
  /_webhooks/sendgrid:
    $ref: './paths/sendgrid.yaml'
`,
    files: {
      'paths/sendgrid.yaml': `x-lint-ignore: webhook-method-post
post:
  x-internal: true
  responses:
    '204': { description: Received }
`,
    },
    errors: [{ ...warn(['x-lint-ignore'], nothingAt('webhook-method-post', 'path item')), source: 'paths/sendgrid.yaml' }],
  },
]);

describe('webhook-lint-ignore knownRules option', () => {
  const context = (document: object) => ({ path: [], rule: { name: 'webhook-lint-ignore', owner: { rules: ruleset.rules } }, documentInventory: { resolved: document } });
  const document = oas3({ '/_webhooks/meta': { get: receiver({ 'x-lint-ignore': ['webhook-method-post', 'operation-description'] }) } });

  it('accepts ids of other linters listed in knownRules', () => {
    expect(checkLintIgnore(document, { knownRules: ['operation-description'] }, context(document))).toEqual([]);
  });

  it('reports them without the option', () => {
    expect(checkLintIgnore(document, null, context(document))).toEqual([
      { message: unknown('operation-description'), path: ['paths', '/_webhooks/meta', 'get', 'x-lint-ignore', 1] },
    ]);
  });
});
