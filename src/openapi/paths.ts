/** Knowledge of URL path templates: segments, templated parts, the `/_webhooks/` consumer prefix, kebab-case. */

export const WEBHOOKS_SEGMENT = '_webhooks';

/** Lower-case words joined by `-`; a word is letters (lower-case, or of a script without case) and digits of any script. */
export const KEBAB_CASE = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+(-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+)*$/u;

/** Segments of a path template, without the leading slash; a trailing slash yields no empty last segment. */
export function pathSegments(path: string): string[] {
  const segments = path.split('/');
  if (segments[0] === '') segments.shift();
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

/**
 * A segment with a template expression (`{producer}`, `v{version}`) is not a literal: its value is chosen at run time.
 * So is a whole-segment Express-style parameter (`:token`), which descriptions generated from routers often keep.
 */
export function isTemplated(segment: string): boolean {
  return /\{[^}]*\}/.test(segment) || /^:[A-Za-z_][\w-]*$/.test(segment);
}

/** Index of the `_webhooks` segment, or -1. A prefix before it (`/v1/_webhooks/...`) is allowed. */
export function webhooksSegmentIndex(path: string): number {
  return pathSegments(path).indexOf(WEBHOOKS_SEGMENT);
}

/** A consumer endpoint is a path with a `_webhooks` segment. */
export function isConsumerPath(path: string): boolean {
  return webhooksSegmentIndex(path) !== -1;
}

/** The segments after `_webhooks` (producer, event, ...). */
export function segmentsAfterWebhooks(path: string): string[] {
  const segments = pathSegments(path);
  const index = segments.indexOf(WEBHOOKS_SEGMENT);
  return index === -1 ? [] : segments.slice(index + 1);
}

/**
 * Lower-case words of a segment: split on `-`, `_`, `.`, spaces and camelCase humps. A segment that starts with an
 * upper-case letter and has no separators is one proper noun (`SendGrid` is the brand "sendgrid"), so it is not split.
 */
export function segmentWords(segment: string): string[] {
  const parts = segment.split(/[-_.\s]+/).filter((part) => part.length > 0);
  const words: string[] = [];
  for (const part of parts) {
    const isProperNoun = parts.length === 1 && /^[A-Z]/.test(part);
    const humps = isProperNoun ? [part] : part.split(/(?<=[a-z0-9])(?=[A-Z])/);
    for (const hump of humps) words.push(hump.toLowerCase());
  }
  return words;
}

/** Lower-case words of a path segment, RPC separators included (`connections:processWebhook`, `#Action=CreateHook`). */
export function pathWords(segment: string): string[] {
  return segment.split(/[:#=&?]+/).flatMap((part) => segmentWords(part));
}

/**
 * `emailClicked` → `email-clicked`, `send_grid` → `send-grid`, `SendGrid` → `sendgrid`, `Émail_envoyé` → `émail-envoyé`.
 * Letters and digits of every script are kept. A segment holding anything else (`😀`, `!`, `~`) has no kebab-case
 * spelling: the answer is '' (no suggestion), never the segment with those characters dropped, which would rename
 * `/hooks/émail_😀_sent` to a path the producer does not call.
 */
export function toKebabCase(segment: string): string {
  const words = segmentWords(segment);
  if (words.some((word) => UNSPELLABLE.test(word))) return '';
  return words.join('-');
}

/** A character a kebab-case word cannot hold: not a letter, combining mark or digit (separators are split off first). */
const UNSPELLABLE = /[^\p{L}\p{M}\p{N}]/u;

/** The characters of `segment` that keep it from being spelt in kebab-case, in order, once each (for messages). */
export function unspellableCharacters(segment: string): string[] {
  return [...new Set(segmentWords(segment).flatMap((word) => [...word].filter((character) => UNSPELLABLE.test(character))))];
}

export function isKebabCase(segment: string): boolean {
  return KEBAB_CASE.test(segment);
}
