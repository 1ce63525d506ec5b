import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, CALLBACK_PATH, envelope, githubPushYaml, header, jsonBodyYaml, oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-idempotency';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'warn' as const, message });
const noId = (where: string) => `${where}: no event id to de-duplicate retried deliveries; add a required header such as webhook-id or a required payload property such as id`;
const signedOnly = (overrides = {}) => webhook({ parameters: [header('webhook-signature')], ...overrides });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });

describeRule(ID, [
  {
    name: 'Standard Webhooks: a required webhook-id header',
    document: oas31({ 'invoice.paid': { post: webhook() } }),
    errors: [],
  },
  {
    name: "GitHub's shape (YAML): a required X-GitHub-Delivery header",
    document: githubPushYaml('X-GitHub-Delivery'),
    errors: [],
  },
  {
    name: "Apideck's shape (3.0 x-webhooks): a required x-apideck-idempotency-key header",
    document: oas30({ ActivityCreated: { post: signedOnly({ parameters: [header('x-apideck-idempotency-key')] }) } }),
    errors: [],
  },
  {
    name: 'a required id in the payload, directly or through allOf and a $ref-ed envelope',
    document: oas31(
      {
        a: { post: signedOnly({ requestBody: body(envelope({ required: ['id', 'type'], properties: { id: { type: 'string' }, type: { type: 'string' } } })) }) },
        b: { post: signedOnly({ requestBody: body({ allOf: [{ $ref: '#/components/schemas/Envelope' }, { properties: { data: {} } }] }) }) },
      },
      { components: { schemas: { Envelope: { type: 'object', required: ['event_id'], properties: { event_id: { type: 'string' } } } } } },
    ),
    errors: [],
  },
  {
    name: 'no id header and no id property',
    document: oas31({ 'invoice.paid': { post: signedOnly() } }),
    errors: [finding(['webhooks', 'invoice.paid', 'post'], noId('webhook "invoice.paid" (POST)'))],
  },
  {
    name: 'an id header that is not required',
    document: oas31({ 'invoice.paid': { post: signedOnly({ parameters: [header('Idempotency-Key', false)] }) } }),
    errors: [
      finding(
        ['webhooks', 'invoice.paid', 'post', 'parameters', '0'],
        'webhook "invoice.paid" (POST): id header "Idempotency-Key" is not required; mark it required: true so consumers can de-duplicate every delivery',
      ),
    ],
  },
  {
    name: 'an id property that is not required (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml({ 'inbound-sms': webhookYaml('post', jsonBodyYaml(['type: object', 'properties:', '  messageId: { type: string }'])) }),
    errors: [
      finding(
        ['x-webhooks', 'inbound-sms', 'post', 'requestBody', 'content', 'application/json', 'schema'],
        'webhook "inbound-sms" (POST): payload property "messageId" is not required; list it in the schema\'s required properties so consumers can de-duplicate every delivery',
      ),
    ],
  },
  {
    name: 'a callback without an event id',
    document: withCallback(signedOnly()),
    errors: [finding([...CALLBACK_PATH, 'post'], noId(CALLBACK_NAME))],
  },
  {
    name: 'a path item $ref-ed from components.pathItems',
    document: oas31({ 'invoice.paid': { $ref: '#/components/pathItems/Paid' } }, { components: { pathItems: { Paid: { post: signedOnly() } } } }),
    errors: [finding(['components', 'pathItems', 'Paid', 'post'], noId('webhook "invoice.paid" (POST)'))],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas31({ 'invoice.paid': { 'x-lint-ignore': { 'webhook-producer-idempotency': 'thin events, consumers fetch by resource id' }, post: signedOnly() } }),
    errors: [],
  },
]);
