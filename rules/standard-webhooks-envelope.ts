import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import standardWebhooksEnvelope from '../src/functions/standard-webhooks-envelope';
import { docsUrl } from '../src/docs-url';

/** Part of the opt-in Standard Webhooks profile (`spectral-webhooks/standard-webhooks`): off in the base ruleset. */
const rule: RuleDefinition = {
  description: 'Standard Webhooks: each webhook payload is an envelope with required type, timestamp and data.',
  message: '{{error}}',
  severity: 'warn',
  recommended: false,
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('standard-webhooks-envelope'),
  then: { function: standardWebhooksEnvelope, functionOptions: { allowSquashedData: false } },
};

export default rule;
