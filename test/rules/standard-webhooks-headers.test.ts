import { describeRule } from '../support/describe-rule';
import { CALLBACK_NAME, CALLBACK_PATH, header, headerYaml, oas30, oas31, parametersYaml, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'standard-webhooks-headers';
const finding = (path: Array<string | number>, message: string) => ({ code: ID, path, severity: 'error' as const, message });

describeRule(ID, [
  {
    name: 'the three headers, required, in any case',
    document: oas31({ a: { post: webhook({ parameters: [header('Webhook-Id'), header('WEBHOOK-TIMESTAMP'), header('webhook-signature')] }) } }),
    errors: [],
  },
  {
    name: 'headers declared on the path item count',
    document: oas31({ a: { parameters: [header('webhook-id'), header('webhook-timestamp'), header('webhook-signature')], post: webhook({ parameters: [] }) } }),
    errors: [],
  },
  {
    name: "GitHub's headers are not Standard Webhooks headers",
    document: oas31({ push: { post: webhook({ parameters: [header('X-GitHub-Delivery'), header('X-Hub-Signature-256')] }) } }),
    errors: [finding(['webhooks', 'push', 'post'], 'webhook "push" (POST): Standard Webhooks requires the webhook-id, webhook-timestamp, webhook-signature headers; add them as required header parameters')],
  },
  {
    name: 'one header missing, one not required (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml({ a: webhookYaml('post', parametersYaml(headerYaml('webhook-id'), headerYaml('webhook-signature', false))) }),
    errors: [
      finding(['x-webhooks', 'a', 'post'], 'webhook "a" (POST): Standard Webhooks requires the webhook-timestamp header; add it as a required header parameter'),
      finding(['x-webhooks', 'a', 'post', 'parameters', '1'], 'webhook "a" (POST): Standard Webhooks sends webhook-signature with every delivery; mark the header required: true'),
    ],
  },
  {
    name: 'a callback without the headers',
    document: withCallback(webhook({ parameters: [header('webhook-id'), header('webhook-timestamp')] })),
    errors: [finding([...CALLBACK_PATH, 'post'], `${CALLBACK_NAME}: Standard Webhooks requires the webhook-signature header; add it as a required header parameter`)],
  },
  {
    name: 'a path item $ref-ed from components.pathItems (3.0 x-webhooks, JSON)',
    document: oas30({ a: { $ref: '#/components/pathItems/A' } }, { components: { pathItems: { A: { post: webhook({ parameters: [header('webhook-id'), header('webhook-signature')] }) } } } }),
    errors: [finding(['components', 'pathItems', 'A', 'post'], 'webhook "a" (POST): Standard Webhooks requires the webhook-timestamp header; add it as a required header parameter')],
  },
  {
    name: 'x-lint-ignore on the operation',
    document: oas31({ a: { post: webhook({ parameters: [], 'x-lint-ignore': ID }) } }),
    errors: [],
  },
]);
