import { describe, expect, it } from 'vitest';
import { describeRule } from '../support/describe-rule';
import {
  CALLBACK_NAME,
  CALLBACK_PATH,
  flowJsonBody,
  githubPushYaml,
  header,
  oas30,
  oas31,
  RECEIVED_RESPONSES,
  webhook,
  webhooksYaml,
  webhookYaml,
  withCallback,
  xWebhooksYaml,
} from '../support/webhook-documents';
import { indent, yamlText } from '../support/yaml-text';
import { checkSignature, DEFAULT_SIGNATURE_HEADERS, DEFAULT_SIGNATURE_PATTERNS } from '../../src/functions/webhook-producer-signature';

const ID = 'webhook-producer-signature';
const unsigned = (path: Array<string | number>, where: string) => ({
  code: ID,
  path,
  severity: 'warn' as const,
  message: `${where}: document how consumers verify the sender: a required signature header parameter (e.g. webhook-signature) or a security requirement on the operation`,
});
const noHeaders = (overrides = {}) => webhook({ parameters: [header('webhook-id')], ...overrides });

describeRule(ID, [
  {
    name: 'Standard Webhooks: a required webhook-signature header',
    document: oas31({ 'invoice.paid': { post: webhook() } }),
    errors: [],
  },
  {
    name: "GitHub's shape (3.1, YAML): X-Hub-Signature-256 satisfies the rule",
    document: githubPushYaml('X-GitHub-Delivery', 'X-Hub-Signature-256'),
    errors: [],
  },
  {
    name: "Adyen's shape: a security requirement on the webhook operation (3.0 x-webhooks)",
    document: oas30({ AUTHORISATION: { post: noHeaders({ security: [{ BasicAuth: [] }] }) } }, { components: { securitySchemes: { BasicAuth: { type: 'http', scheme: 'basic' } } } }),
    errors: [],
  },
  {
    name: "Apideck's shape: x-apideck-signature with security: [] (the API key is not sent to consumers)",
    document: oas30({ ActivityCreated: { post: noHeaders({ parameters: [header('x-apideck-signature')], security: [] }) } }),
    errors: [],
  },
  {
    name: 'a header matching a pattern (X-Acme-Signature) counts',
    document: oas31({ 'invoice.paid': { post: noHeaders({ parameters: [header('X-Acme-Signature')] }) } }),
    errors: [],
  },
  ...['X-Signature-Ed25519', 'X-Acme-Hmac-Sha256', 'X-Square-Hmacsha256-Signature', 'X-Payload-Signature-V2', 'x_acme_signature'].map((name) => ({
    name: `a header named like a signature with its algorithm (${name}) counts`,
    document: oas31({ 'invoice.paid': { post: noHeaders({ parameters: [header(name)] }) } }),
    errors: [],
  })),
  ...['X-Slack-Signature-Timestamp', 'X-Signature-Key-Id', 'X-Hmac-Version'].map((name) => ({
    name: `a signature's companion header (${name}) does not count`,
    document: oas31({ 'invoice.paid': { post: noHeaders({ parameters: [header(name)] }) } }),
    errors: [unsigned(['webhooks', 'invoice.paid', 'post'], 'webhook "invoice.paid" (POST)')],
  })),
  {
    name: "OpenAI's shape: no signature header and no security (3.1, JSON)",
    document: oas31({ batch_completed: { post: noHeaders() } }),
    errors: [unsigned(['webhooks', 'batch_completed', 'post'], 'webhook "batch_completed" (POST)')],
  },
  {
    name: 'a signature header that is not required',
    document: oas31({ 'invoice.paid': { post: noHeaders({ parameters: [header('Stripe-Signature', false)] }) } }),
    errors: [
      {
        code: ID,
        path: ['webhooks', 'invoice.paid', 'post', 'parameters', '0'],
        severity: 'warn',
        message: 'webhook "invoice.paid" (POST): signature header "Stripe-Signature" is not required; mark it required: true so consumers can reject unsigned deliveries',
      },
    ],
  },
  {
    name: 'the root security (how clients call the API) does not count, nor an empty requirement {}',
    document: oas31({ a: { post: noHeaders() }, b: { post: noHeaders({ security: [{}] }) } }, { security: [{ apiKey: [] }] }),
    errors: [unsigned(['webhooks', 'a', 'post'], 'webhook "a" (POST)'), unsigned(['webhooks', 'b', 'post'], 'webhook "b" (POST)')],
  },
  {
    name: 'OpenAPI 3.0 x-webhooks in YAML, Callback-shaped (Vonage)',
    document: xWebhooksYaml(
      { 'inbound-sms': ["'{$request.body#/callback}':", ...indent(webhookYaml('post', [flowJsonBody()]), 2)] },
      { openapi: '3.0.0', info: 'info: { title: SMS, version: 1.0.0 }' },
    ),
    errors: [unsigned(['x-webhooks', 'inbound-sms', '{$request.body#/callback}', 'post'], 'webhook "inbound-sms" (POST {$request.body#/callback})')],
  },
  {
    name: 'a callback without a signature',
    document: withCallback(noHeaders()),
    errors: [unsigned([...CALLBACK_PATH, 'post'], CALLBACK_NAME)],
  },
  {
    name: 'a path item $ref-ed from components.pathItems is reported where it is written',
    document: oas31({ 'invoice.paid': { $ref: '#/components/pathItems/InvoicePaid' } }, { components: { pathItems: { InvoicePaid: { post: noHeaders() } } } }),
    errors: [unsigned(['components', 'pathItems', 'InvoicePaid', 'post'], 'webhook "invoice.paid" (POST)')],
  },
  {
    name: 'a path item in another file is reported in that file',
    document: webhooksYaml({ 'invoice.paid': ["$ref: './webhooks/invoice-paid.yaml'"] }),
    files: { 'webhooks/invoice-paid.yaml': yamlText(webhookYaml('post', [flowJsonBody()], [RECEIVED_RESPONSES])) },
    errors: [{ ...unsigned(['post'], 'webhook "invoice.paid" (POST)'), source: 'webhooks/invoice-paid.yaml' }],
  },
  {
    name: 'x-lint-ignore on the operation, the path item or the root suppresses the finding',
    document: oas31({
      a: { post: noHeaders({ 'x-lint-ignore': 'webhook-producer-signature' }) },
      b: { 'x-lint-ignore': ['webhook-producer-signature'], post: noHeaders() },
      c: { post: noHeaders({ 'x-lint-ignore': { 'webhook-post': 'another rule' } }) },
    }),
    errors: [unsigned(['webhooks', 'c', 'post'], 'webhook "c" (POST)')],
  },
  {
    name: 'x-lint-ignore on the root',
    document: oas31({ a: { post: noHeaders() } }, { 'x-lint-ignore': { 'webhook-producer-signature': 'signed with mTLS, see docs' } }),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0 has no webhooks: nothing to report',
    document: { swagger: '2.0', info: { title: 'x', version: '1' }, paths: {}, 'x-webhooks': { a: { post: {} } } },
    errors: [],
  },
]);

describe(`${ID} options`, () => {
  const context = (root: unknown) => ({ path: [], rule: { name: ID }, documentInventory: { resolved: root } });
  const root = oas31({ a: { post: noHeaders({ parameters: [header('X-Partner-Token')] }) } });

  it('the default list does not know X-Partner-Token', () => {
    expect(checkSignature(root, { headers: DEFAULT_SIGNATURE_HEADERS, patterns: DEFAULT_SIGNATURE_PATTERNS }, context(root))).toHaveLength(1);
  });
  it('a configured header list does', () => {
    expect(checkSignature(root, { headers: ['x-partner-token'], patterns: [] }, context(root))).toEqual([]);
  });
});
