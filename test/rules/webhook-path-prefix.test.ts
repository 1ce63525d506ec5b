import { describeRule } from '../support/describe-rule';
import { guidelineCorrect, notOpenApi, oas2, oas3, postReceivers, receiver } from '../support/documents';
import { OK, operation, pathItemInFile, yamlPaths } from '../support/consumer-documents';
import { yamlText } from '../support/yaml-text';

/** A finding: the path, why it is a receiver (the strongest evidence, as the message gives it), where to move it. */
const error = (pathKey: string, suggestion: string, because: string) => ({
  code: 'webhook-path-prefix',
  path: ['paths', pathKey],
  severity: 'error' as const,
  message: `"${pathKey}" looks like a webhook receiver (${because}); move it under /_webhooks/ (${suggestion.startsWith('/') ? `e.g. ${suggestion}` : suggestion})`,
});
const hookWord = (word: string) => `hook word "${word}" in the path`;
const producer = (name: string) => `producer "${name}" in the path`;
const ACK = 'acknowledgement-only response';
const NO_PRODUCER = 'as /_webhooks/<producer>/...; the path names no producer';

describeRule('webhook-path-prefix', [
  {
    name: 'guideline correct: every /_webhooks/ example',
    document: guidelineCorrect(),
    errors: [],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email-sent',
    document: oas3(postReceivers('/hooks/sendgrid/email-sent')),
    errors: [error('/hooks/sendgrid/email-sent', '/_webhooks/sendgrid/email-sent', `${hookWord('hooks')}, ${producer('sendgrid')}`)],
  },
  {
    name: 'guideline incorrect: POST /hooks/sendgrid/email_sent (the suggestion is kebab-cased too)',
    document: oas3(postReceivers('/hooks/sendgrid/email_sent')),
    errors: [error('/hooks/sendgrid/email_sent', '/_webhooks/sendgrid/email-sent', `${hookWord('hooks')}, ${producer('sendgrid')}`)],
  },
  {
    name: 'receivers under other hook words',
    document: oas3(postReceivers('/webhooks/stripe', '/api/v2/webhook/github', '/_webhook/sendgrid', '/v1/producer-webhook/events')),
    errors: [
      error('/webhooks/stripe', '/_webhooks/stripe', `${hookWord('webhooks')}, ${producer('stripe')}`),
      error('/api/v2/webhook/github', '/api/v2/_webhooks/github', `${hookWord('webhook')}, ${producer('github')}`),
      error('/_webhook/sendgrid', '/_webhooks/sendgrid', `${hookWord('_webhook')}, ${producer('sendgrid')}`),
      error('/v1/producer-webhook/events', '/v1/_webhooks/producer/events', `${hookWord('producer-webhook')}, ${ACK}`),
    ],
  },
  {
    name: 'a lone /webhooks endpoint with no item path is a receiver; a producer before the hook word names it',
    document: oas3(postReceivers('/whatsapp/webhooks')),
    errors: [error('/whatsapp/webhooks', '/_webhooks/whatsapp', `${hookWord('webhooks')}, ${producer('whatsapp')}`)],
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
    errors: [error('/integrations/stripe/webhooks', '/integrations/_webhooks/stripe', `${hookWord('webhooks')}, ${producer('stripe')}`)],
  },
  {
    name: 'a receiver with a GET handshake in an API without webhook items is still a receiver',
    document: oas3({ '/whatsapp/webhooks': { get: receiver(), post: receiver() } }),
    errors: [error('/whatsapp/webhooks', '/_webhooks/whatsapp', `${hookWord('webhooks')}, ${producer('whatsapp')}`)],
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
    name: 'paths with no evidence of a receiver are not reported',
    document: oas3(postReceivers('/users', '/events', '/notifications/{id}', '/hookah-lounges')),
    errors: [],
  },
  {
    name: 'OpenAPI 2.0 document',
    document: oas2(postReceivers('/hooks/github')),
    errors: [error('/hooks/github', '/_webhooks/github', `${hookWord('hooks')}, ${producer('github')}`)],
  },
  {
    name: 'OpenAPI 3.0 document in YAML',
    document: yamlPaths({ '/webhooks/stripe': operation('post', [], OK) }, { openapi: '3.0.3' }),
    errors: [error('/webhooks/stripe', '/_webhooks/stripe', `${hookWord('webhooks')}, ${producer('stripe')}`)],
  },
  {
    name: 'a receiver path item $ref-ed from another file is reported at its key in the main file',
    ...pathItemInFile('/hooks/sendgrid', 'paths/sendgrid.yaml', operation('post', [], OK)),
    errors: [error('/hooks/sendgrid', '/_webhooks/sendgrid', `${hookWord('hooks')}, ${producer('sendgrid')}`)],
  },
  {
    name: 'x-lint-ignore on the path item suppresses the finding',
    document: oas3({ '/hooks/legacy-partner': { 'x-lint-ignore': { 'webhook-path-prefix': 'Partner hard-coded this URL' }, post: receiver() } }),
    errors: [],
  },
  // Evidence against a receiver: real paths an API uses to manage the webhooks it sends (issue #12).
  {
    name: 'management: an action or a part of the webhook after the hook segment',
    document: oas3(postReceivers('/user/webhooks/event/settings', '/user/webhooks/parse/stats', '/rest/api/3/webhook/refresh', '/item/webhook/update', '/webhooks/firehose/test', '/webhooks/v3/{appId}/subscriptions/{subscriptionId}')),
    errors: [],
  },
  {
    name: 'management: verb-style and RPC-style actions',
    document: oas3(postReceivers('/webhook.create.json', '/webhook.count.json', '/sandbox/transfer/fire_webhook', '/webhooks/regenerate-token/{id}', '/webhooks/resend/{activityId}', '/#Action=CreateWebhook', '/#X-Amz-Target=CodePipeline_20150709.DeregisterWebhookWithThirdParty', '/createWebhook')),
    errors: [],
  },
  {
    name: 'management: catalogues of event types, resources and filters',
    document: oas3(postReceivers('/v4/settings/webhooks/event_types', '/webhooks/resources', '/api/v1/webhooks/filters')),
    errors: [],
  },
  {
    name: 'management: a POST /hooks whose body carries the url to deliver to is a subscription being created',
    document: oas3({
      '/hooks': { post: receiver({ requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { url: { type: 'string' }, events: { type: 'array' } } } } } } }) },
    }),
    errors: [],
  },
  {
    name: 'management: an operationId or summary that starts with a management verb',
    document: oas3({
      '/hooks/partner': { post: receiver({ operationId: 'createPartnerHook' }) },
      '/webhooks/slack': { post: receiver({ summary: 'Register the Slack webhook' }) },
    }),
    errors: [],
  },
  {
    name: 'management: a hook path that also answers GET, PUT or DELETE is a webhook resource',
    document: oas3({ '/hooks/github': { post: receiver(), put: receiver(), delete: receiver() } }),
    errors: [],
  },
  {
    name: 'not a receiver: a notify action that messages people, or acts on one resource',
    document: oas3({
      '/v0.5/patients/sms/notify': { post: receiver({ summary: 'API for HIP to send SMS notifications to patients' }) },
      '/rest/api/3/issue/{issueIdOrKey}/notify': { post: receiver({ summary: 'Send notification for issue' }) },
    }),
    errors: [],
  },
  {
    name: "not a receiver: a signature header every operation takes signs the client's own calls (AWS)",
    document: oas3({
      '/recommendations': { post: receiver({ parameters: [{ name: 'X-Amz-Signature', in: 'header', schema: { type: 'string' } }] }) },
      '/events': { post: receiver({ parameters: [{ name: 'X-Amz-Signature', in: 'header', schema: { type: 'string' } }] }) },
      '/users': { get: receiver({ parameters: [{ name: 'X-Amz-Signature', in: 'header', schema: { type: 'string' } }] }) },
    }),
    errors: [],
  },
  // Evidence for a receiver, where the path alone says little.
  {
    name: "receiver: a producer's signature header among its parameters",
    document: oas3({
      '/payments/events': { post: receiver({ parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } }] }) },
      '/orders': { get: receiver() },
    }),
    errors: [error('/payments/events', NO_PRODUCER, `signature header Stripe-Signature, ${ACK}`)],
  },
  {
    name: 'receiver: the description says another system calls it (a Google-style RPC method names no producer)',
    document: oas3({ '/v2/{parent}/connections:processWebhook': { post: receiver({ summary: undefined, description: 'ProcessWebhook is called by the external SCM for notifying of events.' }) } }),
    errors: [error('/v2/{parent}/connections:processWebhook', NO_PRODUCER, `its description says another system calls it, ${hookWord('connections:processWebhook')}`)],
  },
  {
    name: 'receiver: a gateway callback named on-<event> that acknowledges a notification',
    document: oas3({
      '/v0.5/consents/hiu/on-notify': { post: receiver({ summary: 'Consent notification', description: 'This API is called by HIU as acknowledgement to consent notifications.' }) },
      '/v0.5/users/auth/init': { post: receiver({ summary: 'Initialize authentication from HIP', description: 'This API is called by HIPs to initiate authentication of users. A transactionId is returned by the corresponding callback API.' }) },
    }),
    errors: [error('/v0.5/consents/hiu/on-notify', NO_PRODUCER, 'it acknowledges a notification (a callback), callback-style name "on-notify"')],
  },
  {
    name: 'receiver: a notify endpoint another system calls with an event',
    document: oas3({
      '/v0.5/subscriptions/hiu/notify': {
        post: receiver({
          summary: 'Notification to HIU on basis of a granted subscription',
          description: 'This API is used by CM to notify a HIU for notification relevant to subscription.',
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { requestId: { type: 'string' }, timestamp: { type: 'string' }, event: { type: 'object' } } } } } },
          responses: { '202': { description: 'Accepted' } },
        }),
      },
    }),
    errors: [error('/v0.5/subscriptions/hiu/notify', NO_PRODUCER, 'another system notifies it, named for a notification it receives ("notify")')],
  },
  {
    name: 'receiver: an endpoint the description documents as the one a partner implements, and the callback URL it is',
    document: oas3({
      '/order-shipped': { post: receiver({ summary: 'Webhook invoked when an order ships' }) },
      '/v0.5/health-information/transfer': { post: receiver({ summary: 'health information transfer API', description: '**NOTE**: This API is actually the callback URL that is passed as **dataPushUrl** in the data request API.' }) },
    }),
    errors: [
      error('/order-shipped', NO_PRODUCER, `its description says the webhook is invoked on an event, ${ACK}`),
      error('/v0.5/health-information/transfer', NO_PRODUCER, `its description calls it a callback, ${ACK}`),
    ],
  },
  {
    name: 'receiver: the webhooks a partner implements, documented as paths ("This webhook will be invoked whenever ...")',
    document: oas3({
      '/order-accepted': { post: receiver({ summary: 'Order accepted', description: 'This webhook will be invoked whenever the order was accepted.' }) },
      '/order-time-updated': { post: receiver({ summary: 'Order time updated', description: 'Callback to notify recipients that there has been a change to the restaurant order times.' }) },
      '/orders': { get: receiver({ summary: 'List orders' }), post: receiver({ summary: 'Create an order' }) },
    }),
    errors: [
      error('/order-accepted', NO_PRODUCER, `its description says the webhook is invoked on an event, ${ACK}`),
      error('/order-time-updated', NO_PRODUCER, `its description calls it a callback, ${ACK}`),
    ],
  },
  {
    name: 'receiver: a callback endpoint external systems call, and an incoming webhook URL that takes data',
    document: oas3({
      '/c2c/v4/callback': { post: receiver({ summary: 'Receives external device update reports', description: 'External clouds can call this endpoint through their callback mechanism to report device updates.' }) },
      '/webhooks/feed/:token': { post: receiver({ summary: 'Send data to a feed via webhook URL.', operationId: 'createWebhookFeedData' }) },
    }),
    errors: [
      error('/c2c/v4/callback', NO_PRODUCER, 'its description says another system calls it, a callback endpoint ("callback")'),
      error('/webhooks/feed/:token', '/_webhooks/feed/:token', `it takes data sent through a webhook URL, ${hookWord('webhooks')}`),
    ],
  },
  {
    name: 'receiver: an incoming-webhook URL under a management-looking collection',
    document: oas3({
      '/webhook/webhooks': { get: receiver(), post: receiver() },
      '/webhook/webhooks/{id}': { get: receiver(), delete: receiver() },
      '/webhook/webhooks/{id}/execute/{serviceId}': { post: receiver({ summary: 'Execute a webhook' }) },
    }),
    errors: [error('/webhook/webhooks/{id}/execute/{serviceId}', NO_PRODUCER, `it executes an incoming webhook, ${hookWord('webhooks')}`)],
  },
  {
    name: 'receiver: templates stay templates in the suggestion, {param} and :param alike',
    document: oas3(postReceivers('/hooks/feed/:token', '/hooks/acme/{tenant}')),
    errors: [
      error('/hooks/feed/:token', '/_webhooks/feed/:token', `${hookWord('hooks')}, ${ACK}`),
      error('/hooks/acme/{tenant}', '/_webhooks/acme/{tenant}', `${hookWord('hooks')}, ${ACK}`),
    ],
  },
  {
    name: 'receiver: a hook word alone names no producer (/api/hooks)',
    document: oas3(postReceivers('/api/hooks')),
    errors: [error('/api/hooks', NO_PRODUCER, `${hookWord('hooks')}, ${ACK}`)],
  },
  {
    name: 'receiver: a producer named, but a segment kebab-case cannot spell: the message says which, not "no producer"',
    document: oas3(postReceivers('/hooks/sendgrid/email_😀_sent')),
    errors: [
      error(
        '/hooks/sendgrid/email_😀_sent',
        'as /_webhooks/<producer>/...; "email_😀_sent" cannot be spelt in kebab-case, rename it by hand',
        `${hookWord('hooks')}, ${producer('sendgrid')}`,
      ),
    ],
  },
  {
    name: 'a document that is not OpenAPI gets no findings',
    document: notOpenApi('/hooks/sendgrid'),
    errors: [],
  },
]);
