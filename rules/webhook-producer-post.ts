import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerPost from '../src/functions/webhook-producer-post';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhooks an API sends are delivered with POST.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-post'),
  then: { function: webhookProducerPost },
};

export default rule;
