import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, guidelineIncorrect, notOpenApi, oas2, oas3, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';

const notMarked = (method: string, pathKey: string, path: Array<string | number> = ['paths', pathKey, method], source?: string) => ({
  code: 'webhook-x-internal',
  path,
  severity: 'error' as const,
  message: `${method.toUpperCase()} ${pathKey}: webhook receivers must be marked x-internal: true`,
  ...(source ? { source } : {}),
});

const notBoolean = (method: string, pathKey: string, value: unknown, path: Array<string | number>, source?: string) => ({
  code: 'webhook-x-internal',
  path,
  severity: 'error' as const,
  message: `${method.toUpperCase()} ${pathKey}: x-internal must be the boolean true, not ${JSON.stringify(value)}`,
  ...(source ? { source } : {}),
});

/** A receiver operation without `x-internal`. */
const unmarked = (overrides: Record<string, unknown> = {}) => {
  const { 'x-internal': _dropped, ...rest } = receiver(overrides);
  return rest;
};

describeRule('webhook-x-internal', [
  {
    name: 'guideline correct: every /_webhooks/ example, marked x-internal: true',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect examples are marked internal (other rules report them): GET /_webhooks/sendgrid/email-sent, POST /_webhooks/',
    document: guidelineIncorrect(),
    errors: [],
  },
  {
    name: 'a receiver without x-internal',
    document: oas3({ '/_webhooks/sendgrid/email-sent': { post: unmarked() } }),
    errors: [notMarked('post', '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'every operation of a receiver is checked (each method reported on its own)',
    document: oas3({ '/_webhooks/meta': { get: unmarked(), post: unmarked(), put: receiver() } }),
    errors: [notMarked('get', '/_webhooks/meta'), notMarked('post', '/_webhooks/meta')],
  },
  {
    name: 'the string "true" is not the boolean true',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ 'x-internal': 'true' }) } }),
    errors: [notBoolean('post', '/_webhooks/stripe', 'true', ['paths', '/_webhooks/stripe', 'post', 'x-internal'])],
  },
  {
    name: 'x-internal: false is a violation, reported at the value',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ 'x-internal': false }) } }),
    errors: [notBoolean('post', '/_webhooks/stripe', false, ['paths', '/_webhooks/stripe', 'post', 'x-internal'])],
  },
  {
    name: 'x-internal: 1 and null are violations too',
    document: oas3({ '/_webhooks/a': { post: receiver({ 'x-internal': 1 }) }, '/_webhooks/b': { post: receiver({ 'x-internal': null }) } }),
    errors: [
      notBoolean('post', '/_webhooks/a', 1, ['paths', '/_webhooks/a', 'post', 'x-internal']),
      notBoolean('post', '/_webhooks/b', null, ['paths', '/_webhooks/b', 'post', 'x-internal']),
    ],
  },
  {
    name: 'decision: x-internal: true on the path item covers every operation that says nothing',
    document: oas3({ '/_webhooks/meta': { 'x-internal': true, get: unmarked(), post: unmarked() } }),
    errors: [],
  },
  {
    name: "decision: an operation's own x-internal overrides the path item's (false on the operation is reported there)",
    document: oas3({ '/_webhooks/meta': { 'x-internal': true, get: receiver({ 'x-internal': false }), post: unmarked() } }),
    errors: [notBoolean('get', '/_webhooks/meta', false, ['paths', '/_webhooks/meta', 'get', 'x-internal'])],
  },
  {
    name: 'an operation with x-internal: true is fine under a path item with x-internal: false',
    document: oas3({ '/_webhooks/meta': { 'x-internal': false, post: receiver() } }),
    errors: [],
  },
  {
    name: 'a path item x-internal that is not true is reported at the path item for each operation that inherits it',
    document: oas3({ '/_webhooks/meta': { 'x-internal': 'yes', get: unmarked(), post: unmarked() } }),
    errors: [
      notBoolean('get', '/_webhooks/meta', 'yes', ['paths', '/_webhooks/meta', 'x-internal']),
      notBoolean('post', '/_webhooks/meta', 'yes', ['paths', '/_webhooks/meta', 'x-internal']),
    ],
  },
  {
    name: 'must not: paths outside /_webhooks/ (the API itself, hook management) need no x-internal',
    document: oas3({ '/pets': { get: unmarked() }, '/repos/{owner}/{repo}/hooks': { post: unmarked() }, '/hooks/sendgrid': { post: unmarked() } }),
    errors: [],
  },
  {
    name: 'a /_webhooks segment after a prefix or base path is a receiver',
    document: oas3({ '/v1/_webhooks/github': { post: unmarked() } }),
    errors: [notMarked('post', '/v1/_webhooks/github')],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2({ '/_webhooks/github': { post: unmarked() }, '/_webhooks/stripe': { post: receiver() } }),
    errors: [notMarked('post', '/_webhooks/github')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths(
      { '/_webhooks/stripe': operation('post', ["x-internal: 'true'"]), '/_webhooks/sendgrid': operation('post', ['x-internal: true']) },
      { openapi: '3.0.3' },
    ),
    errors: [notBoolean('post', '/_webhooks/stripe', 'true', ['paths', '/_webhooks/stripe', 'post', 'x-internal'])],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: oas3({ '/_webhooks/stripe': { post: unmarked() } }, { openapi: '3.1.0' }),
    filename: 'openapi.json',
    errors: [notMarked('post', '/_webhooks/stripe')],
  },
  {
    name: 'a path item behind a local $ref is reported where it is written',
    document: localPathItem('/_webhooks/sendgrid', 'sendgrid', operation('post')),
    errors: [notMarked('post', '/_webhooks/sendgrid', ['components', 'pathItems', 'sendgrid', 'post'])],
  },
  {
    name: 'a path item in another file is reported in that file',
    ...pathItemInFile('/_webhooks/sendgrid', 'paths/sendgrid.yaml', operation('post')),
    errors: [notMarked('post', '/_webhooks/sendgrid', ['post'], 'paths/sendgrid.yaml')],
  },
  {
    name: 'an operation in another JSON file is reported at its value in that file',
    document: oas3({ '/_webhooks/stripe': { post: { $ref: './operations.json#/stripe' } } }, { openapi: '3.0.3' }),
    filename: 'openapi.json',
    files: { 'operations.json': JSON.stringify({ stripe: receiver({ 'x-internal': 'true' }) }, null, 2) },
    errors: [notBoolean('post', '/_webhooks/stripe', 'true', ['stripe', 'x-internal'], 'operations.json')],
  },
  {
    name: 'x-internal: true on a path item in another file covers its operations',
    document: oas3({ '/_webhooks/stripe': { $ref: './stripe.json' } }),
    filename: 'openapi.json',
    files: { 'stripe.json': JSON.stringify({ 'x-internal': true, post: unmarked() }) },
    errors: [],
  },
  {
    name: 'x-lint-ignore on the operation suppresses the finding',
    document: oas3({ '/_webhooks/public-status': { post: unmarked({ 'x-lint-ignore': { 'webhook-x-internal': 'Published to partners on purpose' } }) } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on the path item (list form) suppresses the finding',
    document: oas3({ '/_webhooks/public-status': { 'x-lint-ignore': ['webhook-x-internal'], post: unmarked() } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore naming another rule does not suppress this one',
    document: oas3({ '/_webhooks/stripe': { post: unmarked({ 'x-lint-ignore': 'webhook-method-post' }) } }),
    errors: [notMarked('post', '/_webhooks/stripe')],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/sendgrid'),
    errors: [],
  },
]);
