import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookHttps, { fixWebhookHttps } from '../src/functions/webhook-https';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook receivers are served over HTTPS.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  documentationUrl: docsUrl('webhook-https'),
  then: { function: webhookHttps },
  // lint --fix repairs it (src/fix applies the edits this returns); `rules` lists it as fixable.
  extensions: { fix: fixWebhookHttps },
};

export default rule;
