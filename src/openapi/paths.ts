/** Knowledge of URL path templates: segments, templated parts, the `/_webhooks/` consumer prefix, kebab-case. */

export const WEBHOOKS_SEGMENT = '_webhooks';

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

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

/** `emailClicked` → `email-clicked`, `send_grid` → `send-grid`, `SendGrid` → `sendgrid`. */
export function toKebabCase(segment: string): string {
  return segmentWords(segment)
    .map((word) => word.replace(/[^a-z0-9]+/g, ''))
    .filter((word) => word.length > 0)
    .join('-');
}

export function isKebabCase(segment: string): boolean {
  return KEBAB_CASE.test(segment);
}
