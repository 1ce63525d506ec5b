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
import webhookLintIgnore from './webhook-lint-ignore';
import { registerRules } from '../src/functions/known-rules';

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
    'webhook-lint-ignore': webhookLintIgnore,
  },
} satisfies RulesetDefinition;

// webhook-lint-ignore knows (and re-runs) the rules registered here.
registerRules(ruleset.rules);

export = ruleset;
