import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, guidelineIncorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';

type Path = Array<string | number>;

const finding = (path: Path, message: string, source?: string) => ({
  code: 'webhook-security',
  path,
  severity: 'error' as const,
  message,
  ...(source ? { source } : {}),
});

const missing = (where: string, path: Path, schemesAt = 'components.securitySchemes', source?: string) =>
  finding(path, `${where}: webhook receivers must require authentication; add a security requirement naming a scheme from ${schemesAt}`, source);

const turnedOff = (where: string, path: Path, inherited = false) =>
  finding(path, `${where}: security: [] turns authentication off${inherited ? ' (inherited from the root security)' : ''}; webhook receivers must require a secret key or token`);

const anonymous = (where: string, path: Path, inherited = false) =>
  finding(path, `${where}: the empty requirement {} allows anonymous calls${inherited ? ' (inherited from the root security)' : ''}; remove it so every call must authenticate`);

const undeclared = (where: string, name: string, path: Path, schemesAt = 'components.securitySchemes', source?: string) =>
  finding(path, `${where}: security scheme "${name}" is not declared in ${schemesAt}`, source);

/** A document with no root `security`, so each receiver's own requirement is all there is. */
const withoutRootSecurity = (paths: Record<string, unknown>, root: Record<string, unknown> = {}) => {
  const { security: _dropped, ...document } = oas3(paths, root);
  return document;
};

describeRule('webhook-security', [
  {
    name: 'guideline correct: every /_webhooks/ example, with a required API key inherited from the root',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect examples carry authentication (other rules report them): GET /_webhooks/sendgrid/email-sent, POST /_webhooks/',
    document: guidelineIncorrect(),
    errors: [],
  },
  {
    name: "an operation's own declared requirement, with no root security",
    document: withoutRootSecurity({ '/_webhooks/stripe': { post: receiver({ security: [{ webhookSecret: [] }] }) } }),
    errors: [],
  },
  {
    name: 'alternatives that all name declared schemes are fine (an AND of two schemes too)',
    document: oas3(
      { '/_webhooks/stripe': { post: receiver({ security: [{ webhookSecret: [] }, { hmac: [], webhookSecret: [] }] }) } },
      { components: { securitySchemes: { webhookSecret: { type: 'apiKey', in: 'header', name: 'X-Secret' }, hmac: { type: 'apiKey', in: 'header', name: 'X-Signature' } } } },
    ),
    errors: [],
  },
  {
    name: 'missing: no security on the operation nor at the root, reported on each operation',
    document: withoutRootSecurity({ '/_webhooks/stripe': { post: receiver() }, '/_webhooks/github': { post: receiver() } }),
    errors: [missing('POST /_webhooks/stripe', ['paths', '/_webhooks/stripe', 'post']), missing('POST /_webhooks/github', ['paths', '/_webhooks/github', 'post'])],
  },
  {
    name: 'security: [] on the operation turns the root requirement off',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ security: [] }) } }),
    errors: [turnedOff('POST /_webhooks/stripe', ['paths', '/_webhooks/stripe', 'post', 'security'])],
  },
  {
    name: 'the anonymous alternative {} on the operation',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ security: [{ webhookSecret: [] }, {}] }) } }),
    errors: [anonymous('POST /_webhooks/stripe', ['paths', '/_webhooks/stripe', 'post', 'security', '1'])],
  },
  {
    name: 'an undeclared scheme on the operation (OpenAPI 3: components.securitySchemes)',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ security: [{ stripeSignature: [] }] }) } }),
    errors: [undeclared('POST /_webhooks/stripe', 'stripeSignature', ['paths', '/_webhooks/stripe', 'post', 'security', '0', 'stripeSignature'])],
  },
  {
    name: 'an undeclared scheme when the document declares none at all',
    document: oas3({ '/_webhooks/stripe': { post: receiver() } }, { components: {} }),
    errors: [undeclared('POST /_webhooks/stripe', 'webhookSecret', ['security', '0', 'webhookSecret'])],
  },
  {
    name: 'each problem of one requirement list gets its own finding',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ security: [{ stripeSignature: [] }, {}, { webhookSecret: [], ghost: [] }] }) } }),
    errors: [
      undeclared('POST /_webhooks/stripe', 'stripeSignature', ['paths', '/_webhooks/stripe', 'post', 'security', '0', 'stripeSignature']),
      anonymous('POST /_webhooks/stripe', ['paths', '/_webhooks/stripe', 'post', 'security', '1']),
      undeclared('POST /_webhooks/stripe', 'ghost', ['paths', '/_webhooks/stripe', 'post', 'security', '2', 'ghost']),
    ],
  },
  {
    name: 'root security: [] inherited by several receivers is reported once, at the root, naming them',
    document: oas3(postReceivers('/_webhooks/stripe', '/_webhooks/github'), { security: [] }),
    errors: [turnedOff('POST /_webhooks/stripe, POST /_webhooks/github', ['security'], true)],
  },
  {
    name: 'root {} alternative inherited by several receivers is reported once, at the root',
    document: oas3({ '/_webhooks/stripe': { post: receiver(), put: receiver() } }, { security: [{}, { webhookSecret: [] }] }),
    errors: [anonymous('PUT /_webhooks/stripe, POST /_webhooks/stripe', ['security', '0'], true)],
  },
  {
    name: 'root undeclared scheme inherited by several receivers is reported once, at the root (more than three are counted)',
    document: oas3(postReceivers('/_webhooks/a', '/_webhooks/b', '/_webhooks/c', '/_webhooks/d', '/_webhooks/e'), { security: [{ apiKey: [] }] }),
    errors: [undeclared('POST /_webhooks/a, POST /_webhooks/b, POST /_webhooks/c and 2 more', 'apiKey', ['security', '0', 'apiKey'])],
  },
  {
    name: 'root problems are only reported when a receiver inherits them',
    document: oas3({ '/pets': { get: receiver() }, '/_webhooks/stripe': { post: receiver({ security: [{ webhookSecret: [] }] }) } }, { security: [] }),
    errors: [],
  },
  {
    name: "must not: operations outside /_webhooks/ (a public health check, an OAuth callback) are other rules' business",
    document: withoutRootSecurity({ '/health': { get: receiver({ security: [] }) }, '/oauth/callback': { get: receiver() }, '/hooks/sendgrid': { post: receiver({ security: [{}] }) } }),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0: a scheme not in securityDefinitions',
    document: oas2({ '/_webhooks/github': { post: receiver({ security: [{ githubSignature: [] }] }) } }),
    errors: [undeclared('POST /_webhooks/github', 'githubSignature', ['paths', '/_webhooks/github', 'post', 'security', '0', 'githubSignature'], 'securityDefinitions')],
  },
  {
    name: 'OpenAPI 2.0: a root requirement whose scheme is only declared the OpenAPI 3 way is undeclared',
    document: oas2(postReceivers('/_webhooks/github'), { securityDefinitions: undefined, components: { securitySchemes: { webhookSecret: { type: 'apiKey', in: 'header', name: 'X-Secret' } } } }),
    errors: [undeclared('POST /_webhooks/github', 'webhookSecret', ['security', '0', 'webhookSecret'], 'securityDefinitions')],
  },
  {
    name: 'OpenAPI 2.0: missing security names securityDefinitions in the fix',
    document: oas2(postReceivers('/_webhooks/github'), { security: undefined }),
    errors: [missing('POST /_webhooks/github', ['paths', '/_webhooks/github', 'post'], 'securityDefinitions')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/_webhooks/sendgrid': operation('post', ['x-internal: true', 'security: []']) }, { openapi: '3.0.3' }),
    errors: [turnedOff('POST /_webhooks/sendgrid', ['paths', '/_webhooks/sendgrid', 'post', 'security'])],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: withoutRootSecurity(postReceivers('/_webhooks/sendgrid')),
    filename: 'openapi.json',
    errors: [missing('POST /_webhooks/sendgrid', ['paths', '/_webhooks/sendgrid', 'post'])],
  },
  {
    name: 'a path item behind a local $ref is reported where it is written',
    document: localPathItem('/_webhooks/sendgrid', 'sendgrid', operation('post', ['security: [{}]'])),
    errors: [anonymous('POST /_webhooks/sendgrid', ['components', 'pathItems', 'sendgrid', 'post', 'security', '0'])],
  },
  {
    name: 'a path item in another file is reported in that file',
    ...pathItemInFile('/_webhooks/sendgrid', 'paths/sendgrid.yaml', operation('post', ['security:', '  - sendgridSignature: []'])),
    errors: [undeclared('POST /_webhooks/sendgrid', 'sendgridSignature', ['post', 'security', '0', 'sendgridSignature'], 'components.securitySchemes', 'paths/sendgrid.yaml')],
  },
  {
    name: 'an operation in another file with no security and no root security is reported in that file',
    document: withoutRootSecurity({ '/_webhooks/sendgrid': { post: { $ref: './operations.json#/sendgrid' } } }),
    filename: 'openapi.json',
    files: { 'operations.json': JSON.stringify({ sendgrid: receiver() }, null, 2) },
    errors: [missing('POST /_webhooks/sendgrid', ['sendgrid'], 'components.securitySchemes', 'operations.json')],
  },
  {
    name: 'security schemes declared in another file count as declared',
    document: oas3(postReceivers('/_webhooks/sendgrid'), { components: { securitySchemes: { $ref: './schemes.json' } } }),
    filename: 'openapi.json',
    files: { 'schemes.json': JSON.stringify({ webhookSecret: { type: 'apiKey', in: 'header', name: 'X-Secret' } }) },
    errors: [],
  },
  {
    name: 'x-lint-ignore on the operation suppresses the finding',
    document: oas3({ '/_webhooks/status-page': { post: receiver({ security: [], 'x-lint-ignore': { 'webhook-security': 'Authenticated by mTLS at the gateway' } }) } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas3({ '/_webhooks/status-page': { 'x-lint-ignore': ['webhook-security'], post: receiver({ security: [] }) } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on one receiver leaves the others that inherit a root problem reported',
    document: oas3({ '/_webhooks/a': { post: receiver({ 'x-lint-ignore': 'webhook-security' }) }, '/_webhooks/b': { post: receiver() } }, { security: [] }),
    errors: [turnedOff('POST /_webhooks/b', ['security'], true)],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/sendgrid'),
    errors: [],
  },
]);
