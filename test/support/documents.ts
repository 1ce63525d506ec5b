/** Small, valid documents for the rule tables: every receiver is compliant unless a case changes it. */

type Json = Record<string, unknown>;

/** A compliant receiver operation. */
export function receiver(overrides: Json = {}): Json {
  return {
    'x-internal': true,
    summary: 'Receive an event',
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
    responses: { '204': { description: 'Received' } },
    ...overrides,
  };
}

/** An OpenAPI 3 document (3.1 unless `openapi` is overridden) over https with a declared, required API key. */
export function oas3(paths: Json, root: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Example', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ webhookSecret: [] }],
    paths,
    components: { securitySchemes: { webhookSecret: { type: 'apiKey', in: 'header', name: 'X-Webhook-Secret' } } },
    ...root,
  };
}

/** An OpenAPI 2.0 document over https with a declared, required API key. */
export function oas2(paths: Json, root: Json = {}): Json {
  return {
    swagger: '2.0',
    info: { title: 'Example', version: '1.0.0' },
    host: 'api.example.com',
    schemes: ['https'],
    security: [{ webhookSecret: [] }],
    securityDefinitions: { webhookSecret: { type: 'apiKey', in: 'header', name: 'X-Webhook-Secret' } },
    paths,
    ...root,
  };
}

/** `{ post: receiver() }` for each path. */
export function postReceivers(...paths: string[]): Json {
  return Object.fromEntries(paths.map((path) => [path, { post: receiver() }]));
}

/** Every receiver path the guideline gives as correct. */
export const GUIDELINE_RECEIVERS = ['/_webhooks/sendgrid/email-sent', '/_webhooks/sendgrid/email-opened', '/_webhooks/sendgrid/email-clicked', '/_webhooks/sendgrid', '/_webhooks/email-event'];

/** The guideline's correct examples, each a compliant POST receiver. */
export const guidelineCorrect = (): Json => oas3(postReceivers(...GUIDELINE_RECEIVERS));

/** The guideline's incorrect examples (GET /_webhooks/sendgrid/email-sent, POST /_webhooks/), otherwise compliant. */
export const guidelineIncorrect = (): Json => oas3({ '/_webhooks/sendgrid/email-sent': { get: receiver() }, '/_webhooks/': { post: receiver() } });

/** An AsyncAPI document (no rule applies) with one empty `method` operation at `pathKey`; `root` keys come before `paths`. */
export const notOpenApi = (pathKey: string, method = 'post', root: Json = {}): Json => ({ asyncapi: '2.6.0', ...root, paths: { [pathKey]: { [method]: {} } } });
