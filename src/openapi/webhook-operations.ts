import { isObject, ownEntries, ownValue, type JsonObject, type JsonPath } from './json';
import { HTTP_METHODS, type HttpMethod } from './operations';
import { deref } from './refs';

/**
 * The operations an API *sends* (producer webhooks), wherever a document declares them:
 * - OpenAPI 3.1 `webhooks` (name → Path Item),
 * - `x-webhooks`, the 3.0 convention: name → Path Item, or name → Callback-shaped map (Vonage:
 *   name → runtime expression → Path Item); extension keys inside (`x-sdk-exclude`) are skipped,
 * - `callbacks` of any operation (in `paths`, in webhooks, in callbacks: any depth) and `components.callbacks`.
 *
 * The walk steps through named keys from the root (never a `$..` scan, which costs seconds on large documents),
 * follows local `$ref`s that are still present (circular ones, or every one under a non-dereferencing resolver) with a
 * visited set, and yields each operation object once: a path item shared by two webhooks through
 * `components.pathItems` is one operation, reported where it lives.
 */

export type WebhookKind = 'webhook' | 'x-webhook' | 'callback';

export interface WebhookOperation {
  kind: WebhookKind;
  /** The key under `webhooks` / `x-webhooks`, or the callback's name. */
  name: string;
  /** The runtime expression key of a callback (`{$request.body#/callback}`), or of a Callback-shaped `x-webhooks` entry. */
  expression?: string;
  /** For an operation's callback: the operation that registers it (`POST /sms`, `webhook "push" (POST)`). */
  owner?: string;
  method: HttpMethod;
  operation: JsonObject;
  pathItem: JsonObject;
  /** JSON path of the path item, in the coordinates of the (resolved) document Spectral gives rules. */
  pathItemPath: JsonPath;
  /** JSON path of the operation. */
  jsonPath: JsonPath;
}

const cache = new WeakMap<object, WebhookOperation[]>();

/** Every producer webhook operation of a document; computed once per (resolved) root and shared by every rule. */
export function webhookOperations(root: unknown): WebhookOperation[] {
  if (!isObject(root)) return [];
  const cached = cache.get(root);
  if (cached) return cached;
  const found = new Walker(root).walk();
  cache.set(root, found);
  return found;
}

/** The top-level maps that declare webhooks by name, in the order a finding about "the webhooks" is anchored to. */
export function webhookContainers(root: unknown): JsonPath[] {
  if (!isObject(root)) return [];
  return (['webhooks', 'x-webhooks'] as const).filter((key) => isObject(ownValue(root, key))).map((key) => [key]);
}

/** Where a finding about the document's webhooks as a whole goes: `webhooks`, else `x-webhooks`, else the first operation. */
export function webhooksAnchor(root: unknown, operations: readonly WebhookOperation[]): JsonPath | undefined {
  return webhookContainers(root)[0] ?? operations[0]?.jsonPath;
}

/** `webhook "push" (POST)`, `callback "onData" (POST {$request.query.callback}) of GET /insight`. */
export function describeWebhook(item: Pick<WebhookOperation, 'kind' | 'name' | 'expression' | 'owner' | 'method'>): string {
  const noun = item.kind === 'callback' ? 'callback' : 'webhook';
  const how = item.expression === undefined ? item.method.toUpperCase() : `${item.method.toUpperCase()} ${item.expression}`;
  return `${noun} "${item.name}" (${how})${item.owner ? ` of ${item.owner}` : ''}`;
}

/** A Path Item has at least one operation; a Callback-shaped map has path items as values instead. */
export function isPathItemLike(node: unknown): node is JsonObject {
  return isObject(node) && HTTP_METHODS.some((method) => isObject(ownValue(node, method)));
}

function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

class Walker {
  private readonly found: WebhookOperation[] = [];
  private readonly seenOperations = new Set<JsonObject>();
  /** Operations whose `callbacks` have been walked: a callback that registers itself again ends here. */
  private readonly expanded = new Set<JsonObject>();

  constructor(private readonly root: JsonObject) {}

  walk(): WebhookOperation[] {
    this.namedMap('webhooks', 'webhook');
    this.namedMap('x-webhooks', 'x-webhook');
    this.pathsCallbacks();
    this.componentCallbacks();
    return this.found;
  }

  private at(node: unknown, jsonPath: JsonPath) {
    return deref(this.root, node, jsonPath);
  }

  private namedMap(key: 'webhooks' | 'x-webhooks', kind: WebhookKind): void {
    const map = ownValue(this.root, key);
    if (!isObject(map)) return;
    for (const [name, entry] of ownEntries(map)) {
      if (isExtensionKey(name)) continue;
      const { value, jsonPath } = this.at(entry, [key, name]);
      if (isPathItemLike(value)) {
        this.pathItem(value, jsonPath, { kind, name });
      } else if (kind === 'x-webhook' && isObject(value)) {
        this.callbackObject(value, jsonPath, { kind, name });
      }
    }
  }

  private pathsCallbacks(): void {
    const paths = ownValue(this.root, 'paths');
    if (!isObject(paths)) return;
    for (const [pathKey, entry] of ownEntries(paths)) {
      if (isExtensionKey(pathKey)) continue;
      const { value, jsonPath } = this.at(entry, ['paths', pathKey]);
      if (!isObject(value)) continue;
      for (const method of HTTP_METHODS) {
        const { value: operation, jsonPath: operationPath } = this.at(ownValue(value, method), [...jsonPath, method]);
        if (isObject(operation)) this.callbacksOf(operation, operationPath, `${method.toUpperCase()} ${pathKey}`);
      }
    }
  }

  private componentCallbacks(): void {
    const components = ownValue(this.root, 'components');
    const callbacks = isObject(components) ? ownValue(components, 'callbacks') : undefined;
    if (!isObject(callbacks)) return;
    for (const [name, entry] of ownEntries(callbacks)) {
      if (isExtensionKey(name)) continue;
      const { value, jsonPath } = this.at(entry, ['components', 'callbacks', name]);
      if (isObject(value)) this.callbackObject(value, jsonPath, { kind: 'callback', name });
    }
  }

  private callbacksOf(operation: JsonObject, operationPath: JsonPath, owner: string): void {
    if (this.expanded.has(operation)) return;
    this.expanded.add(operation);
    const { value: callbacks, jsonPath: callbacksPath } = this.at(ownValue(operation, 'callbacks'), [...operationPath, 'callbacks']);
    if (!isObject(callbacks)) return;
    for (const [name, entry] of ownEntries(callbacks)) {
      if (isExtensionKey(name)) continue;
      const { value, jsonPath } = this.at(entry, [...callbacksPath, name]);
      if (isObject(value)) this.callbackObject(value, jsonPath, { kind: 'callback', name, owner });
    }
  }

  /** A Callback Object: runtime expression → Path Item. */
  private callbackObject(callback: JsonObject, callbackPath: JsonPath, identity: Identity): void {
    for (const [expression, entry] of ownEntries(callback)) {
      if (isExtensionKey(expression)) continue;
      const { value, jsonPath } = this.at(entry, [...callbackPath, expression]);
      if (isPathItemLike(value)) this.pathItem(value, jsonPath, { ...identity, expression });
    }
  }

  private pathItem(pathItem: JsonObject, pathItemPath: JsonPath, identity: Identity): void {
    for (const method of HTTP_METHODS) {
      const { value: operation, jsonPath } = this.at(ownValue(pathItem, method), [...pathItemPath, method]);
      if (!isObject(operation)) continue;
      const item: WebhookOperation = { ...identity, method, operation, pathItem, pathItemPath, jsonPath };
      if (!this.seenOperations.has(operation)) {
        this.seenOperations.add(operation);
        this.found.push(item);
      }
      this.callbacksOf(operation, jsonPath, describeWebhook(item));
    }
  }
}

interface Identity {
  kind: WebhookKind;
  name: string;
  expression?: string;
  owner?: string;
}
