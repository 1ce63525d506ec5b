import { ownValue, type JsonObject } from './json';

/**
 * The words an operation says about itself: its summary, its operationId split into words, and the first sentence
 * of its description. Only the first sentence: later ones tend to describe *other* calls ("a transactionId is
 * returned by the corresponding callback API"), and a cue there would be about them.
 */
export interface OperationText {
  summary: string;
  operationId: string;
  firstSentence: string;
  tags: string;
}

export function operationText(operation: JsonObject): OperationText {
  const description = typeof operation.description === 'string' ? operation.description : '';
  const tags = ownValue(operation, 'tags');
  return {
    summary: plain(typeof operation.summary === 'string' ? operation.summary : ''),
    operationId: typeof operation.operationId === 'string' ? idWords(operation.operationId) : '',
    firstSentence: plain(firstSentence(description.slice(0, 2000).replace(/<[^>]{0,200}>/g, ' '))),
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string').join(' ; ') : '',
  };
}

/** `sandboxTransferFireWebhook` → `sandbox transfer fire webhook`; `apps/redeliver-webhook-delivery` → `apps redeliver webhook delivery`. */
export function idWords(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Markdown and HTML reduced to words: tags, emphasis, code marks and link targets dropped. */
function plain(text: string): string {
  return text
    .slice(0, 2000)
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/\]\([^)]{0,500}\)/g, ']')
    .replace(/[*_`#>[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Up to the first full stop or line break (a list after "...with your account:" is not the same sentence). */
function firstSentence(text: string): string {
  // "**NOTE**: This API is ..." — a leading label is not a sentence of its own.
  const body = text.trim().replace(/^[*_\s]*(note|important|warning|deprecated)[*_\s]*:[*_\s]*/i, '');
  const end = body.search(/[.!?](\s|$)|\n/);
  return end === -1 ? body : body.slice(0, end);
}

