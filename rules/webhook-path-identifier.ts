import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookPathIdentifier from '../src/functions/webhook-path-identifier';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'A webhook receiver path names its producer or event after /_webhooks/.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  // Path keys live in the file that holds `paths`: report there, not inside a path item's `$ref` target.
  resolved: false,
  documentationUrl: docsUrl('webhook-path-identifier'),
  then: { function: webhookPathIdentifier },
};

export default rule;
