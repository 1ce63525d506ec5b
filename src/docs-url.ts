/** Where the rule pages are published; every rule's `documentationUrl` is this base plus `<rule-id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/spectral-webhooks/spectral-webhooks/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
