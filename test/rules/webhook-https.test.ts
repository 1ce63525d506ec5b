import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, guidelineIncorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, servers, yamlPaths } from '../support/consumer-documents';

type Path = Array<string | number>;

const receiversText = (receivers: string[]) => `webhook receiver${receivers.length === 1 ? '' : 's'} ${receivers.join(', ')}`;

const plainHttp = (what: string, receivers: string[], path: Path, source?: string) => ({
  code: 'webhook-https',
  path,
  severity: 'error' as const,
  message: `${what} serves ${receiversText(receivers)} over plain HTTP; webhook receivers must be served over https://`,
  ...(source ? { source } : {}),
});

const server = (url: string, receivers: string[], path: Path, source?: string) => plainHttp(`Server "${url}"`, receivers, path, source);

const hostWithoutSchemes = (host: string, receivers: string[]) => ({
  code: 'webhook-https',
  path: ['host'],
  severity: 'error' as const,
  message: `Host "${host}" has no schemes, so ${receiversText(receivers)} may be served over plain HTTP; add schemes: [https]`,
});

const httpRoot = { servers: [{ url: 'http://api.example.com' }] };
const httpsServers = [{ url: 'https://hooks.example.com' }];

describeRule('webhook-https', [
  {
    name: 'guideline correct: every /_webhooks/ example, served over https',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect examples are served over https (other rules report them): GET /_webhooks/sendgrid/email-sent, POST /_webhooks/',
    document: guidelineIncorrect(),
    errors: [],
  },
  {
    name: 'an http root server serving receivers: one finding at the URL, naming each receiver path once',
    document: oas3({ '/_webhooks/stripe': { post: receiver(), put: receiver() }, '/_webhooks/github': { post: receiver() } }, httpRoot),
    errors: [server('http://api.example.com', ['/_webhooks/stripe', '/_webhooks/github'], ['servers', '0', 'url'])],
  },
  {
    name: 'more than three receivers are counted, not listed',
    document: oas3(postReceivers('/_webhooks/a', '/_webhooks/b', '/_webhooks/c', '/_webhooks/d'), httpRoot),
    errors: [server('http://api.example.com', ['/_webhooks/a', '/_webhooks/b', '/_webhooks/c and 1 more'], ['servers', '0', 'url'])],
  },
  {
    name: 'an http server beside an https one is still reported (a producer may be configured with either)',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: 'https://api.example.com' }, { url: 'HTTP://legacy.example.com' }] }),
    errors: [server('HTTP://legacy.example.com', ['/_webhooks/stripe'], ['servers', '1', 'url'])],
  },
  {
    name: 'precedence: a path-level https server fixes an http root for that path only',
    document: oas3({ '/_webhooks/stripe': { servers: httpsServers, post: receiver() }, '/_webhooks/github': { post: receiver() } }, httpRoot),
    errors: [server('http://api.example.com', ['/_webhooks/github'], ['servers', '0', 'url'])],
  },
  {
    name: 'precedence: an operation-level https server fixes an http path-level server',
    document: oas3({ '/_webhooks/stripe': { servers: [{ url: 'http://hooks.example.com' }], post: receiver({ servers: httpsServers }), put: receiver() } }),
    errors: [server('http://hooks.example.com', ['/_webhooks/stripe'], ['paths', '/_webhooks/stripe', 'servers', '0', 'url'])],
  },
  {
    name: 'precedence: an operation-level http server under an https root is reported at the operation',
    document: oas3({ '/_webhooks/stripe': { post: receiver({ servers: [{ url: 'http://hooks.example.com/stripe' }] }) } }),
    errors: [server('http://hooks.example.com/stripe', ['/_webhooks/stripe'], ['paths', '/_webhooks/stripe', 'post', 'servers', '0', 'url'])],
  },
  {
    name: 'must not: an http root that serves only non-receiver paths (receivers have their own https servers)',
    document: oas3({ '/pets': { get: receiver() }, '/hooks/sendgrid': { post: receiver() }, '/_webhooks/stripe': { servers: httpsServers, post: receiver() } }, httpRoot),
    errors: [],
  },
  {
    name: 'must not: a relative server URL takes the scheme the document is served with',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: '/v1' }] }),
    errors: [],
  },
  {
    name: 'must not: a document with no servers at all',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: undefined }),
    errors: [],
  },
  {
    name: 'server variables: a scheme variable whose default is http is reported at the default',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: '{scheme}://api.example.com', variables: { scheme: { default: 'http', enum: ['http', 'https'] } } }] }),
    errors: [server('http://api.example.com', ['/_webhooks/stripe'], ['servers', '0', 'variables', 'scheme', 'default'])],
  },
  {
    name: 'server variables: an enum value that expands to http is reported at that value',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: '{scheme}://api.example.com', variables: { scheme: { default: 'https', enum: ['https', 'http'] } } }] }),
    errors: [server('http://api.example.com', ['/_webhooks/stripe'], ['servers', '0', 'variables', 'scheme', 'enum', '1'])],
  },
  {
    name: 'server variables: a base-URL variable that expands to http, other variables expanded through their default',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: '{base}/{version}', variables: { base: { default: 'http://{region}.example.com' }, version: { default: 'v2' } } }] }),
    errors: [server('http://{region}.example.com/v2', ['/_webhooks/stripe'], ['servers', '0', 'variables', 'base', 'default'])],
  },
  {
    name: 'server variables: a literal http URL with a variable host is reported at the url',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: 'http://{region}.example.com', variables: { region: { default: 'eu', enum: ['eu', 'us'] } } }] }),
    errors: [server('http://eu.example.com', ['/_webhooks/stripe'], ['servers', '0', 'url'])],
  },
  {
    name: 'server variables: https in every value is fine',
    document: oas3(postReceivers('/_webhooks/stripe'), { servers: [{ url: '{scheme}://{region}.example.com', variables: { scheme: { default: 'https', enum: ['https'] }, region: { default: 'eu' } } }] }),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0: schemes listing http',
    document: oas2(postReceivers('/_webhooks/github'), { schemes: ['https', 'http'] }),
    errors: [plainHttp('Scheme "http"', ['/_webhooks/github'], ['schemes', '1'])],
  },
  {
    name: 'OpenAPI 2.0: host with no schemes',
    document: oas2(postReceivers('/_webhooks/github', '/_webhooks/stripe'), { schemes: undefined }),
    errors: [hostWithoutSchemes('api.example.com', ['/_webhooks/github', '/_webhooks/stripe'])],
  },
  {
    name: 'OpenAPI 2.0: operation schemes override the root (https fixes an http root; http under https is reported)',
    document: oas2({ '/_webhooks/github': { post: receiver({ schemes: ['https'] }) }, '/_webhooks/stripe': { post: receiver({ schemes: ['http'] }) } }, { schemes: ['http'] }),
    errors: [plainHttp('Scheme "http"', ['/_webhooks/stripe'], ['paths', '/_webhooks/stripe', 'post', 'schemes', '0'])],
  },
  {
    name: 'OpenAPI 2.0: operation schemes fix a root host with no schemes',
    document: oas2({ '/_webhooks/github': { post: receiver({ schemes: ['https'] }) } }, { schemes: undefined }),
    errors: [],
  },
  {
    name: 'must not: OpenAPI 2.0 with neither host nor schemes (served relative to the document)',
    document: oas2(postReceivers('/_webhooks/github'), { schemes: undefined, host: undefined }),
    errors: [],
  },
  {
    name: 'must not: OpenAPI 2.0 http for non-receiver operations only',
    document: oas2({ '/pets': { get: receiver({ schemes: ['http'] }) }, '/_webhooks/github': { post: receiver() } }),
    errors: [],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/_webhooks/sendgrid': operation('post') }, { openapi: '3.0.3', servers: ['http://api.example.com'] }),
    errors: [server('http://api.example.com', ['/_webhooks/sendgrid'], ['servers', '0', 'url'])],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: oas3(postReceivers('/_webhooks/sendgrid'), httpRoot),
    filename: 'openapi.json',
    errors: [server('http://api.example.com', ['/_webhooks/sendgrid'], ['servers', '0', 'url'])],
  },
  {
    name: 'a path item behind a local $ref is reported where its server is written',
    document: localPathItem('/_webhooks/sendgrid', 'sendgrid', [...servers('http://hooks.example.com'), ...operation('post')], { servers: ['https://api.example.com'] }),
    errors: [server('http://hooks.example.com', ['/_webhooks/sendgrid'], ['components', 'pathItems', 'sendgrid', 'servers', '0', 'url'])],
  },
  {
    name: 'a path item in another file is reported in that file',
    ...pathItemInFile('/_webhooks/sendgrid', 'paths/sendgrid.yaml', operation('post', servers('http://hooks.example.com'))),
    errors: [server('http://hooks.example.com', ['/_webhooks/sendgrid'], ['post', 'servers', '0', 'url'], 'paths/sendgrid.yaml')],
  },
  {
    name: 'a path-level https server in another file fixes an http root',
    document: oas3({ '/_webhooks/sendgrid': { $ref: './sendgrid.json' } }, httpRoot),
    filename: 'openapi.json',
    files: { 'sendgrid.json': JSON.stringify({ servers: httpsServers, post: receiver() }) },
    errors: [],
  },
  {
    name: 'x-lint-ignore on the operation suppresses the finding',
    document: oas3({ '/_webhooks/local-dev': { post: receiver({ servers: [{ url: 'http://localhost:8080' }], 'x-lint-ignore': { 'webhook-https': 'Local development tunnel only' } }) } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on one receiver removes it from a shared root finding',
    document: oas3({ '/_webhooks/a': { 'x-lint-ignore': 'webhook-https', post: receiver() }, '/_webhooks/b': { post: receiver() } }, httpRoot),
    errors: [server('http://api.example.com', ['/_webhooks/b'], ['servers', '0', 'url'])],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/sendgrid', 'post', { servers: [{ url: 'http://x' }] }),
    errors: [],
  },
]);
