import { isTemplated, pathSegments, segmentWords, toKebabCase, WEBHOOKS_SEGMENT } from './paths';

/**
 * The heuristic that tells a webhook *receiver* (an endpoint a producer calls) from an API's own webhook
 * *management* (subscriptions, deliveries), when neither sits under `/_webhooks/`.
 *
 * 1. A literal segment holds a receiver word (`webhook`, `hooks`, ...) as one of its words
 *    (`producer-webhook`, `webhook_endpoints` and `eventHooks` hold one).
 * 2. The last such segment decides. It is management when
 *    - the segment also holds a management word (`webhook_endpoints`, `webhook-subscriptions`), or
 *    - it is followed by a templated segment (`/hooks/{hook_id}`, `/hooks/{hook_id}/pings`: an item), or
 *    - it is followed by a literal management word (`/webhook/logs`, `/operational-webhook/endpoint`), or
 *    - it is the last segment and the document also has an item path under it (`/webhooks` beside `/webhooks/{id}`), or
 *    - it is the last segment, the path can be listed (GET), and the document addresses single webhooks elsewhere
 *      (`/channels/{channel_id}/webhooks` beside `/webhooks/{webhook_id}`, Discord's shape).
 * 3. Otherwise it is a receiver: `/hooks/sendgrid/email-sent`, `/webhooks/stripe`, `/api/v2/webhook/github`.
 *
 * Paths matching an exempt pattern (OAuth and SSO callbacks by default) are never receivers.
 */
export interface ReceiverHeuristicOptions {
  receiverWords: string[];
  managementWords: string[];
  /** Regular expressions (source text) matched against the whole path template. */
  exemptPaths: string[];
}

export const DEFAULT_RECEIVER_WORDS = ['webhook', 'webhooks', 'hook', 'hooks'];

export const DEFAULT_MANAGEMENT_WORDS = [
  'endpoint', 'endpoints', 'subscription', 'subscriptions', 'subscribe', 'unsubscribe',
  'delivery', 'deliveries', 'attempt', 'attempts', 'log', 'logs',
  'config', 'configs', 'configuration', 'settings', 'secret', 'secrets', 'key', 'keys',
  'ping', 'pings', 'test', 'tests', 'redeliver', 'retry', 'retries', 'status', 'stats',
];

export const DEFAULT_EXEMPT_PATHS = ['(^|/)(oauth2?|auth|sso|saml|oidc|login)(/|$)'];

export const DEFAULT_RECEIVER_HEURISTIC: ReceiverHeuristicOptions = {
  receiverWords: DEFAULT_RECEIVER_WORDS,
  managementWords: DEFAULT_MANAGEMENT_WORDS,
  exemptPaths: DEFAULT_EXEMPT_PATHS,
};

export interface ReceiverMatch {
  /** Index, in `pathSegments(path)`, of the segment that holds the receiver word. */
  hookSegmentIndex: number;
  /** The path this endpoint should have under `/_webhooks/`. */
  suggestedPath: string;
}

/**
 * Whether `path` looks like a webhook receiver that is not under `/_webhooks/`, given every path of the document
 * (`allPaths`, to recognise collections that have items).
 */
export function matchReceiverPath(
  path: string,
  allPaths: readonly string[],
  options: ReceiverHeuristicOptions = DEFAULT_RECEIVER_HEURISTIC,
  /** The path's operation keys (`get`, `post`, ...), when known. */
  methods: readonly string[] = [],
): ReceiverMatch | undefined {
  const segments = pathSegments(path);
  if (segments.includes(WEBHOOKS_SEGMENT)) return undefined;
  if (options.exemptPaths.some((pattern) => new RegExp(pattern, 'i').test(path))) return undefined;

  const receiverWords = new Set(options.receiverWords.map((word) => word.toLowerCase()));
  const managementWords = new Set(options.managementWords.map((word) => word.toLowerCase()));
  const holdsReceiverWord = (segment: string) =>
    !isTemplated(segment) && (receiverWords.has(segment.toLowerCase()) || segmentWords(segment).some((word) => receiverWords.has(word)));

  let hookIndex = -1;
  segments.forEach((segment, index) => {
    if (holdsReceiverWord(segment)) hookIndex = index;
  });
  if (hookIndex === -1) return undefined;

  const hookSegment = segments[hookIndex] as string;
  if (segmentWords(hookSegment).some((word) => managementWords.has(word))) return undefined;

  const next = segments[hookIndex + 1];
  if (next === undefined) {
    const prefix = '/' + segments.join('/') + '/';
    const hasItem = allPaths.some((other) => other.startsWith(prefix) && isTemplated(pathSegments(other)[segments.length] ?? ''));
    if (hasItem) return undefined;
    if (methods.includes('get') && addressesItems(hookSegment, allPaths)) return undefined;
  } else if (isTemplated(next)) {
    return undefined;
  } else if (segmentWords(next).some((word) => managementWords.has(word))) {
    return undefined;
  }

  return { hookSegmentIndex: hookIndex, suggestedPath: suggestConsumerPath(segments, hookIndex, receiverWords) };
}

/** Whether some path of the document has `segment` followed by a templated one (`/webhooks/{webhook_id}`). */
function addressesItems(segment: string, allPaths: readonly string[]): boolean {
  return allPaths.some((other) => {
    const segments = pathSegments(other);
    return segments.some((each, index) => each === segment && isTemplated(segments[index + 1] ?? ''));
  });
}

/**
 * `/hooks/sendgrid/email_sent` → `/_webhooks/sendgrid/email-sent`; `/api/v2/webhook/github` → `/api/v2/_webhooks/github`;
 * `/v1/producer-webhook/events` → `/v1/_webhooks/producer/events` (the words left in the hook segment name the producer).
 */
function suggestConsumerPath(segments: string[], hookIndex: number, receiverWords: Set<string>): string {
  const before = segments.slice(0, hookIndex);
  const leftover = segmentWords(segments[hookIndex] as string).filter((word) => !receiverWords.has(word));
  const after = [...(leftover.length > 0 ? [leftover.join('-')] : []), ...segments.slice(hookIndex + 1)];
  const kebabAfter = after.map((segment) => (isTemplated(segment) ? segment : toKebabCase(segment) || segment));
  return '/' + [...before, WEBHOOKS_SEGMENT, ...kebabAfter].join('/');
}
