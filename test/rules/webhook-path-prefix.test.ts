import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { OK, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';
import { yamlText } from '../support/yaml-text';

const error = (pathKey: string, suggestion: string) => ({
  code: 'webhook-path-prefix',
  path: ['paths', pathKey],
  severity: 'error' as const,
  message: `"${pathKey}" looks like a webhook receiver; move it under /_webhooks/ (e.g. ${suggestion})`,
});

describeRule('webhook-path-prefix', [
  {
    name: 'guideline correct: every /_webhooks/ example',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email-sent',
    document: oas3(postReceivers('/hooks/sendgrid/email-sent')),
    errors: [error('/hooks/sendgrid/email-sent', '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email_sent (the suggestion is kebab-cased too)',
    document: oas3(postReceivers('/hooks/sendgrid/email_sent')),
    errors: [error('/hooks/sendgrid/email_sent', '/_webhooks/sendgrid/email-sent')],
  },
  {
    name: 'receivers under other hook words',
    document: oas3(postReceivers('/webhooks/stripe', '/api/v2/webhook/github', '/_webhook/sendgrid', '/v1/producer-webhook/events')),
    errors: [
      error('/webhooks/stripe', '/_webhooks/stripe'),
      error('/api/v2/webhook/github', '/api/v2/_webhooks/github'),
      error('/_webhook/sendgrid', '/_webhooks/sendgrid'),
      error('/v1/producer-webhook/events', '/v1/_webhooks/producer/events'),
    ],
  },
  {
    name: 'a lone /webhooks endpoint with no item path is a receiver',
    document: oas3(postReceivers('/whatsapp/webhooks')),
    errors: [error('/whatsapp/webhooks', '/whatsapp/_webhooks')],
  },
  {
    name: 'subscription management is not a receiver (GitHub, Stripe, Box, PagerDuty shapes)',
    document: oas3({
      '/repos/{owner}/{repo}/hooks': { get: receiver(), post: receiver() },
      '/repos/{owner}/{repo}/hooks/{hook_id}': { get: receiver(), patch: receiver(), delete: receiver() },
      '/repos/{owner}/{repo}/hooks/{hook_id}/pings': { post: receiver() },
      '/webhooks': { get: receiver(), post: receiver() },
      '/webhooks/{id}': { get: receiver(), delete: receiver() },
      '/v1/webhook_endpoints': { get: receiver(), post: receiver() },
      '/webhook-subscriptions': { post: receiver() },
      '/api/v1/eventHooks': { get: receiver() },
      '/api/v1/eventHooks/{eventHookId}/lifecycle/activate': { post: receiver() },
      '/webhook/logs': { get: receiver() },
      '/api/v1/operational-webhook/endpoint': { post: receiver() },
    }),
    errors: [],
  },
  {
    name: 'a listable collection in an API that addresses single webhooks elsewhere is management (Discord shape)',
    document: oas3({
      '/channels/{channel_id}/webhooks': { get: receiver(), post: receiver() },
      '/guilds/{guild_id}/webhooks': { get: receiver() },
      '/webhooks/{webhook_id}': { get: receiver(), patch: receiver(), delete: receiver() },
    }),
    errors: [],
  },
  {
    name: 'a POST-only receiver stays a receiver in an API that also manages webhooks',
    document: oas3({
      '/integrations/stripe/webhooks': { post: receiver() },
      '/webhooks/{webhook_id}': { get: receiver(), delete: receiver() },
    }),
    errors: [error('/integrations/stripe/webhooks', '/integrations/stripe/_webhooks')],
  },
  {
    name: 'a receiver with a GET handshake in an API without webhook items is still a receiver',
    document: oas3({ '/whatsapp/webhooks': { get: receiver(), post: receiver() } }),
    errors: [error('/whatsapp/webhooks', '/whatsapp/_webhooks')],
  },
  {
    name: 'the listable-collection signal reads methods from a path item in another file',
    document: yamlPaths({ '/guilds/{guild_id}/webhooks': ["$ref: './paths/guild-webhooks.yaml'"], '/webhooks/{webhook_id}': operation('get', [], OK) }),
    files: { 'paths/guild-webhooks.yaml': yamlText(operation('get', [], OK)) },
    errors: [],
  },
  {
    name: 'an OAuth callback is not a webhook receiver, even when callback is a receiver word',
    document: oas3({ '/oauth/callback': { get: receiver() }, '/api/v1/apps/{app}/oauth2/callback': { post: receiver() } }),
    errors: [],
  },
  {
    name: 'paths without a hook word are never reported',
    document: oas3(postReceivers('/users', '/events', '/notifications/{id}', '/hookah-lounges')),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2(postReceivers('/hooks/github')),
    errors: [error('/hooks/github', '/_webhooks/github')],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/webhooks/stripe': operation('post', [], OK) }, { openapi: '3.0.3' }),
    errors: [error('/webhooks/stripe', '/_webhooks/stripe')],
  },
  {
    name: 'a receiver path item $ref-ed from another file is reported at its key in the main file',
    ...pathItemInFile('/hooks/sendgrid', 'paths/sendgrid.yaml', operation('post', [], OK)),
    errors: [error('/hooks/sendgrid', '/_webhooks/sendgrid')],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas3({ '/hooks/legacy-partner': { 'x-lint-ignore': { 'webhook-path-prefix': 'Partner hard-coded this URL' }, post: receiver() } }),
    errors: [],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/hooks/sendgrid'),
    errors: [],
  },
]);
