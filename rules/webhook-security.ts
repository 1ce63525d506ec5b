import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookSecurity from '../src/functions/webhook-security';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook receivers require authentication through a declared security scheme.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  documentationUrl: docsUrl('webhook-security'),
  then: { function: webhookSecurity },
};

export default rule;
