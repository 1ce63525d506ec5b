/** Small producer documents for the webhook-producer-* tables: every webhook is compliant unless a case changes it. */
import { INFO, indent, yamlText } from './yaml-text';

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

// YAML text of producer documents, written as a user would (YAML cases assert line numbers, so the text is exact).

/** The flow-style 200 a YAML webhook answers with unless a case says otherwise. */
export const OK_RESPONSES = "responses: { '200': { description: OK } }";
export const RECEIVED_RESPONSES = "responses: { '204': { description: Received } }";

/** A required JSON request body as one flow-style YAML line (schema `{ type: object }` unless given). */
export const flowJsonBody = (schema = '{ type: object }'): string => `requestBody: { required: true, content: { application/json: { schema: ${schema} } } }`;

/** A required application/json request body whose schema is the block-style `schema` lines. */
export const jsonBodyYaml = (schema: string[]): string[] => ['requestBody:', '  required: true', '  content:', '    application/json:', '      schema:', ...indent(schema, 8)];

/** A header parameter as a flow-style YAML list item. */
export const headerYaml = (name: string, required = true): string => `- { name: ${name}, in: header, ${required ? 'required: true, ' : ''}schema: { type: string } }`;

/** `parameters:` holding `items` (see headerYaml). */
export const parametersYaml = (...items: string[]): string[] => ['parameters:', ...indent(items, 2)];

/** A webhook operation as YAML lines: `method:`, its own `lines`, then `responses` (OK_RESPONSES unless given). */
export function webhookYaml(method: string, lines: string[] = [], responses: string[] = [OK_RESPONSES]): string[] {
  return [`${method}:`, ...indent([...lines, ...responses], 2)];
}

interface YamlHead {
  /** The `info` line (INFO unless given). */
  info?: string;
}

const namedItems = (webhooks: Record<string, string[]>): string[] => Object.entries(webhooks).flatMap(([name, item]) => [`  ${name}:`, ...indent(item, 4)]);

/** A 3.1 YAML document whose `webhooks` map each name to its path item's lines (and no paths). */
export function webhooksYaml(webhooks: Record<string, string[]>, { info = INFO }: YamlHead = {}): string {
  return yamlText(['openapi: 3.1.0', info, 'webhooks:', ...namedItems(webhooks)]);
}

/** A 3.0 YAML document whose `x-webhooks` map each name to its path item's lines; `paths: {}` unless `paths` lines are given. */
export function xWebhooksYaml(webhooks: Record<string, string[]>, { openapi = '3.0.3', info = INFO, paths = [] }: YamlHead & { openapi?: string; paths?: string[] } = {}): string {
  const pathLines = paths.length > 0 ? ['paths:', ...indent(paths, 2)] : ['paths: {}'];
  return yamlText([`openapi: ${openapi}`, info, ...pathLines, 'x-webhooks:', ...namedItems(webhooks)]);
}

/** GitHub's shape (3.1, YAML): a `push` webhook sending the required `headers` and a JSON object, answered with 200. */
export const githubPushYaml = (...headers: string[]): string =>
  webhooksYaml({ push: webhookYaml('post', [...parametersYaml(...headers.map((name) => headerYaml(name))), flowJsonBody()]) }, { info: 'info: { title: GitHub webhooks, version: 1.0.0 }' });
