/** Small producer documents for the webhook-producer-* tables: every webhook is compliant unless a case changes it. */

type Json = Record<string, unknown>;

export const header = (name: string, required = true): Json => ({ name, in: 'header', required, schema: { type: 'string' } });

/** The payload every compliant webhook sends: a versioned, identified Standard Webhooks envelope. */
export function envelope(overrides: Json = {}): Json {
  return {
    type: 'object',
    required: ['type', 'timestamp', 'data'],
    properties: {
      type: { type: 'string', enum: ['invoice.paid'] },
      timestamp: { type: 'string', format: 'date-time' },
      api_version: { type: 'string' },
      data: { type: 'object', properties: { id: { type: 'string' } } },
    },
    ...overrides,
  };
}

/** A compliant webhook operation: POST, signed, identified, with a JSON payload and a 2xx response. */
export function webhook(overrides: Json = {}): Json {
  return {
    summary: 'An invoice was paid',
    parameters: [header('webhook-id'), header('webhook-timestamp'), header('webhook-signature')],
    requestBody: { required: true, content: { 'application/json': { schema: envelope() } } },
    responses: { '204': { description: 'Received' } },
    ...overrides,
  };
}

/** Subscription management in `paths`: create and delete. */
export const SUBSCRIPTION_PATHS: Json = {
  '/webhooks': { post: { responses: { '201': { description: 'Created' } } } },
  '/webhooks/{id}': { delete: { responses: { '204': { description: 'Deleted' } } } },
};

/** An OpenAPI 3.1 document with `webhooks`, subscription management and a retry policy. */
export function oas31(webhooks: Json, root: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Example', version: '1.0.0', 'x-webhook-retry': { attempts: 8, backoff: 'exponential' } },
    paths: SUBSCRIPTION_PATHS,
    webhooks,
    ...root,
  };
}

/** An OpenAPI 3.0 document with `x-webhooks`. */
export function oas30(xWebhooks: Json, root: Json = {}): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Example', version: '1.0.0', 'x-webhook-retry': { attempts: 8, backoff: 'exponential' } },
    paths: SUBSCRIPTION_PATHS,
    'x-webhooks': xWebhooks,
    ...root,
  };
}

/** An OpenAPI 3.0 document whose POST /subscriptions registers a callback. */
export function withCallback(callbackOperation: Json, method = 'post'): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Example', version: '1.0.0', 'x-webhook-retry': { attempts: 8 } },
    paths: {
      '/subscriptions': {
        post: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { callbackUrl: { type: 'string' } } } } } },
          responses: { '201': { description: 'Subscribed' } },
          callbacks: { onEvent: { '{$request.body#/callbackUrl}': { [method]: callbackOperation } } },
        },
      },
    },
  };
}

export const CALLBACK_PATH = ['paths', '/subscriptions', 'post', 'callbacks', 'onEvent', '{$request.body#/callbackUrl}'];
export const CALLBACK_NAME = 'callback "onEvent" (POST {$request.body#/callbackUrl}) of POST /subscriptions';
