import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, notOpenApi, oas2, oas3, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';

const notPost = (method: string, pathKey: string, path: Array<string | number> = ['paths', pathKey, method], source?: string) => ({
  code: 'webhook-method-post',
  path,
  severity: 'warn' as const,
  message: `${method.toUpperCase()} ${pathKey}: webhook receivers should use POST; if the producer requires ${method.toUpperCase()}, say so with x-lint-ignore: { webhook-method-post: "<reason>" } on the operation`,
  ...(source ? { source } : {}),
});

describeRule('webhook-method-post', [
  {
    name: 'guideline correct: every /_webhooks/ example uses POST',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect: GET /_webhooks/sendgrid/email-sent',
    document: oas3({ '/_webhooks/sendgrid/email-sent': { get: receiver() } }),
    errors: [notPost('get', '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'every non-POST operation is reported on its own; the POST beside them is fine',
    document: oas3({ '/_webhooks/github': { post: receiver(), put: receiver(), patch: receiver(), delete: receiver() } }),
    errors: [notPost('put', '/_webhooks/github'), notPost('patch', '/_webhooks/github'), notPost('delete', '/_webhooks/github')],
  },
  {
    name: 'producer-mandated method: x-lint-ignore with a reason on the operation (a GET verification handshake)',
    document: oas3({
      '/_webhooks/meta': {
        get: receiver({ 'x-lint-ignore': { 'webhook-method-post': 'Meta verifies the endpoint with a GET hub.challenge handshake' } }),
        post: receiver(),
      },
    }),
    errors: [],
  },
  {
    name: 'the exemption on one operation does not cover another operation of the same path',
    document: oas3({
      '/_webhooks/meta': {
        get: receiver({ 'x-lint-ignore': { 'webhook-method-post': 'GET verification handshake' } }),
        put: receiver(),
      },
    }),
    errors: [notPost('put', '/_webhooks/meta')],
  },
  {
    name: 'x-lint-ignore as a plain id on the path item suppresses every operation of it',
    document: oas3({ '/_webhooks/legacy': { 'x-lint-ignore': 'webhook-method-post', get: receiver(), put: receiver() } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore naming another rule does not suppress this one',
    document: oas3({ '/_webhooks/meta': { get: receiver({ 'x-lint-ignore': { 'webhook-x-internal': 'not this rule' } }) } }),
    errors: [notPost('get', '/_webhooks/meta')],
  },
  {
    name: 'must not: non-POST operations outside /_webhooks/ (the API itself, hook management)',
    document: oas3({
      '/pets': { get: receiver(), delete: receiver() },
      '/repos/{owner}/{repo}/hooks/{hook_id}': { get: receiver(), patch: receiver() },
      '/oauth/callback': { get: receiver() },
    }),
    errors: [],
  },
  {
    name: 'a /_webhooks segment after a base path is a receiver',
    document: oas3({ '/api/v1/_webhooks/slack': { get: receiver() } }),
    errors: [notPost('get', '/api/v1/_webhooks/slack')],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2({ '/_webhooks/github': { put: receiver() } }),
    errors: [notPost('put', '/_webhooks/github')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/_webhooks/sendgrid/email-sent': operation('get') }, { openapi: '3.0.3' }),
    errors: [notPost('get', '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: oas3({ '/_webhooks/sendgrid': { patch: receiver() } }),
    filename: 'openapi.json',
    errors: [notPost('patch', '/_webhooks/sendgrid')],
  },
  {
    name: 'a path item behind a local $ref is reported where it is written',
    document: localPathItem('/_webhooks/sendgrid', 'sendgrid', operation('get')),
    errors: [notPost('get', '/_webhooks/sendgrid', ['components', 'pathItems', 'sendgrid', 'get'])],
  },
  {
    name: 'a path item in another file is reported in that file',
    ...pathItemInFile('/_webhooks/sendgrid', 'paths/sendgrid.yaml', operation('get'), { openapi: '3.0.3' }),
    errors: [notPost('get', '/_webhooks/sendgrid', ['get'], 'paths/sendgrid.yaml')],
  },
  {
    name: 'an exemption written in the other file is honoured',
    ...pathItemInFile(
      '/_webhooks/meta',
      'paths/meta.yaml',
      operation('get', ['x-lint-ignore:', '  webhook-method-post: Meta requires a GET verification handshake'], "'200': { description: Challenge echoed }"),
    ),
    errors: [],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/sendgrid', 'get'),
    errors: [],
  },
]);
