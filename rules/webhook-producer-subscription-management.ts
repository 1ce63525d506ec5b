import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerSubscriptionManagement, { DEFAULT_SUBSCRIPTION_WORDS } from '../src/functions/webhook-producer-subscription-management';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'A document that sends webhooks lets consumers create and delete subscriptions through its paths.',
  message: '{{error}}',
  severity: 'info',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-subscription-management'),
  then: { function: webhookProducerSubscriptionManagement, functionOptions: { words: DEFAULT_SUBSCRIPTION_WORDS } },
};

export default rule;
