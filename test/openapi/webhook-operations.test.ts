import { describe, expect, it } from 'vitest';
import { describeWebhook, webhookOperations, webhooksAnchor } from '../../src/openapi/webhook-operations';

const op = (summary: string) => ({ summary, requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'OK' } } });

/** What a reader of a finding sees: the description and where it points. */
const seen = (root: unknown) => webhookOperations(root).map((item) => [item.kind, describeWebhook(item), item.jsonPath.join(' > ')]);

describe('webhookOperations', () => {
  it('finds OpenAPI 3.1 webhooks, every method of each path item', () => {
    const root = { openapi: '3.1.0', webhooks: { 'invoice.paid': { post: op('a'), put: op('b') }, '/AUTHORISATION': { post: op('c') } } };
    expect(seen(root)).toEqual([
      ['webhook', 'webhook "invoice.paid" (PUT)', 'webhooks > invoice.paid > put'],
      ['webhook', 'webhook "invoice.paid" (POST)', 'webhooks > invoice.paid > post'],
      ['webhook', 'webhook "/AUTHORISATION" (POST)', 'webhooks > /AUTHORISATION > post'],
    ]);
  });

  it('finds x-webhooks shaped as path items and as callbacks, skipping extension keys', () => {
    const root = {
      openapi: '3.0.3',
      'x-webhooks': {
        'x-sdk-exclude': true,
        'x-speakeasy-ignore': { post: op('not a webhook') },
        ActivityCreated: { post: op('apideck') },
        'inbound-sms': { '{$request.body#/callback}': { post: op('vonage') }, 'x-note': { post: op('no') } },
      },
    };
    expect(seen(root)).toEqual([
      ['x-webhook', 'webhook "ActivityCreated" (POST)', 'x-webhooks > ActivityCreated > post'],
      ['x-webhook', 'webhook "inbound-sms" (POST {$request.body#/callback})', 'x-webhooks > inbound-sms > {$request.body#/callback} > post'],
    ]);
  });

  it('finds callbacks of operations in paths, and callbacks inside callbacks', () => {
    const inner = { '{$request.body#/statusUrl}': { post: op('status') } };
    const root = {
      openapi: '3.0.0',
      paths: {
        '/sms': { post: { ...op('send'), callbacks: { 'delivery-receipt': { '{$request.body#/callback}': { post: { ...op('dr'), callbacks: { status: inner } } } } } } },
        '/plain': { get: op('no callbacks') },
      },
    };
    expect(seen(root)).toEqual([
      ['callback', 'callback "delivery-receipt" (POST {$request.body#/callback}) of POST /sms', 'paths > /sms > post > callbacks > delivery-receipt > {$request.body#/callback} > post'],
      [
        'callback',
        'callback "status" (POST {$request.body#/statusUrl}) of callback "delivery-receipt" (POST {$request.body#/callback}) of POST /sms',
        'paths > /sms > post > callbacks > delivery-receipt > {$request.body#/callback} > post > callbacks > status > {$request.body#/statusUrl} > post',
      ],
    ]);
  });

  it('finds components.callbacks, once even when an operation $refs them', () => {
    const root = {
      openapi: '3.0.0',
      paths: { '/subscribe': { post: { ...op('sub'), callbacks: { onEvent: { $ref: '#/components/callbacks/Event' } } } } },
      components: { callbacks: { Event: { '{$request.query.url}': { post: op('event') } }, Unused: { '{$url}': { post: op('unused') } } } },
    };
    expect(seen(root)).toEqual([
      ['callback', 'callback "onEvent" (POST {$request.query.url}) of POST /subscribe', 'components > callbacks > Event > {$request.query.url} > post'],
      ['callback', 'callback "Unused" (POST {$url})', 'components > callbacks > Unused > {$url} > post'],
    ]);
  });

  it('follows a $ref to components.pathItems left in the document, reporting the operation where it lives, once', () => {
    const root = {
      openapi: '3.1.0',
      webhooks: { 'a.created': { $ref: '#/components/pathItems/Event' }, 'a.updated': { $ref: '#/components/pathItems/Event' } },
      components: { pathItems: { Event: { post: op('event') } } },
    };
    expect(seen(root)).toEqual([['webhook', 'webhook "a.created" (POST)', 'components > pathItems > Event > post']]);
  });

  it('in a resolved document (the $ref replaced by its target) reports the path through the webhook', () => {
    const shared = { post: op('event') };
    const root = { openapi: '3.1.0', webhooks: { 'a.created': shared }, components: { pathItems: { Event: shared } } };
    expect(seen(root)).toEqual([['webhook', 'webhook "a.created" (POST)', 'webhooks > a.created > post']]);
  });

  it('ends on circular callbacks and circular $refs', () => {
    const root: Record<string, unknown> = {
      openapi: '3.0.0',
      components: { callbacks: { Loop: { '{$url}': { post: { ...op('loop'), callbacks: { again: { $ref: '#/components/callbacks/Loop' } } } } }, Self: { $ref: '#/components/callbacks/Self' } } },
    };
    expect(seen(root)).toEqual([['callback', 'callback "Loop" (POST {$url})', 'components > callbacks > Loop > {$url} > post']]);

    const cyclic: Record<string, unknown> = { post: op('cyclic') };
    (cyclic.post as Record<string, unknown>).callbacks = { me: { '{$url}': cyclic } };
    expect(seen({ openapi: '3.1.0', webhooks: { c: cyclic } })).toEqual([['webhook', 'webhook "c" (POST)', 'webhooks > c > post']]);
  });

  it('skips what is not a webhook: bad shapes, non-objects, documents without webhooks', () => {
    expect(seen(null)).toEqual([]);
    expect(seen({ openapi: '3.1.0', webhooks: { a: 'text', b: [], c: { summary: 'no operations' } }, 'x-webhooks': [], paths: { '/x': null } })).toEqual([]);
    expect(seen({ swagger: '2.0', paths: { '/hooks': { post: op('consumer side') } } })).toEqual([]);
  });

  it('is computed once per document', () => {
    const root = { openapi: '3.1.0', webhooks: { a: { post: op('a') } } };
    expect(webhookOperations(root)).toBe(webhookOperations(root));
  });

  it('anchors document-wide findings at webhooks, then x-webhooks, then the first operation', () => {
    const a = { openapi: '3.1.0', webhooks: { a: { post: op('a') } }, 'x-webhooks': { b: { post: op('b') } } };
    expect(webhooksAnchor(a, webhookOperations(a))).toEqual(['webhooks']);
    const b = { openapi: '3.0.0', 'x-webhooks': { b: { post: op('b') } } };
    expect(webhooksAnchor(b, webhookOperations(b))).toEqual(['x-webhooks']);
    const c = { openapi: '3.0.0', paths: { '/s': { post: { callbacks: { cb: { '{$url}': { post: op('c') } } } } } } };
    expect(webhooksAnchor(c, webhookOperations(c))).toEqual(['paths', '/s', 'post', 'callbacks', 'cb', '{$url}', 'post']);
  });
});
