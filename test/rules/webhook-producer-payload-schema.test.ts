import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, CALLBACK_PATH, oas30, oas31, RECEIVED_RESPONSES, webhook, webhooksYaml, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-payload-schema';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'warn' as const, message });
const A = 'webhook "invoice.paid" (POST)';
const at = ['webhooks', 'invoice.paid', 'post'];

describeRule(ID, [
  {
    name: 'a required JSON body with a schema',
    document: oas31({ 'invoice.paid': { post: webhook() } }),
    errors: [],
  },
  {
    name: 'a +json media type and a $ref-ed schema count (3.0 x-webhooks)',
    document: oas30(
      { 'invoice.paid': { post: webhook({ requestBody: { required: true, content: { 'application/cloudevents+json; charset=utf-8': { schema: { $ref: '#/components/schemas/Event' } } } } }) } },
      { components: { schemas: { Event: { type: 'object' } } } },
    ),
    errors: [],
  },
  {
    name: 'no request body',
    document: oas31({ 'invoice.paid': { post: webhook({ requestBody: undefined }) } }),
    errors: [finding(at, `${A}: no request body; document the payload as a required JSON request body with a schema`)],
  },
  {
    name: 'a request body without required: true is not reported (no real description sets it on webhooks)',
    document: oas31({ 'invoice.paid': { post: webhook({ requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } }) } }),
    errors: [],
  },
  {
    name: 'a form-encoded payload only (YAML, 3.0 x-webhooks)',
    document: xWebhooksYaml({ 'invoice.paid': webhookYaml('post', ['requestBody:', '  required: true', '  content:', '    application/x-www-form-urlencoded: { schema: { type: object } }']) }),
    errors: [
      finding(['x-webhooks', 'invoice.paid', 'post', 'requestBody', 'content'], `${A}: the request body has no JSON media type (found application/x-www-form-urlencoded); describe the payload as application/json or a +json type`),
    ],
  },
  {
    name: 'an empty schema {} and a media type with no schema',
    document: oas31({
      'invoice.paid': { post: webhook({ requestBody: { required: true, content: { 'application/json': { schema: { description: 'anything' } } } } }) },
      'invoice.voided': { post: webhook({ requestBody: { required: true, content: { 'application/json': {} } } }) },
    }),
    errors: [
      finding([...at, 'requestBody', 'content', 'application/json', 'schema'], `${A}: the application/json payload has an empty schema; describe its properties so consumers can validate and generate types`),
      finding(['webhooks', 'invoice.voided', 'post', 'requestBody', 'content', 'application/json'], 'webhook "invoice.voided" (POST): the application/json payload has no schema; describe its properties so consumers can validate and generate types'),
    ],
  },
  {
    name: 'a callback with no request body',
    document: withCallback(webhook({ requestBody: undefined })),
    errors: [finding([...CALLBACK_PATH, 'post'], `${CALLBACK_NAME}: no request body; document the payload as a required JSON request body with a schema`)],
  },
  {
    name: 'a path item $ref-ed from components.pathItems',
    document: oas31({ 'invoice.paid': { $ref: '#/components/pathItems/Paid' } }, { components: { pathItems: { Paid: { post: webhook({ requestBody: undefined }) } } } }),
    errors: [finding(['components', 'pathItems', 'Paid', 'post'], `${A}: no request body; document the payload as a required JSON request body with a schema`)],
  },
  {
    name: 'an empty schema in another file is reported in that file',
    document: webhooksYaml({
      'invoice.paid': webhookYaml('post', ['requestBody:', '  required: true', '  content:', "    application/json: { schema: { $ref: './schemas/event.yaml' } }"], [RECEIVED_RESPONSES]),
    }),
    files: { 'schemas/event.yaml': 'description: to be written\n' },
    errors: [{ ...finding([], `${A}: the application/json payload has an empty schema; describe its properties so consumers can validate and generate types`), source: 'schemas/event.yaml' }],
  },
  {
    name: 'x-lint-ignore on the operation suppresses the finding',
    document: oas31({ 'invoice.paid': { post: webhook({ requestBody: undefined, 'x-lint-ignore': 'webhook-producer-payload-schema' }) } }),
    errors: [],
  },
]);
