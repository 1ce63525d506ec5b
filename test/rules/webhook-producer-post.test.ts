import { describeRule } from '../support/describe-rule';
import { oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-post';
const finding = (path: Array<string | number>, where: string, method: string) => ({
  code: ID,
  path,
  severity: 'warn' as const,
  message: `${where} (${method}): webhooks deliver events with POST; use post, or say why this one differs with x-lint-ignore: { webhook-producer-post: "<reason>" }`,
});

describeRule(ID, [
  {
    name: 'POST webhooks',
    document: oas31({ 'invoice.paid': { post: webhook() } }),
    errors: [],
  },
  {
    name: 'a GET webhook and a PUT beside a POST',
    document: oas31({ a: { get: webhook() }, b: { post: webhook(), put: webhook() } }),
    errors: [finding(['webhooks', 'a', 'get'], 'webhook "a"', 'GET'), finding(['webhooks', 'b', 'put'], 'webhook "b"', 'PUT')],
  },
  {
    name: 'a PUT in 3.0 x-webhooks (YAML)',
    document: xWebhooksYaml({ a: webhookYaml('put') }),
    errors: [finding(['x-webhooks', 'a', 'put'], 'webhook "a"', 'PUT')],
  },
  {
    name: 'a GET callback',
    document: withCallback(webhook(), 'get'),
    errors: [{ ...finding(['paths', '/subscriptions', 'post', 'callbacks', 'onEvent', '{$request.body#/callbackUrl}', 'get'], 'callback "onEvent"', 'GET {$request.body#/callbackUrl}'), message: 'callback "onEvent" (GET {$request.body#/callbackUrl}) of POST /subscriptions: webhooks deliver events with POST; use post, or say why this one differs with x-lint-ignore: { webhook-producer-post: "<reason>" }' }],
  },
  {
    name: 'a path item $ref-ed from components.pathItems (3.0 x-webhooks, JSON)',
    document: oas30({ a: { $ref: '#/components/pathItems/A' } }, { components: { pathItems: { A: { get: webhook() } } } }),
    errors: [finding(['components', 'pathItems', 'A', 'get'], 'webhook "a"', 'GET')],
  },
  {
    name: 'x-lint-ignore with a reason on the operation (a verification handshake)',
    document: oas31({ verify: { get: webhook({ 'x-lint-ignore': { 'webhook-producer-post': 'Meta verifies the URL with a GET challenge' } }) } }),
    errors: [],
  },
]);
