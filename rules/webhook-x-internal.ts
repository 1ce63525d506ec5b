import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookXInternal, { fixWebhookXInternal } from '../src/functions/webhook-x-internal';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook receivers are marked x-internal: true.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  documentationUrl: docsUrl('webhook-x-internal'),
  then: { function: webhookXInternal },
  // lint --fix repairs it (src/fix applies the edits this returns); `rules` lists it as fixable.
  extensions: { fix: fixWebhookXInternal },
};

export default rule;
