import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusDocuments, GITHUB_WEBHOOKS, producerSummary, type Summary } from './corpus';

/**
 * The producer rules over real documents, through our linter: no document crashes the run, and the findings per rule
 * stay what the docs pages explain (each page's "On real documents" section says why these are right). A change in
 * a count is a change in behaviour on real specs: look at the findings, then update the table and the page.
 * Documents without webhooks, x-webhooks or callbacks (Stripe, Box, Discord, ...) must get no producer finding.
 */
const EXPECTED: Record<string, Summary> = {
  'adyen/BalancePlatformConfigurationNotification-v2.yaml': { 'webhook-producer-idempotency': 26, 'webhook-producer-retries': 1, 'webhook-producer-versioned-payload': 1 },
  'adyen/BalancePlatformTransferNotification-v4.json': { 'webhook-producer-idempotency': 2, 'webhook-producer-retries': 1, 'webhook-producer-versioned-payload': 1 },
  'adyen/Webhooks-v1.yaml': { 'webhook-producer-idempotency': 48, 'webhook-producer-retries': 1, 'webhook-producer-versioned-payload': 46 },
  'apideck/crm.yml': { 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
  'apideck/webhook.yml': {},
  'argo-workflows/swagger.json': {},
  'box/openapi.json': {},
  'discord/openapi.json': {},
  'dracor/api.yaml': {},
  'dropbox-sign/openapi.yaml': { 'webhook-producer-idempotency': 2, 'webhook-producer-payload-schema': 2, 'webhook-producer-retries': 1, 'webhook-producer-signature': 2, 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
  'line/webhook.yml': {},
  'meta-whatsapp/business-messaging-api_v23.0.yaml': {},
  'okta/management-minimal.yaml': { 'webhook-producer-idempotency': 6, 'webhook-producer-versioned-payload': 1 },
  'openai/openapi.json': { 'webhook-producer-signature': 16, 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
  'openai/openapi.yaml': { 'webhook-producer-signature': 16, 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
  'stripe/spec3.json': {},
  'stripe/spec3.yaml': {},
  'svix/lib-openapi.json': { 'webhook-producer-idempotency': 28, 'webhook-producer-signature': 28, 'webhook-producer-versioned-payload': 1 },
  'vonage/messages-olympus.yml': { 'webhook-producer-idempotency': 2, 'webhook-producer-retries': 1, 'webhook-producer-signature': 2, 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
  'vonage/number-insight.yml': { 'webhook-producer-idempotency': 2, 'webhook-producer-retries': 1, 'webhook-producer-signature': 2, 'webhook-producer-versioned-payload': 2 },
  'vonage/sms.yml': { 'webhook-producer-idempotency': 1, 'webhook-producer-signature': 2, 'webhook-producer-subscription-management': 1, 'webhook-producer-versioned-payload': 1 },
};

/**
 * The Standard Webhooks profile runs under Spectral (it is a ruleset of its own), which costs seconds per large
 * document, so it runs on GitHub's document and the small producer documents only.
 */
const EXPECTED_STANDARD_WEBHOOKS: Record<string, Summary> = {
  'adyen/BalancePlatformConfigurationNotification-v2.yaml': { 'standard-webhooks-envelope': 26, 'standard-webhooks-headers': 26 },
  'adyen/BalancePlatformTransferNotification-v4.json': { 'standard-webhooks-envelope': 2, 'standard-webhooks-headers': 2 },
  'adyen/Webhooks-v1.yaml': { 'standard-webhooks-envelope': 48, 'standard-webhooks-headers': 48 },
  'apideck/crm.yml': { 'standard-webhooks-envelope': 18, 'standard-webhooks-headers': 18 },
  'vonage/messages-olympus.yml': { 'standard-webhooks-envelope': 2, 'standard-webhooks-headers': 2 },
  'vonage/number-insight.yml': { 'standard-webhooks-envelope': 2, 'standard-webhooks-headers': 2 },
  'vonage/sms.yml': { 'standard-webhooks-envelope': 3, 'standard-webhooks-headers': 2 },
};

/** Timing depends on the machine; Spectral's parsing and $ref resolution of the 3-4 MB documents dominates. */
const PER_DOCUMENT_TIMEOUT = 120_000;

describe('producer rules on GitHub\'s webhooks (@octokit/openapi-webhooks, 261 webhooks)', () => {
  it('the bundled ruleset reports only what GitHub leaves out: a payload version and a retry policy', { timeout: PER_DOCUMENT_TIMEOUT }, async () => {
    expect(await producerSummary(GITHUB_WEBHOOKS)).toEqual({ 'webhook-producer-retries': 1, 'webhook-producer-versioned-payload': 1 });
  });

  it('the Standard Webhooks profile reports every webhook: GitHub predates the standard', { timeout: PER_DOCUMENT_TIMEOUT }, async () => {
    expect(await producerSummary(GITHUB_WEBHOOKS, 'standard-webhooks')).toEqual({
      'standard-webhooks-envelope': 263,
      'standard-webhooks-headers': 261,
      'webhook-producer-retries': 1,
      'webhook-producer-versioned-payload': 1,
    });
  });
});

describe('producer rules on the corpus (test/corpus/documents)', () => {
  it('lists the same documents as the table', () => {
    expect(corpusDocuments()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', { timeout: PER_DOCUMENT_TIMEOUT }, async (document) => {
    expect(await producerSummary(join(CORPUS_DIR, document))).toEqual(EXPECTED[document]);
  });

  it.each(Object.keys(EXPECTED_STANDARD_WEBHOOKS))('%s under the Standard Webhooks profile', { timeout: PER_DOCUMENT_TIMEOUT }, async (document) => {
    expect(await producerSummary(join(CORPUS_DIR, document), 'standard-webhooks')).toEqual({ ...EXPECTED[document], ...EXPECTED_STANDARD_WEBHOOKS[document] });
  });
});

