import { oas2, oas3 } from '@stoplight/spectral-formats';
import type { RuleDefinition } from '@stoplight/spectral-core';
import webhookPathKebabCase, { fixWebhookPathKebabCase } from '../src/functions/webhook-path-kebab-case';
import { docsUrl } from '../src/docs-url';

const rule: RuleDefinition = {
  description: 'Segments after /_webhooks/ are kebab-case.',
  message: '{{error}}',
  severity: 'error',
  formats: [oas2, oas3],
  given: '$.paths',
  // Path keys live in the file that holds `paths`: report there, not inside a path item's `$ref` target.
  resolved: false,
  documentationUrl: docsUrl('webhook-path-kebab-case'),
  then: { function: webhookPathKebabCase },
  // lint --fix repairs it (src/fix applies the edits this returns); `rules` lists it as fixable.
  extensions: { fix: fixWebhookPathKebabCase },
};

export default rule;
