import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { signatureHeaders, signatureScheme, verifySignature } from '../../src/runtime/signature';
import type { HeaderParameter } from '../../src/openapi/parameters';

const header = (name: string): HeaderParameter => ({ name, required: true, parameter: { name, in: 'header' }, jsonPath: [] });

describe('signatures probe sends and listen checks', () => {
  it('reads the scheme from the header parameters: Standard Webhooks, Svix, else an HMAC signature header', () => {
    expect(signatureScheme(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map(header))).toEqual({ kind: 'standard-webhooks', prefix: 'webhook', header: 'webhook-signature' });
    expect(signatureScheme(['svix-id', 'svix-timestamp', 'svix-signature'].map(header))).toEqual({ kind: 'standard-webhooks', prefix: 'svix', header: 'svix-signature' });
    expect(signatureScheme(['X-GitHub-Event', 'X-Hub-Signature-256'].map(header))).toEqual({ kind: 'hmac-sha256', header: 'X-Hub-Signature-256' });
    expect(signatureScheme(['Stripe-Signature'].map(header))).toEqual({ kind: 'stripe', header: 'Stripe-Signature' });
    // A companion header signs nothing.
    expect(signatureScheme(['X-Slack-Signature-Timestamp'].map(header))).toBeUndefined();
  });

  it("signs HMAC-SHA256 as GitHub documents it (GitHub's own test vector)", () => {
    const scheme = { kind: 'hmac-sha256', header: 'X-Hub-Signature-256' } as const;
    const headers = signatureHeaders(scheme, "It's a Secret to Everybody", 'Hello, World!', 'unused', new Date());
    expect(headers).toEqual({ 'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' });
    const received = { 'x-hub-signature-256': headers['X-Hub-Signature-256'] };
    expect(verifySignature(scheme, "It's a Secret to Everybody", Buffer.from('Hello, World!'), received)).toBeUndefined();
    expect(verifySignature(scheme, 'another secret', Buffer.from('Hello, World!'), received)).toBe('X-Hub-Signature-256 is not the HMAC-SHA256 of the body with the given secret');
  });

  it('signs Standard Webhooks so that the reference library verifies it, and refuses a stale timestamp', () => {
    const secret = `whsec_${Buffer.from('a test secret').toString('base64')}`;
    const scheme = { kind: 'standard-webhooks', prefix: 'webhook', header: 'webhook-signature' } as const;
    const headers = signatureHeaders(scheme, secret, '{"a":1}', 'msg_1', new Date());
    expect(new Webhook(secret).verify('{"a":1}', headers as never)).toEqual({ a: 1 });
    expect(verifySignature(scheme, secret, Buffer.from('{"a":1}'), headers)).toBeUndefined();
    const stale = signatureHeaders(scheme, secret, '{"a":1}', 'msg_1', new Date(Date.now() - 3600_000));
    expect(verifySignature(scheme, secret, Buffer.from('{"a":1}'), stale)).toBe('webhook-signature does not verify (Message timestamp too old)');
  });

  it("signs Stripe's t=...,v1=... over \"<t>.<body>\", and refuses another secret or a stale timestamp", () => {
    const scheme = { kind: 'stripe', header: 'Stripe-Signature' } as const;
    const at = new Date('2026-01-01T00:00:00Z');
    const headers = signatureHeaders(scheme, 'whsec_stripe', '{"id":"evt_1"}', 'unused', at);
    const expected = createHmac('sha256', 'whsec_stripe').update('1767225600.{"id":"evt_1"}').digest('hex');
    expect(headers).toEqual({ 'Stripe-Signature': `t=1767225600,v1=${expected}` });
    const now = signatureHeaders(scheme, 'whsec_stripe', '{"id":"evt_1"}', 'unused', new Date());
    const received = { 'stripe-signature': now['Stripe-Signature'] };
    expect(verifySignature(scheme, 'whsec_stripe', Buffer.from('{"id":"evt_1"}'), received)).toBeUndefined();
    expect(verifySignature(scheme, 'whsec_other', Buffer.from('{"id":"evt_1"}'), received)).toBe('Stripe-Signature has no v1 signature that is the HMAC-SHA256 of "<t>.<body>" with the given secret');
    expect(verifySignature(scheme, 'whsec_stripe', Buffer.from('{"id":"evt_1"}'), { 'stripe-signature': headers['Stripe-Signature'] })).toBe(
      'Stripe-Signature is signed, but its timestamp is more than 5 minutes away (a replay?)',
    );
  });
});
