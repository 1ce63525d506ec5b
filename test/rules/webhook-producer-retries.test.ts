import { describeRule } from '../support/describe-rule';
import { CALLBACK_PATH, header, oas30, oas31, webhook, webhookYaml, withCallback, xWebhooksYaml } from '../support/webhook-documents';

const ID = 'webhook-producer-retries';
const finding = (path: string[]) => ({
  code: ID,
  path,
  severity: 'info' as const,
  message: 'the document does not say whether failed webhook deliveries are retried; describe the retry schedule (e.g. x-webhook-retry on info, or the descriptions) or document a retry-count header such as webhook-attempt',
});
const info = { title: 'Example', version: '1.0.0' };
const hooks = { 'invoice.paid': { post: webhook() } };

describeRule(ID, [
  {
    name: 'x-webhook-retry on info',
    document: oas31(hooks),
    errors: [],
  },
  {
    name: 'a documented retry-count header (webhook-attempt), even optional',
    document: oas31(
      {
        a: { post: webhook({ parameters: [header('webhook-attempt', false)] }) },
      },
      { info },
    ),
    errors: [],
  },
  {
    name: 'an x-retry-policy extension on a webhook operation',
    document: oas31({ a: { post: webhook({ 'x-retry-policy': { maxAttempts: 5 } }) } }, { info }),
    errors: [],
  },
  {
    name: "prose, Vonage's way: 'Vonage will resend the inbound message for the next 24 hours'",
    document: oas31({ a: { post: webhook({ description: 'If you do not send a 2xx response Vonage will resend the inbound message for the next 24 hours.' }) } }, { info }),
    errors: [],
  },
  {
    name: 'an extension on a path item $ref-ed from components.pathItems counts',
    document: oas31({ a: { $ref: '#/components/pathItems/A' } }, { info, components: { pathItems: { A: { 'x-webhook-retry': { attempts: 3 }, post: webhook() } } } }),
    errors: [],
  },
  {
    name: 'a path item $ref-ed from components.pathItems that says nothing: at webhooks',
    document: oas31({ a: { $ref: '#/components/pathItems/A' } }, { info, components: { pathItems: { A: { post: webhook() } } } }),
    errors: [finding(['webhooks'])],
  },
  {
    name: 'nothing about retries: one finding, at webhooks',
    document: oas31({ a: { post: webhook() }, b: { post: webhook() } }, { info }),
    errors: [finding(['webhooks'])],
  },
  {
    name: 'nothing about retries in 3.0 x-webhooks (YAML): at x-webhooks',
    document: xWebhooksYaml({ a: webhookYaml('post') }),
    errors: [finding(['x-webhooks'])],
  },
  {
    name: 'callbacks only: at the first callback',
    document: { ...withCallback(webhook()), info },
    errors: [finding([...CALLBACK_PATH, 'post'])],
  },
  {
    name: 'x-lint-ignore on the root',
    document: oas30(hooks, { info, 'x-lint-ignore': { [ID]: 'no retries by design: consumers poll /events' } }),
    errors: [],
  },
]);
