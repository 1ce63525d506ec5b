import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVER_CLASSIFIER } from '../../src/openapi/receiver-classifier';
import { suggestConsumerPath } from '../../src/openapi/receiver-suggestion';

const suggest = (pathKey: string, producers: string[] = []) =>
  suggestConsumerPath(pathKey, { ...DEFAULT_RECEIVER_CLASSIFIER, producers: [...DEFAULT_RECEIVER_CLASSIFIER.producers, ...producers] });

describe('suggestConsumerPath: where --fix moves a receiver', () => {
  it.each([
    ['/hooks/sendgrid/email_sent', '/_webhooks/sendgrid/email-sent'],
    ['/api/v2/webhook/github', '/api/v2/_webhooks/github'],
    ['/integrations/stripe/webhook', '/integrations/_webhooks/stripe'],
    ['/whatsapp/webhooks', '/_webhooks/whatsapp'],
    ['/v1/producer-webhook/events', '/v1/_webhooks/producer/events'],
    ['/hooks/feed/:token', '/_webhooks/feed/:token'],
    ['/hooks/acme/{tenant}/orderShipped', '/_webhooks/acme/{tenant}/order-shipped'],
    ['/webhooks/AcmePay', '/_webhooks/acmepay'],
    ['/hooks/sendgrid/émail_envoyé', '/_webhooks/sendgrid/émail-envoyé'],
  ])('%s → %s', (pathKey, expected) => {
    expect(suggest(pathKey)).toEqual({ path: expected });
  });

  it('takes a producer the options name, wherever it is', () => {
    expect(suggest('/partners/acme-pay/hook', ['acme-pay'])).toEqual({ path: '/partners/_webhooks/acme-pay' });
  });

  it.each([
    ['/api/hooks', '"/api/hooks" names no producer'],
    ['/v2/{parent}/connections:processWebhook', '"connections:processWebhook" is an RPC-style method, not a producer'],
    ['/v0.5/consents/hiu/on-notify', 'the path names no hook word and no producer'],
    ['/hooks/stripe/---', '"---" cannot be spelt in kebab-case (only letters and digits of any script, and hyphens, can be)'],
    ['/hooks/stripe/email_😀_sent', '"email_😀_sent" cannot be spelt in kebab-case'],
  ])('refuses %s, saying why', (pathKey, why) => {
    const suggestion = suggest(pathKey);
    expect(suggestion).toHaveProperty('refusal');
    expect((suggestion as { refusal: string }).refusal.startsWith(why)).toBe(true);
  });
});
