import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerRetries, { DEFAULT_RETRY_EXTENSIONS, DEFAULT_RETRY_HEADER_PATTERNS, DEFAULT_RETRY_HEADERS, DEFAULT_RETRY_PROSE } from '../src/functions/webhook-producer-retries';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'A document that sends webhooks says whether and how failed deliveries are retried.',
  message: '{{error}}',
  severity: 'info',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-retries'),
  then: { function: webhookProducerRetries, functionOptions: { headers: DEFAULT_RETRY_HEADERS, patterns: DEFAULT_RETRY_HEADER_PATTERNS, extensions: DEFAULT_RETRY_EXTENSIONS, prose: DEFAULT_RETRY_PROSE } },
};

export default rule;
