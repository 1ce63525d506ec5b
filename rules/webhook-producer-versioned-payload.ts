import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerVersionedPayload, { DEFAULT_TYPE_PROPERTIES, DEFAULT_VERSION_HEADER_PATTERNS, DEFAULT_VERSION_PROPERTIES } from '../src/functions/webhook-producer-versioned-payload';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook payloads show a version consumers can branch on: a version property, a versioned event type, a versioned media type or a version header.',
  message: '{{error}}',
  severity: 'info',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-versioned-payload'),
  then: { function: webhookProducerVersionedPayload, functionOptions: { properties: DEFAULT_VERSION_PROPERTIES, typeProperties: DEFAULT_TYPE_PROPERTIES, headerPatterns: DEFAULT_VERSION_HEADER_PATTERNS } },
};

export default rule;
