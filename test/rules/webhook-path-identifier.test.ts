import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';

const noIdentifier = (pathKey: string, example: string, path: Array<string | number> = ['paths', pathKey]) => ({
  code: 'webhook-path-identifier',
  path,
  severity: 'error' as const,
  message: `"${pathKey}" has no identifier after /_webhooks/; name the producer (e.g. ${example})`,
});

describeRule('webhook-path-identifier', [
  {
    name: 'guideline correct: every /_webhooks/ example',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect: POST /_webhooks/',
    document: oas3(postReceivers('/_webhooks/')),
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: '/_webhooks without a trailing slash',
    document: oas3(postReceivers('/_webhooks')),
    errors: [noIdentifier('/_webhooks', '/_webhooks/sendgrid')],
  },
  {
    name: 'an empty segment is no identifier: /_webhooks//',
    document: oas3(postReceivers('/_webhooks//')),
    errors: [noIdentifier('/_webhooks//', '/_webhooks/sendgrid')],
  },
  {
    name: 'a prefix before /_webhooks/ is kept in the example',
    document: oas3(postReceivers('/api/v1/_webhooks/')),
    errors: [noIdentifier('/api/v1/_webhooks/', '/api/v1/_webhooks/sendgrid')],
  },
  {
    name: 'a templated identifier counts: /_webhooks/{producer}',
    document: oas3({ '/_webhooks/{producer}': { post: receiver({ parameters: [{ name: 'producer', in: 'path', required: true, schema: { type: 'string' } }] }) } }),
    errors: [],
  },
  {
    name: 'the path is reported once, whatever its operations',
    document: oas3({ '/_webhooks/': { get: receiver(), post: receiver() } }),
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: 'must not: paths without a _webhooks segment (/webhooks, /_webhook, /hooks are other rules\' business)',
    document: oas3(postReceivers('/webhooks', '/_webhook/', '/hooks/', '/pets/_webhooks-archive')),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2(postReceivers('/_webhooks/', '/_webhooks/github')),
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/_webhooks': operation('post') }, { openapi: '3.0.3' }),
    errors: [noIdentifier('/_webhooks', '/_webhooks/sendgrid')],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: oas3(postReceivers('/_webhooks/')),
    filename: 'openapi.json',
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: 'a path item behind a local $ref is reported at its key, not at the $ref target',
    document: localPathItem('/_webhooks/', 'receiver', operation('post')),
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: 'a path item in another file is reported at its key in the file that holds paths',
    ...pathItemInFile('/_webhooks/', 'paths/receiver.yaml', operation('post')),
    errors: [noIdentifier('/_webhooks/', '/_webhooks/sendgrid')],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas3({ '/_webhooks/': { 'x-lint-ignore': { 'webhook-path-identifier': 'One endpoint for every producer, routed by header' }, post: receiver() } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on a path item in another file is honoured',
    document: oas3({ '/_webhooks/': { $ref: './receiver.json' } }),
    filename: 'openapi.json',
    files: { 'receiver.json': JSON.stringify({ 'x-lint-ignore': ['webhook-path-identifier'], post: receiver() }) },
    errors: [],
  },
  {
    name: 'x-lint-ignore at the root suppresses it document-wide',
    document: oas3(postReceivers('/_webhooks/'), { 'x-lint-ignore': 'webhook-path-identifier' }),
    errors: [],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/'),
    errors: [],
  },
]);
