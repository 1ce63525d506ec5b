/**
 * The words the receiver classifier knows, in one place so the docs page and the rule's options can name them.
 * None of them comes from a labelled set: they are the vocabulary of webhooks as producers document them.
 */

/** Words that, in a path segment, name a webhook endpoint. */
export const DEFAULT_RECEIVER_WORDS = ['webhook', 'webhooks', 'hook', 'hooks'];

/**
 * Words that name something a webhook *has* (its subscriptions, deliveries, ...): a word of the hook segment
 * (`webhook_endpoints`), or a whole segment after it (`/webhooks/settings`, `/webhook/event_types`).
 */
export const DEFAULT_MANAGEMENT_WORDS = [
  'endpoint', 'endpoints', 'subscription', 'subscriptions', 'subscribe', 'unsubscribe',
  'delivery', 'deliveries', 'attempt', 'attempts', 'log', 'logs', 'history',
  'config', 'configs', 'configuration', 'settings', 'setting', 'secret', 'secrets', 'key', 'keys', 'token', 'tokens',
  'ping', 'pings', 'test', 'tests', 'redeliver', 'retry', 'retries', 'status', 'stats', 'statistics',
  'types', 'event_types', 'resources', 'filters', 'filter', 'topics', 'categories', 'templates', 'failed', 'failures',
];

/**
 * Verbs that make an operation an action on a webhook (or on anything): in an operationId, a summary's first word,
 * a segment after the hook word or an RPC method name (`/webhook.create.json`, `:testNotify`, `/#Action=CreateHook`).
 */
export const MANAGEMENT_VERBS = [
  'create', 'list', 'get', 'set', 'add', 'register', 'unregister', 'update', 'delete', 'remove', 'edit', 'modify',
  'test', 'ping', 'resend', 'redeliver', 'retry', 'replay', 'recover', 'regenerate', 'rotate', 'fire', 'count',
  'enable', 'disable', 'activate', 'deactivate', 'refresh', 'renew', 'reset', 'subscribe', 'unsubscribe',
  'configure', 'search', 'find', 'retrieve', 'fetch', 'read', 'mark', 'patch', 'put', 'upsert', 'batch', 'export',
  'deregister', 'describe', 'generate', 'change', 'start', 'stop', 'cancel', 'validate', 'verify', 'toggle', 'assign',
];

/** Producers whose name in a path says whose deliveries it takes (`/stripe/webhook`, `/hooks/github`). */
export const DEFAULT_PRODUCERS = [
  'stripe', 'github', 'gitlab', 'bitbucket', 'gitea', 'twilio', 'sendgrid', 'mailgun', 'mailchimp', 'mandrill',
  'postmark', 'sparkpost', 'slack', 'discord', 'telegram', 'whatsapp', 'messenger', 'facebook', 'instagram', 'shopify',
  'woocommerce', 'bigcommerce', 'paypal', 'braintree', 'square', 'adyen', 'mollie', 'razorpay', 'paddle', 'chargebee',
  'recurly', 'zuora', 'plaid', 'zoom', 'hubspot', 'salesforce', 'intercom', 'zendesk', 'freshdesk', 'jira', 'linear',
  'docusign', 'dropbox', 'box', 'typeform', 'calendly', 'segment', 'svix', 'vonage', 'nexmo', 'plivo', 'telnyx',
  'bandwidth', 'okta', 'auth0', 'clerk', 'contentful', 'sanity', 'algolia', 'sentry', 'pagerduty', 'opsgenie',
  'datadog', 'circleci', 'travis', 'jenkins', 'vercel', 'netlify', 'heroku', 'aws', 'sns', 'eventbridge', 'azure',
  'gcp', 'pubsub', 'firebase', 'apple', 'google', 'microsoft', 'teams', 'line', 'viber', 'wechat', 'xero',
  'quickbooks', 'klaviyo', 'airtable', 'notion', 'trello', 'asana', 'monday', 'clickup', 'mux', 'cloudinary',
];

/** Path words that never name a producer: API roots, versions, and the vocabulary of hooks and callbacks itself. */
export const GENERIC_SEGMENT_WORDS = [
  'api', 'apis', 'rest', 'public', 'private', 'internal', 'external', 'integration', 'integrations', 'app', 'apps',
  'service', 'services', 'callback', 'callbacks', 'incoming', 'inbound', 'receive', 'receiver', 'receivers',
  'handler', 'handlers', 'listener', 'listeners', 'notify', 'notification', 'notifications', 'event', 'events',
  'example', 'examples', 'sample', 'samples', 'process', 'handle', 'execute', 'ingest', 'consume', 'push',
];

/** `v1`, `v0.5`, `v2beta1`, `2010-04-01`: a version segment, kept in front of `_webhooks`. */
export const VERSION_SEGMENT = /^(v\d+([._]\d+)*([a-z]+\d*)?|\d+([.-]\d+)*)$/i;

/** Channels of messages *to people*: `/patients/sms/notify` sends a text; it does not receive a webhook. */
export const PERSON_CHANNEL_WORDS = ['sms', 'email', 'mail', 'e-mail', 'push', 'text', 'message', 'messages', 'invitation', 'invite'];

/** Request-body properties that name where deliveries go: a body with one is a subscription being made. */
export const DELIVERY_TARGET_PROPERTIES = [
  'url', 'uri', 'target', 'target_url', 'targeturl', 'callback', 'callback_url', 'callbackurl', 'callback_uri',
  'webhook', 'webhook_url', 'webhookurl', 'webhook_uri', 'hook_url', 'hookurl', 'delivery_url', 'deliveryurl',
  'endpoint', 'endpoint_url', 'endpointurl', 'notification_url', 'notificationurl', 'notify_url', 'notifyurl',
  'destination', 'destination_url', 'address', 'post_url', 'payload_url', 'externaladdress', 'external_address',
];

/** Request-body properties of a subscription's settings. */
export const SUBSCRIPTION_PROPERTIES = [
  'event_types', 'eventtypes', 'event_type_names', 'eventtypenames', 'subscribed_events', 'enabled', 'active',
  'is_active', 'isactive', 'isenabled', 'is_enabled', 'secret', 'signing_secret', 'filter', 'filters', 'content_type',
];

/** Request-body properties of an event delivery: a name or type of what happened ... */
export const EVENT_NAME_PROPERTIES = ['event', 'event_type', 'eventtype', 'type', 'topic', 'event_name', 'eventname', 'notification', 'action', 'kind'];
/** ... and what it is about, or when. */
export const EVENT_DATA_PROPERTIES = [
  'data', 'payload', 'object', 'resource', 'body', 'events', 'timestamp', 'created', 'created_at', 'createdat',
  'occurred_at', 'occurredat', 'time', 'event_time', 'eventtime', 'sent_at', 'requestid', 'request_id', 'event_id', 'eventid',
];
