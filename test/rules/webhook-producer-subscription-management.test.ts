import { describeRule } from '../support/describe-rule';
import { oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-subscription-management';
const finding = (path: string[], missing: string) => ({
  code: ID,
  path,
  severity: 'info' as const,
  message: `the document sends webhooks but its paths offer no way to ${missing} a subscription (e.g. POST /webhooks and DELETE /webhooks/{id}); let consumers manage subscriptions through the API, or name where they do with x-lint-ignore on the root`,
});
const ok = { responses: { '200': { description: 'OK' } } };
const hooks = { 'invoice.paid': { post: webhook() } };

describeRule(ID, [
  {
    name: 'POST /webhooks and DELETE /webhooks/{id}',
    document: oas31(hooks),
    errors: [],
  },
  {
    name: "Okta's and Svix's shapes: inlineHooks, endpoint; an unsubscribe action counts as delete",
    document: oas31(hooks, {
      paths: {
        '/api/v1/inlineHooks': { post: ok },
        '/api/v1/app/{app_id}/endpoint/{endpoint_id}': { get: ok },
        '/v2/subscriptions/{id}/unsubscribe': { post: ok },
      },
    }),
    errors: [],
  },
  {
    name: 'paths with no subscription management at all',
    document: oas31(hooks, { paths: { '/invoices': { get: ok, post: ok } } }),
    errors: [finding(['webhooks'], 'create and delete')],
  },
  {
    name: 'subscriptions can be created but not deleted (3.0 x-webhooks in YAML)',
    document: xWebhooksYaml(
      { 'invoice.paid': webhookYaml('post') },
      { paths: ['/webhooks:', "  get: { responses: { '200': { description: OK } } }", "  post: { responses: { '201': { description: Created } } }"] },
    ),
    errors: [finding(['x-webhooks'], 'delete')],
  },
  {
    name: 'webhooks $ref-ed from components.pathItems: still one finding, at webhooks',
    document: oas31({ 'invoice.paid': { $ref: '#/components/pathItems/Paid' } }, { paths: { '/invoices': { get: ok } }, components: { pathItems: { Paid: { post: webhook() } } } }),
    errors: [finding(['webhooks'], 'create and delete')],
  },
  {
    name: 'a webhooks-only document (GitHub, Adyen) is the companion of a REST description: not reported',
    document: oas31(hooks, { paths: undefined }),
    errors: [],
  },
  {
    name: 'callbacks only: the request that names the callback URL is the subscription',
    document: withCallback(webhook()),
    errors: [],
  },
  {
    name: 'x-lint-ignore on the root names where subscriptions are managed',
    document: oas30(hooks, { paths: { '/crm/leads': { get: ok } }, 'x-lint-ignore': { [ID]: 'managed through the Webhook API (webhook.yml)' } }),
    errors: [],
  },
]);
