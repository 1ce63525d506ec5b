import { oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import standardWebhooksHeaders from '../src/functions/standard-webhooks-headers';
import { docsUrl } from '../src/docs-url';

/** Part of the opt-in Standard Webhooks profile (`spectral-webhooks/standard-webhooks`): off in the base ruleset. */
const rule: RuleDefinition = {
  description: 'Standard Webhooks: each webhook declares the required webhook-id, webhook-timestamp and webhook-signature headers.',
  message: '{{error}}',
  severity: 'error',
  recommended: false,
  formats: [oas3],
  given: '$',
  documentationUrl: docsUrl('standard-webhooks-headers'),
  then: { function: standardWebhooksHeaders },
};

export default rule;
