import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerSuccessResponse from '../src/functions/webhook-producer-success-response';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Each webhook an API sends documents the 2xx response that acknowledges a delivery, and no 3xx.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-success-response'),
  then: { function: webhookProducerSuccessResponse },
};

export default rule;
