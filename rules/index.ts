import type { RulesetDefinition } from '@stoplight/spectral-core';
import webhookPathPrefix from './webhook-path-prefix';
import webhookPathIdentifier from './webhook-path-identifier';
import webhookPathKebabCase from './webhook-path-kebab-case';
import webhookMethodPost from './webhook-method-post';
import webhookXInternal from './webhook-x-internal';
import webhookSecurity from './webhook-security';
import webhookHttps from './webhook-https';
import webhookProducerSignature from './webhook-producer-signature';
import webhookProducerPayloadSchema from './webhook-producer-payload-schema';
import webhookProducerIdempotency from './webhook-producer-idempotency';
import webhookProducerVersionedPayload from './webhook-producer-versioned-payload';
import webhookProducerSuccessResponse from './webhook-producer-success-response';
import webhookProducerPost from './webhook-producer-post';
import webhookProducerSubscriptionManagement from './webhook-producer-subscription-management';
import webhookProducerRetries from './webhook-producer-retries';
import standardWebhooksHeaders from './standard-webhooks-headers';
import standardWebhooksEnvelope from './standard-webhooks-envelope';
import webhookLintIgnore from './webhook-lint-ignore';

/** The ruleset `extends: ["spectral-webhooks"]` loads: every webhook rule at its default severity. */
const ruleset = {
  description: 'Webhook guideline: consumer receivers under /_webhooks/ and the webhooks an API sends.',
  documentationUrl: 'https://github.com/spectral-webhooks/spectral-webhooks#rules',
  rules: {
    'webhook-path-prefix': webhookPathPrefix,
    'webhook-path-identifier': webhookPathIdentifier,
    'webhook-path-kebab-case': webhookPathKebabCase,
    'webhook-method-post': webhookMethodPost,
    'webhook-x-internal': webhookXInternal,
    'webhook-security': webhookSecurity,
    'webhook-https': webhookHttps,
    'webhook-producer-signature': webhookProducerSignature,
    'webhook-producer-payload-schema': webhookProducerPayloadSchema,
    'webhook-producer-idempotency': webhookProducerIdempotency,
    'webhook-producer-versioned-payload': webhookProducerVersionedPayload,
    'webhook-producer-success-response': webhookProducerSuccessResponse,
    'webhook-producer-post': webhookProducerPost,
    'webhook-producer-subscription-management': webhookProducerSubscriptionManagement,
    'webhook-producer-retries': webhookProducerRetries,
    // Off here (recommended: false); on in the Standard Webhooks profile, rules/profiles/standard-webhooks.ts.
    'standard-webhooks-headers': standardWebhooksHeaders,
    'standard-webhooks-envelope': standardWebhooksEnvelope,
    'webhook-lint-ignore': webhookLintIgnore,
  },
} satisfies RulesetDefinition;

export = ruleset;
