import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, CALLBACK_PATH, flowJsonBody, oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-success-response';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'warn' as const, message });
const no2xx = (where: string) => `${where}: no 2xx response; document the status that acknowledges a delivery (e.g. '200' or '204') so consumers know what to return`;

describeRule(ID, [
  {
    name: 'a 204, a 200 and a 2XX range',
    document: oas31({ a: { post: webhook() }, b: { post: webhook({ responses: { '200': { description: 'OK' }, '410': { description: 'Gone: unsubscribe' } } }) }, c: { post: webhook({ responses: { '2XX': { description: 'OK' } } }) } }),
    errors: [],
  },
  {
    name: 'only error responses, or only default',
    document: oas31({ a: { post: webhook({ responses: { '400': { description: 'Bad' } } }) }, b: { post: webhook({ responses: { default: { description: 'Any' } } }) } }),
    errors: [finding(['webhooks', 'a', 'post', 'responses'], no2xx('webhook "a" (POST)')), finding(['webhooks', 'b', 'post', 'responses'], no2xx('webhook "b" (POST)'))],
  },
  {
    name: 'no responses at all (3.1 allows it for webhooks)',
    document: oas31({ a: { post: webhook({ responses: undefined }) } }),
    errors: [finding(['webhooks', 'a', 'post'], no2xx('webhook "a" (POST)'))],
  },
  {
    name: 'a 3xx beside the 2xx (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml({ a: webhookYaml('post', [flowJsonBody()], ['responses:', "  '200': { description: OK }", "  '301': { description: Moved }"]) }),
    errors: [finding(['x-webhooks', 'a', 'post', 'responses', '301'], 'webhook "a" (POST): response 301 is a redirect; webhook deliveries do not follow redirects (a 3xx counts as a failed delivery), so remove it')],
  },
  {
    name: 'a callback with no 2xx',
    document: withCallback(webhook({ responses: { '500': { description: 'Error' } } })),
    errors: [finding([...CALLBACK_PATH, 'post', 'responses'], no2xx(CALLBACK_NAME))],
  },
  {
    name: 'a path item $ref-ed from components.pathItems (3.0 x-webhooks, JSON)',
    document: oas30({ a: { $ref: '#/components/pathItems/A' } }, { components: { pathItems: { A: { post: webhook({ responses: { '400': { description: 'Bad' } } }) } } } }),
    errors: [finding(['components', 'pathItems', 'A', 'post', 'responses'], no2xx('webhook "a" (POST)'))],
  },
  {
    name: 'x-lint-ignore on the operation suppresses the finding',
    document: oas31({ a: { post: webhook({ responses: { '400': { description: 'Bad' } }, 'x-lint-ignore': 'webhook-producer-success-response' }) } }),
    errors: [],
  },
]);
