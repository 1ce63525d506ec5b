import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, CALLBACK_PATH, envelope, flowJsonBody, header, oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-versioned-payload';
const ADVICE = 'add a version property (e.g. api_version), a versioned event type (invoice.paid.v2), a versioned media type (application/vnd.acme.v1+json) or a version header';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'info' as const, message });
const one = (path: Array<string | number>, where: string) => finding(path, `${where}: the payload shows no version consumers can branch on; ${ADVICE}`);
const body = (schema: object, mediaType = 'application/json') => ({ required: true, content: { [mediaType]: { schema } } });
/** The compliant envelope without its api_version. */
const plain = (overrides = {}) => envelope({ properties: { type: { type: 'string' }, timestamp: { type: 'string' }, data: { type: 'object' } }, ...overrides });
const unversioned = (overrides = {}) => webhook({ requestBody: body(plain()), ...overrides });

describeRule(ID, [
  {
    name: 'a version property in the payload (api_version)',
    document: oas31({ 'invoice.paid': { post: webhook() } }),
    errors: [],
  },
  {
    name: 'a versioned event name, event type value, media type or header',
    document: oas31({
      'invoice.paid.v2': { post: unversioned() },
      'invoice.voided': { post: unversioned({ requestBody: body(plain({ properties: { type: { type: 'string', const: 'invoice.voided.v1' } } })) }) },
      'invoice.created': { post: unversioned({ requestBody: body(plain(), 'application/vnd.acme.invoice.v1+json') }) },
      'invoice.deleted': { post: unversioned({ parameters: [header('webhook-signature'), header('X-Webhook-Version')] }) },
    }),
    errors: [],
  },
  {
    name: 'no webhook shows a version: one finding for the document, at webhooks',
    document: oas31({ 'projects-v2-item-created': { post: unversioned() }, 'invoice.paid': { post: unversioned() } }),
    errors: [finding(['webhooks'], `none of the 2 webhooks shows a payload version consumers can branch on; ${ADVICE}`)],
  },
  {
    name: 'some webhooks show a version: each one that does not is reported',
    document: oas31({ 'invoice.paid': { post: webhook() }, 'invoice.voided': { post: unversioned() } }),
    errors: [one(['webhooks', 'invoice.voided', 'post'], 'webhook "invoice.voided" (POST)')],
  },
  {
    name: 'a single unversioned webhook (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml({ 'invoice.paid': webhookYaml('post', [flowJsonBody('{ type: object, properties: { id: { type: string } } }')]) }),
    errors: [one(['x-webhooks', 'invoice.paid', 'post'], 'webhook "invoice.paid" (POST)')],
  },
  {
    name: 'x-webhooks roll up at x-webhooks',
    document: oas30({ a: { post: unversioned() }, b: { post: unversioned() } }),
    errors: [finding(['x-webhooks'], `none of the 2 webhooks shows a payload version consumers can branch on; ${ADVICE}`)],
  },
  {
    name: 'a callback without a version is reported at the callback',
    document: withCallback(unversioned()),
    errors: [one([...CALLBACK_PATH, 'post'], CALLBACK_NAME)],
  },
  {
    name: 'a path item $ref-ed from components.pathItems, beside a versioned webhook',
    document: oas31({ 'invoice.paid': { post: webhook() }, 'invoice.voided': { $ref: '#/components/pathItems/Voided' } }, { components: { pathItems: { Voided: { post: unversioned() } } } }),
    errors: [one(['components', 'pathItems', 'Voided', 'post'], 'webhook "invoice.voided" (POST)')],
  },
  {
    name: 'x-lint-ignore on the root suppresses the finding',
    document: oas31({ a: { post: unversioned() }, b: { post: unversioned() } }, { 'x-lint-ignore': ['webhook-producer-versioned-payload'] }),
    errors: [],
  },
]);
