import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookPathPrefix, { fixWebhookPathPrefix } from '../src/functions/webhook-path-prefix';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Webhook receiver endpoints live under /_webhooks/.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  // Path keys live in the file that holds `paths`: report there, not inside a path item's `$ref` target.
  resolved: false,
  documentationUrl: docsUrl('webhook-path-prefix'),
  then: { function: webhookPathPrefix },
  // lint --fix repairs it (src/fix applies the edits this returns); `rules` lists it as fixable.
  extensions: { fix: fixWebhookPathPrefix },
};

export default rule;
