import { isObject, ownEntries, ownValue, type JsonObject } from './json';
import { HTTP_METHODS, type HttpMethod } from './operations';
import { headerNames, operationShape, type OperationShape } from './operation-shape';
import { idWords, operationText, type OperationText } from './operation-text';
import { PathFamily } from './path-family';
import { isConsumerPath, isTemplated, pathSegments, pathWords } from './paths';
import { suggestConsumerPath, type SuggestedPath } from './receiver-suggestion';
import { outboundTextCue, receiverTextCue } from './receiver-text-cues';
import {
  DEFAULT_MANAGEMENT_WORDS, DEFAULT_PRODUCERS, DEFAULT_RECEIVER_WORDS, DELIVERY_TARGET_PROPERTIES,
  EVENT_DATA_PROPERTIES, EVENT_NAME_PROPERTIES, MANAGEMENT_VERBS, PERSON_CHANNEL_WORDS, SUBSCRIPTION_PROPERTIES,
} from './receiver-vocabulary';
import { DEFAULT_SIGNATURE_HEADERS, isSignatureHeader } from './signature-headers';

/** What a team can add to the classifier's vocabulary (webhook-path-prefix's options extend the defaults). */
export interface ReceiverClassifierOptions {
  /** Words that name a webhook endpoint in a path segment. */
  receiverWords: readonly string[];
  /** Words that, in or after the hook segment, name something a webhook has (subscriptions, deliveries, ...). */
  managementWords: readonly string[];
  /** Producer names that, in a path, say whose deliveries it takes. */
  producers: readonly string[];
  /** Regular expressions (source text, case-insensitive) matched against the path: a match is never a receiver. */
  exemptPaths: readonly string[];
}

/**
 * Sign-in redirects are callbacks too, but of a browser flow, not deliveries: `/oauth/callback`, `/saml/acs`,
 * `/auth/callback`. (`/users/auth/on-notify`, a callback about authentication, is not exempt.)
 */
export const DEFAULT_EXEMPT_PATHS = ['(^|/)(oauth2?|sso|saml|oidc|openid|login|logout|signin|signout)(/|$)', '(^|/)auth/(callback|redirect|return)(/|$)'];

export const DEFAULT_RECEIVER_CLASSIFIER: ReceiverClassifierOptions = {
  receiverWords: DEFAULT_RECEIVER_WORDS,
  managementWords: DEFAULT_MANAGEMENT_WORDS,
  producers: DEFAULT_PRODUCERS,
  exemptPaths: DEFAULT_EXEMPT_PATHS,
};

export interface Evidence {
  /** Positive: says receiver; negative: says management or something else. */
  weight: number;
  /** A few words a reviewer can check: `a Stripe-Signature header`, `also answers GET`. */
  says: string;
  /** The word it rests on, when it rests on one: the same word is counted once however many places say it. */
  word?: string;
}

export interface ReceiverVerdict {
  pathKey: string;
  receiver: boolean;
  score: number;
  evidence: Evidence[];
  /** For a receiver, from `classifyReceivers`: where it should live, or why only a person can say. */
  suggestion?: SuggestedPath;
}

/** The smallest sum of evidence, and the smallest single piece, that make a receiver. */
const RECEIVER_SCORE = 2;
const STRONG = 2;

/** `on-notify`, `on_search`, `onConfirm`: the async-callback naming of gateway protocols. */
const CALLBACK_STYLE = /^on([-_][a-z]|[A-Z][a-z])/;

/** A last segment that is one callback (`/callback`, `/_callback`); `/callbacks` is a collection of them. */
function isCallbackSegment(segment: string): boolean {
  return /^_*callback$/i.test(segment);
}

/** One verdict per path of the document that is not already under `/_webhooks/`; receivers carry their suggested path. */
export function classifyReceivers(root: unknown, options: ReceiverClassifierOptions = DEFAULT_RECEIVER_CLASSIFIER): ReceiverVerdict[] {
  const paths = isObject(root) ? ownValue(root, 'paths') : undefined;
  if (!isObject(paths)) return [];
  const classifier = new ReceiverClassifier(root, Object.keys(paths), options);
  const verdicts: ReceiverVerdict[] = [];
  for (const [pathKey, pathItem] of ownEntries(paths)) {
    if (!isObject(pathItem) || isConsumerPath(pathKey)) continue;
    const verdict = classifier.classify(pathKey, pathItem);
    if (verdict.receiver) verdict.suggestion = suggestConsumerPath(pathKey, options);
    verdicts.push(verdict);
  }
  return verdicts;
}

/**
 * Tells a webhook *receiver* (an endpoint another system calls to deliver an event: the API is the consumer) from the
 * API's own webhook *management* (subscriptions, deliveries, tests) and from everything else, by weighing evidence
 * from the whole operation and its document, not only the path's words. Build it once per document, classify each
 * path item.
 *
 * Each piece of evidence has a weight: positive for a receiver, negative against. A path is a receiver when it takes
 * POST (or has that one operation only), at least one *strong* piece (weight ≥ 2: a hook word in the path, the
 * description, a signature header, a callback-style name) says so, and the sum is at least 2. The evidence is kept,
 * so a finding can say why. docs/rules/webhook-path-prefix.md lists every piece and its weight.
 */
export class ReceiverClassifier {
  /** Built on first need, from every path: only a path with a hook word asks about its family. */
  private familyIndex: PathFamily | undefined;
  private readonly receiverWords: Set<string>;
  private readonly managementWords: Set<string>;
  private readonly producers: Set<string>;
  private readonly exempt: RegExp[];
  /** Computed on first need: a pass over every operation, which only a path with a signature header needs. */
  private clientSignatures: Set<string> | undefined;
  /** Words of each literal segment seen: real APIs repeat the same few segments (`v1`, `api`, `webhooks`) many times. */
  private readonly wordCache = new Map<string, string[]>();

  constructor(
    private readonly root: unknown,
    private readonly allPaths: readonly string[],
    options: ReceiverClassifierOptions,
  ) {
    this.receiverWords = lowerSet(options.receiverWords);
    // Compared with a segment's words run together: `event_types`, `event-types` and `eventTypes` are one word.
    this.managementWords = new Set(options.managementWords.map((word) => pathWords(word).join('')));
    this.producers = lowerSet(options.producers);
    this.exempt = options.exemptPaths.map((source) => new RegExp(source, 'i'));
  }

  classify(pathKey: string, pathItem: JsonObject): ReceiverVerdict {
    const verdict = (evidence: Evidence[]): ReceiverVerdict => {
      const score = evidence.reduce((sum, each) => sum + each.weight, 0);
      const strong = evidence.some((each) => each.weight >= STRONG);
      return { pathKey, receiver: strong && score >= RECEIVER_SCORE, score, evidence: [...evidence].sort((a, b) => b.weight - a.weight) };
    };
    if (this.exempt.some((pattern) => pattern.test(pathKey))) return verdict([]);
    // The operation a producer would call: POST, or the path's only operation (a receiver on GET or PUT breaks the
    // guideline's SHOULD, and webhook-method-post says so once it is under /_webhooks/).
    const methods = HTTP_METHODS.filter((method) => method !== 'options' && method !== 'head' && isObject(ownValue(pathItem, method)));
    const method = methods.includes('post') ? 'post' : methods.length === 1 ? methods[0] : undefined;
    const operation = method === undefined ? undefined : ownValue(pathItem, method);
    if (method === undefined || !isObject(operation)) return verdict([]);

    const segments = pathSegments(pathKey);
    const words = segments.map((segment) => (isTemplated(segment) ? [] : this.wordsOf(segment)));
    const text = operationText(operation);
    const headers = headerNames(this.root, pathItem, operation);
    // A receiver needs one strong piece of evidence. Most paths of a real API have none: decide them here, before the
    // reads of bodies, responses and the whole document that only a candidate needs.
    if (!this.hasStrongReceiverCue(segments, words, text, headers)) return verdict([]);

    const evidence: Evidence[] = [];
    this.weighPath(segments, words, methods.includes('get'), evidence);
    weighMethods(methods, method, evidence);
    this.weighOperation(pathItem, operation, text, headers, evidence);
    return verdict(oncePerWord(evidence));
  }

  private hasStrongReceiverCue(segments: string[], words: string[][], text: OperationText, headers: Set<string>): boolean {
    if (words.some((each) => each.some((word) => this.receiverWords.has(word)))) return true;
    const lastLiteral = segments.length > 0 && !isTemplated(segments[segments.length - 1] as string) ? (segments[segments.length - 1] as string) : '';
    if (CALLBACK_STYLE.test(lastLiteral) || lastLiteral.toLowerCase() === 'notify' || isCallbackSegment(lastLiteral)) return true;
    for (const name of headers) if (isSignatureHeader(name)) return true;
    return receiverTextCue(text) !== undefined;
  }

  private get family(): PathFamily {
    return (this.familyIndex ??= new PathFamily(this.allPaths));
  }

  private wordsOf(segment: string): string[] {
    let words = this.wordCache.get(segment);
    if (words === undefined) {
      words = pathWords(segment);
      this.wordCache.set(segment, words);
    }
    return words;
  }

  /** Hook words, callback-style names, producers, item and collection families, actions in the path. */
  private weighPath(segments: string[], words: string[][], answersGet: boolean, evidence: Evidence[]): void {
    const hookIndex = lastIndexWhere(words, (each) => each.some((word) => this.receiverWords.has(word)));
    const last = segments.length - 1;
    const lastLiteral = lastIndexWhere(segments, (segment) => !isTemplated(segment));

    if (hookIndex !== -1) {
      const hook = segments[hookIndex] as string;
      evidence.push({ weight: 2, says: `hook word "${hook}" in the path` });
      const ownManagement = (words[hookIndex] ?? []).find((word) => this.managementWords.has(word) || MANAGEMENT_VERBS.includes(word));
      if (ownManagement) evidence.push({ weight: -3, says: `the hook segment names "${ownManagement}"` });
      const next = segments[hookIndex + 1];
      if (next !== undefined && isTemplated(next)) {
        evidence.push({ weight: -3, says: `it sits under one webhook ("${hook}/${next}")` });
      } else if (hookIndex === last && this.family.hasItems(segments)) {
        evidence.push({ weight: -3, says: 'it is a collection with item paths' });
      } else if (hookIndex === last && answersGet && this.family.addressesItems(hook)) {
        evidence.push({ weight: -2, says: `the document addresses single "${hook}" elsewhere` });
      }
      // A part of the webhook (`/settings`, `/logs`) anywhere after the hook word; an action (`/update`) right after it
      // or after an item: further on, a verb is more likely an event's name (`/hooks/shopify/ordersCreate`).
      // A whole segment, not a word of one: `payment-failed` is an event, `failed` a list of failed deliveries.
      for (let index = hookIndex + 1; index < segments.length; index++) {
        const actionPlace = index === hookIndex + 1 || isTemplated(segments[index - 1] as string);
        const segmentWordList = words[index] ?? [];
        const whole = segmentWordList.join('');
        const verb = actionPlace ? segmentWordList.find((word) => MANAGEMENT_VERBS.includes(word)) : undefined;
        const action = this.managementWords.has(whole) ? whole : verb;
        if (action) {
          evidence.push({ weight: -3, says: `"${action}" after the hook segment`, word: action });
          break;
        }
      }
    }

    if (lastLiteral !== -1) {
      const segment = segments[lastLiteral] as string;
      const rpcVerb = rpcMethodVerb(segment);
        if (rpcVerb) evidence.push({ weight: -3, says: `an RPC-style action ("${rpcVerb}")`, word: rpcVerb });
      const methodVerb = rpcVerb ? undefined : methodStyleVerb(segment);
      if (methodVerb) evidence.push({ weight: -3, says: `a method-style action ("${segment}")`, word: methodVerb });
      if (CALLBACK_STYLE.test(segment) && lastLiteral === last) {
        evidence.push({ weight: 2, says: `callback-style name "${segment}"` });
      }
      if (isCallbackSegment(segment) && lastLiteral === last) {
        evidence.push({ weight: 2, says: `a callback endpoint ("${segment}")` });
      }
      const previous = segments[lastLiteral - 1];
      if (segment.toLowerCase() === 'notify' && lastLiteral === last && hookIndex !== lastLiteral) {
        const template = segments.find((each) => isTemplated(each));
        if (template !== undefined) {
          evidence.push({ weight: -2, says: `an action on one resource ("${template}")` });
        } else if (previous !== undefined && PERSON_CHANNEL_WORDS.includes(previous.toLowerCase())) {
          evidence.push({ weight: -3, says: `a message to people ("${previous}/${segment}")` });
        } else {
          evidence.push({ weight: 2, says: 'named for a notification it receives ("notify")' });
        }
      }
    }

    const producer = segments.find((segment, index) => !isTemplated(segment) && (this.producers.has(segment.toLowerCase()) || (words[index] ?? []).some((word) => this.producers.has(word))));
    if (producer) evidence.push({ weight: 1, says: `producer "${producer}" in the path` });
  }

  /** What the POST operation says and takes: prose, headers, body, responses, operationId. */
  private weighOperation(pathItem: JsonObject, operation: JsonObject, text: OperationText, headers: Set<string>, evidence: Evidence[]): void {
    const receiverCue = receiverTextCue(text);
    if (receiverCue) evidence.push({ weight: 3, says: receiverCue });
    const outbound = outboundTextCue(text);
    if (outbound) evidence.push({ weight: -3, says: outbound });

    const verb = operationVerb(operation, text.summary);
    if (verb) evidence.push({ weight: -3, says: `a management action ("${verb}")`, word: verb });

    const signature = [...headers].find((name) => isSignatureHeader(name));
    if (signature && !(this.clientSignatures ??= clientAuthenticationHeaders(this.root)).has(signature)) {
      evidence.push({ weight: 3, says: `signature header ${signatureSpelling(signature)}` });
    }
    const shape = operationShape(this.root, pathItem, operation);
    weighBody(shape, evidence);
    weighResponses(shape, evidence);
  }
}

/**
 * Signature headers that sign the *client's* requests to this API, not a producer's deliveries: one that most
 * operations of the document take (AWS's X-Amz-Signature on every call), or one that comes with the credential or
 * algorithm headers of a request-signing scheme.
 */
function clientAuthenticationHeaders(root: unknown): Set<string> {
  const paths = isObject(root) ? ownValue(root, 'paths') : undefined;
  const client = new Set<string>();
  if (!isObject(paths)) return client;
  const counts = new Map<string, number>();
  let operations = 0;
  for (const [, pathItem] of ownEntries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = ownValue(pathItem, method);
      if (!isObject(operation)) continue;
      operations++;
      const headers = headerNames(root, pathItem, operation);
      const signs = [...headers].some((name) => /(credential|signedheaders|algorithm)$/.test(name));
      for (const name of headers) {
        if (!isSignatureHeader(name)) continue;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        if (signs) client.add(name);
      }
    }
  }
  for (const [name, count] of counts) if (operations >= 3 && count * 2 > operations) client.add(name);
  return client;
}

function weighMethods(methods: readonly HttpMethod[], receiving: HttpMethod, evidence: Evidence[]): void {
  if (methods.includes('get')) evidence.push({ weight: -2, says: receiving === 'get' ? 'it answers GET' : 'it also answers GET' });
  const writes = methods.filter((method) => method !== receiving && (method === 'put' || method === 'patch' || method === 'delete'));
  if (writes.length > 0) evidence.push({ weight: -3, says: `it also answers ${writes.map((method) => method.toUpperCase()).join('/')}` });
  if (receiving !== 'post' && receiving !== 'get') evidence.push({ weight: -2, says: `it answers ${receiving.toUpperCase()}, not POST` });
}

function weighBody(shape: OperationShape, evidence: Evidence[]): void {
  const body = shape.bodyProperties;
  const target = DELIVERY_TARGET_PROPERTIES.find((name) => body.has(name));
  if (target) evidence.push({ weight: -3, says: `the body names a delivery target ("${target}")` });
  const setting = SUBSCRIPTION_PROPERTIES.find((name) => body.has(name));
  if (setting) evidence.push({ weight: -2, says: `the body sets a subscription ("${setting}")` });
  const eventName = EVENT_NAME_PROPERTIES.find((name) => body.has(name));
  const eventData = EVENT_DATA_PROPERTIES.find((name) => body.has(name) && name !== eventName);
  if (eventName && eventData && !target) evidence.push({ weight: 1, says: `event-shaped body (${eventName}, ${eventData})` });
}

function weighResponses(shape: OperationShape, evidence: Evidence[]): void {
  const responses = shape.successResponses;
  const webhookObject = responses.find((response) => DELIVERY_TARGET_PROPERTIES.some((name) => response.properties.has(name)));
  if (webhookObject) {
    evidence.push({ weight: -3, says: `it returns webhook objects ("${DELIVERY_TARGET_PROPERTIES.find((name) => webhookObject.properties.has(name))}")` });
    return;
  }
  if (responses.length > 0 && responses.every((response) => response.isEmpty)) {
    evidence.push({ weight: 1, says: 'acknowledgement-only response' });
  }
}

/**
 * A management verb where operationIds put the action: the first or last word, or the first word after a `_`, `.`
 * or `/` (`Workflows_RegenerateAccessKey`, `cloudbuild.projects.connections.create`, `apps/redeliver-webhook-delivery`);
 * or the summary's first word.
 */
function operationVerb(operation: JsonObject, summary: string): string | undefined {
  const id = typeof operation.operationId === 'string' ? operation.operationId : '';
  const parts = id.split(/[._/]+/).map((part) => idWords(part).split(' ').filter((word) => word.length > 0)).filter((words) => words.length > 0);
  const all = parts.flat();
  const candidates = [...parts.map((words) => words[0]), all[all.length - 1], idWords(summary).split(' ')[0]];
  return candidates.find((word): word is string => word !== undefined && MANAGEMENT_VERBS.includes(word));
}

/** A method-style last segment that starts with a verb: `/createWebhook`, `listCallbackUrl`, `fire_webhook`. */
function methodStyleVerb(segment: string): string | undefined {
  const first = idWords(segment).split(' ')[0];
  return first !== undefined && first !== segment.toLowerCase() && MANAGEMENT_VERBS.includes(first) ? first : undefined;
}

/** `webhook.create.json` → create; `{name}:testNotify` → test; `#Action=CreateHook` → create. */
function rpcMethodVerb(segment: string): string | undefined {
  const action = /[#?&](?:Action|X-Amz-Target)=([^&]+)/i.exec(segment)?.[1];
  const method = action ?? /:([A-Za-z]+)$/.exec(segment)?.[1] ?? /^[^.]+\.([A-Za-z_]+)(\.json|\.xml)?$/.exec(segment)?.[1];
  if (method === undefined) return undefined;
  const first = pathWords(method.split('.').pop() ?? method)[0];
  return first !== undefined && MANAGEMENT_VERBS.includes(first) ? first : undefined;
}

/**
 * One word is one piece of evidence: `/webhook_example/_ping_` with operationId `ping` names "ping" once, whether
 * the path or the operationId says it (the topic of a documented delivery, here, not an action).
 */
function oncePerWord(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((each) => {
    if (each.word === undefined) return true;
    if (seen.has(each.word)) return false;
    seen.add(each.word);
    return true;
  });
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index] as T)) return index;
  return -1;
}

function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => word.toLowerCase()));
}

function signatureSpelling(lowerName: string): string {
  return DEFAULT_SIGNATURE_HEADERS.find((name) => name.toLowerCase() === lowerName) ?? lowerName;
}

/** The receiver evidence of a verdict in a few words, strongest first: what a finding's message quotes. */
export function receiverReasons(verdict: ReceiverVerdict, limit = 2): string {
  return verdict.evidence
    .filter((each) => each.weight > 0)
    .slice(0, limit)
    .map((each) => each.says)
    .join(', ');
}
