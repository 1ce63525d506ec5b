import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookMethodPost from '../src/functions/webhook-method-post';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook receivers use POST unless the producer requires another method.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas2, oas3],
  given: '$.paths',
  documentationUrl: docsUrl('webhook-method-post'),
  then: { function: webhookMethodPost },
};

export default rule;
