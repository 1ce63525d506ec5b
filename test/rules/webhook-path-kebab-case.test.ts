import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { localPathItem, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';

const notKebab = (pathKey: string, segments: string[], fixed: string) => ({
  code: 'webhook-path-kebab-case',
  path: ['paths', pathKey],
  severity: 'error' as const,
  message: `"${pathKey}": ${segments.length === 1 ? 'segment' : 'segments'} ${segments.map((s) => `"${s}"`).join(', ')} after /_webhooks/ must be kebab-case; use ${fixed}`,
});

const producerParameter = { name: 'producer', in: 'path', required: true, schema: { type: 'string' } };

describeRule('webhook-path-kebab-case', [
  {
    name: 'guideline correct: every /_webhooks/ example',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email_sent is outside /_webhooks/, so webhook-path-prefix reports it (with a kebab-case suggestion)',
    document: oas3(postReceivers('/hooks/sendgrid/email_sent')),
    errors: [],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email_sent, once moved under /_webhooks/, is reported here',
    document: oas3(postReceivers('/_webhooks/sendgrid/email_sent')),
    errors: [notKebab('/_webhooks/sendgrid/email_sent', ['email_sent'], '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'camelCase and a brand written as a proper noun, in one finding',
    document: oas3(postReceivers('/_webhooks/SendGrid/emailClicked')),
    errors: [notKebab('/_webhooks/SendGrid/emailClicked', ['SendGrid', 'emailClicked'], '/_webhooks/sendgrid/email-clicked')],
  },
  {
    name: 'snake_case producer',
    document: oas3(postReceivers('/_webhooks/send_grid/bounce')),
    errors: [notKebab('/_webhooks/send_grid/bounce', ['send_grid'], '/_webhooks/send-grid/bounce')],
  },
  {
    name: 'upper case, dots, doubled and edge hyphens are not kebab-case',
    document: oas3(postReceivers('/_webhooks/GITHUB', '/_webhooks/stripe/payment.succeeded', '/_webhooks/stripe--events', '/_webhooks/-stripe')),
    errors: [
      notKebab('/_webhooks/GITHUB', ['GITHUB'], '/_webhooks/github'),
      notKebab('/_webhooks/stripe/payment.succeeded', ['payment.succeeded'], '/_webhooks/stripe/payment-succeeded'),
      notKebab('/_webhooks/stripe--events', ['stripe--events'], '/_webhooks/stripe-events'),
      notKebab('/_webhooks/-stripe', ['-stripe'], '/_webhooks/stripe'),
    ],
  },
  {
    name: 'digits are fine: /_webhooks/s3/object-created-v2',
    document: oas3(postReceivers('/_webhooks/s3/object-created-v2', '/_webhooks/2checkout')),
    errors: [],
  },
  {
    name: 'templated segments are not literal: /_webhooks/{producer} and /_webhooks/{producerId}/events',
    document: oas3({
      '/_webhooks/{producer}': { post: receiver({ parameters: [producerParameter] }) },
      '/_webhooks/{producerId}/events': { post: receiver({ parameters: [{ ...producerParameter, name: 'producerId' }] }) },
    }),
    errors: [],
  },
  {
    name: 'a literal segment after a templated one is still checked, and the template is kept in the fix',
    document: oas3({ '/_webhooks/{producer}/emailSent': { post: receiver({ parameters: [producerParameter] }) } }),
    errors: [notKebab('/_webhooks/{producer}/emailSent', ['emailSent'], '/_webhooks/{producer}/email-sent')],
  },
  {
    name: 'must not: segments before /_webhooks/ are the API\'s own style (/API/v1_beta/_webhooks/sendgrid)',
    document: oas3(postReceivers('/API/v1_beta/_webhooks/sendgrid')),
    errors: [],
  },
  {
    name: 'a prefix before /_webhooks/ is kept in the fix',
    document: oas3(postReceivers('/API/v1/_webhooks/SendGrid')),
    errors: [notKebab('/API/v1/_webhooks/SendGrid', ['SendGrid'], '/API/v1/_webhooks/sendgrid')],
  },
  {
    name: 'must not: paths outside /_webhooks/ (webhook_endpoints, camelCase API paths)',
    document: oas3(postReceivers('/v1/webhook_endpoints', '/api/v1/eventHooks', '/userProfiles')),
    errors: [],
  },
  {
    name: 'an empty segment is webhook-path-identifier\'s finding, not a casing problem',
    document: oas3(postReceivers('/_webhooks//')),
    errors: [],
  },
  {
    name: 'the path is reported once, whatever its operations',
    document: oas3({ '/_webhooks/Stripe': { get: receiver(), post: receiver() } }),
    errors: [notKebab('/_webhooks/Stripe', ['Stripe'], '/_webhooks/stripe')],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2(postReceivers('/_webhooks/gitHub/pushEvent')),
    errors: [notKebab('/_webhooks/gitHub/pushEvent', ['gitHub', 'pushEvent'], '/_webhooks/git-hub/push-event')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/_webhooks/send_grid': operation('post') }, { openapi: '3.0.3' }),
    errors: [notKebab('/_webhooks/send_grid', ['send_grid'], '/_webhooks/send-grid')],
  },
  {
    name: 'OpenAPI 3.1 document in JSON',
    document: oas3(postReceivers('/_webhooks/sendgrid/email_opened')),
    filename: 'openapi.json',
    errors: [notKebab('/_webhooks/sendgrid/email_opened', ['email_opened'], '/_webhooks/sendgrid/email-opened')],
  },
  {
    name: 'a path item behind a local $ref is reported at its key, not at the $ref target',
    document: localPathItem('/_webhooks/SendGrid', 'sendgrid', operation('post')),
    errors: [notKebab('/_webhooks/SendGrid', ['SendGrid'], '/_webhooks/sendgrid')],
  },
  {
    name: 'a path item in another file is reported at its key in the file that holds paths',
    ...pathItemInFile('/_webhooks/send_grid', 'paths/sendgrid.yaml', operation('post')),
    errors: [notKebab('/_webhooks/send_grid', ['send_grid'], '/_webhooks/send-grid')],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas3({ '/_webhooks/SendGrid': { 'x-lint-ignore': { 'webhook-path-kebab-case': 'URL registered with SendGrid before the guideline' }, post: receiver() } }),
    errors: [],
  },
  {
    name: 'x-lint-ignore on an operation does not cover the path key (the key belongs to the path item)',
    document: oas3({ '/_webhooks/SendGrid': { post: receiver({ 'x-lint-ignore': 'webhook-path-kebab-case' }) } }),
    errors: [notKebab('/_webhooks/SendGrid', ['SendGrid'], '/_webhooks/sendgrid')],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/_webhooks/SendGrid'),
    errors: [],
  },
]);
