import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/lint/load-document';
import { createLinter, type Linter } from '../../src/lint/linter';
import { CORPUS_DIR, corpusDocuments, GITHUB_WEBHOOKS } from './corpus';

/**
 * webhook-path-prefix over real documents: the paths it reports, each one read and judged a receiver (issue #12). Every
 * other path of these APIs (Stripe's, Box's, Discord's, Okta's, OpenAI's webhook *management* among them) must stay
 * quiet. A change here is a change in behaviour on real specs: read the operation before updating the list.
 */
const RECEIVERS: Record<string, string[]> = {
  // Apideck's incoming-webhook URLs ("Execute a webhook", "Resolve and Execute a connection webhook").
  'apideck/webhook.yml': ['/webhook/w/{id}/{serviceId}', '/webhook/webhooks/{id}/execute/{serviceId}', '/webhook/webhooks/{id}/x/{serviceId}'],
  // DraCor's GitHub webhook receiver, signed with X-Hub-Signature.
  'dracor/api.yaml': ['/webhook/github'],
  // The endpoint a WhatsApp business implements to receive Meta's deliveries.
  'meta-whatsapp/business-messaging-api_v23.0.yaml': ['/whatsapp/webhooks'],
};

let linter: Linter | undefined;
async function receiverPaths(file: string): Promise<string[]> {
  const results = await (linter ??= createLinter()).lint(await loadDocument(file));
  return results.filter((result) => result.code === 'webhook-path-prefix').map((result) => String(result.path[1])).sort();
}

describe('webhook-path-prefix on real documents', () => {
  it.each(corpusDocuments())('%s: reports its receivers and nothing else', { timeout: 120_000 }, async (document) => {
    expect(await receiverPaths(join(CORPUS_DIR, document))).toEqual(RECEIVERS[document] ?? []);
  });

  it("GitHub's webhook descriptions (a producer's document): no receiver", { timeout: 120_000 }, async () => {
    expect(await receiverPaths(GITHUB_WEBHOOKS)).toEqual([]);
  });
});
