import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookProducerSignature, { DEFAULT_SIGNATURE_HEADERS, DEFAULT_SIGNATURE_PATTERNS } from '../src/functions/webhook-producer-signature';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Each webhook an API sends documents how the consumer verifies it: a required signature header or a security requirement.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('webhook-producer-signature'),
  then: {
    function: webhookProducerSignature,
    functionOptions: { headers: DEFAULT_SIGNATURE_HEADERS, patterns: DEFAULT_SIGNATURE_PATTERNS },
  },
};

export default rule;
