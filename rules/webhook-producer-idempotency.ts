import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerIdempotency, { DEFAULT_IDEMPOTENCY_HEADERS, DEFAULT_IDEMPOTENCY_PATTERNS, DEFAULT_IDEMPOTENCY_PROPERTIES } from '../src/functions/webhook-producer-idempotency';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Each webhook an API sends carries an event id consumers can de-duplicate on: a required id header or a required id property in the payload.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-idempotency'),
  then: { function: webhookProducerIdempotency, functionOptions: { headers: DEFAULT_IDEMPOTENCY_HEADERS, patterns: DEFAULT_IDEMPOTENCY_PATTERNS, properties: DEFAULT_IDEMPOTENCY_PROPERTIES } },
};

export default rule;
