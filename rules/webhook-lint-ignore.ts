import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookLintIgnore from '../src/functions/webhook-lint-ignore';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Each x-lint-ignore names a rule of this ruleset, is well formed, and still suppresses a finding.',
  message: '{{error}}',
  severity: 'warn',
  formats: [oas2, oas3],
  // The function visits the nodes where x-lint-ignore is honoured (root, path items, operations, webhooks, callbacks).
  given: '$',
  documentationUrl: docsUrl('webhook-lint-ignore'),
  then: { function: webhookLintIgnore },
};

export default rule;
