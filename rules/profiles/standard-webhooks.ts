import type { RulesetDefinition } from '@stoplight/spectral-core';
import base from '../index';

/**
 * `extends: ["spectral-webhooks/standard-webhooks"]`: the whole base ruleset, plus the Standard Webhooks v1 checks
 * (standardwebhooks.com), which the base ruleset defines but leaves off.
 */
const standardWebhooks = {
  description: 'Webhook guideline plus Standard Webhooks v1: webhook-id, webhook-timestamp, webhook-signature headers and the type/timestamp/data envelope.',
  documentationUrl: 'https://github.com/spectral-webhooks/spectral-webhooks#standard-webhooks-profile',
  extends: [[base as RulesetDefinition, 'recommended']],
  rules: {
    'standard-webhooks-headers': true,
    'standard-webhooks-envelope': true,
  },
} satisfies RulesetDefinition;

export = standardWebhooks;
