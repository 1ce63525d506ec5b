import { isTemplated, pathSegments, pathWords, toKebabCase, WEBHOOKS_SEGMENT } from './paths';
import { GENERIC_SEGMENT_WORDS, VERSION_SEGMENT } from './receiver-vocabulary';

/** Where a receiver should live, or why no one but a person can say. */
/** A path to move a receiver to, or why none can be given (`unspellable`: the segment kebab-case cannot spell). */
export type SuggestedPath = { path: string } | { refusal: string; unspellable?: string };

export interface SuggestionWords {
  receiverWords: readonly string[];
  producers: readonly string[];
}

const GENERIC = new Set(GENERIC_SEGMENT_WORDS);

/** The lower-cased sets of one options object, built once: a document may have thousands of receivers. */
const setsOf = new WeakMap<SuggestionWords, { receiverWords: Set<string>; producers: Set<string> }>();
function wordSets(words: SuggestionWords) {
  let sets = setsOf.get(words);
  if (sets === undefined) {
    sets = {
      receiverWords: new Set(words.receiverWords.map((word) => word.toLowerCase())),
      producers: new Set(words.producers.map((word) => word.toLowerCase())),
    };
    setsOf.set(words, sets);
  }
  return sets;
}

/**
 * `/_webhooks/<producer>[/<event>]` for a receiver path, with the producer found anywhere in the path:
 * - `/hooks/sendgrid/email_sent` → `/_webhooks/sendgrid/email-sent` (the segment after the hook word);
 * - `/integrations/stripe/webhook` → `/integrations/_webhooks/stripe` (a producer before the hook word);
 * - `/v1/producer-webhook/events` → `/v1/_webhooks/producer/events` (the hook segment's other words);
 * - `/hooks/feed/:token` → `/_webhooks/feed/:token` (templates stay templates).
 * Segments before the hook word stay in front of `_webhooks`; every literal segment after it is kebab-cased, and one
 * that cannot be spelt in kebab-case (an emoji, punctuation only) is a refusal, as is a path that names no producer (`/api/hooks`,
 * `/v2/{parent}/connections:processWebhook`, `/v0.5/consents/hiu/on-notify`).
 */
export function suggestConsumerPath(pathKey: string, words: SuggestionWords): SuggestedPath {
  const segments = pathSegments(pathKey);
  const { receiverWords, producers } = wordSets(words);
  const literalWords = (index: number) => (isTemplated(segments[index] as string) ? [] : pathWords(segments[index] as string));
  const isGeneric = (index: number) => {
    const segment = segments[index] as string;
    return isTemplated(segment) || VERSION_SEGMENT.test(segment) || literalWords(index).every((word) => GENERIC.has(word) || receiverWords.has(word));
  };

  let hookIndex = -1;
  segments.forEach((_segment, index) => {
    if (literalWords(index).some((word) => receiverWords.has(word))) hookIndex = index;
  });
  const noProducer = (why: string): SuggestedPath => ({
    refusal: `${why}; only a person knows which producer calls it: move it to /_webhooks/<producer>/...`,
  });
  if (hookIndex === -1) return noProducer('the path names no hook word and no producer');
  const hookSegment = segments[hookIndex] as string;
  if (/[:#=]/.test(hookSegment)) return noProducer(`"${hookSegment}" is an RPC-style method, not a producer`);

  const known = segments.findIndex((segment, index) => !isTemplated(segment) && (producers.has(segment.toLowerCase()) || literalWords(index).some((word) => producers.has(word))));
  const leftover = pathWords(hookSegment).filter((word) => !receiverWords.has(word) && !GENERIC.has(word));
  let producerIndex = -1;
  let producer: string | undefined;
  if (known !== -1 && known !== hookIndex) producerIndex = known;
  else if (leftover.length > 0) producer = leftover.join('-');
  else if (hookIndex + 1 < segments.length && !isGeneric(hookIndex + 1)) producerIndex = hookIndex + 1;
  else if (hookIndex > 0 && !isGeneric(hookIndex - 1)) producerIndex = hookIndex - 1;
  if (producerIndex !== -1) producer = segments[producerIndex] as string;
  if (producer === undefined) return noProducer(`"${pathKey}" names no producer`);

  const before = segments.slice(0, hookIndex).filter((_segment, index) => index !== producerIndex);
  const after = segments.slice(hookIndex + 1).filter((_segment, index) => index + hookIndex + 1 !== producerIndex);
  const tail: string[] = [];
  for (const segment of [producer, ...after]) {
    if (isTemplated(segment)) {
      tail.push(segment);
      continue;
    }
    const kebab = toKebabCase(segment);
    if (kebab === '') return { refusal: `"${segment}" cannot be spelt in kebab-case (only letters and digits of any script, and hyphens, can be)`, unspellable: segment };
    tail.push(kebab);
  }
  return { path: '/' + [...before, WEBHOOKS_SEGMENT, ...tail].join('/') };
}
