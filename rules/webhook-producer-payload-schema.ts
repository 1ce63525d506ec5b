import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerPayloadSchema from '../src/functions/webhook-producer-payload-schema';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Each webhook an API sends documents its payload: a required request body with a JSON media type and a schema.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-payload-schema'),
  then: { function: webhookProducerPayloadSchema },
};

export default rule;
