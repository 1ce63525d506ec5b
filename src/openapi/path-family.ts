import { isTemplated, pathSegments } from './paths';

/**
 * What the other paths of a document say about one path's family, indexed once per document so that a document of
 * 50k paths is classified in linear time: which prefixes have item paths (`/webhooks` has `/webhooks/{id}`), and
 * which literal segments are addressed item by item anywhere (`/webhooks/{webhook_id}` addresses `webhooks`).
 */
export class PathFamily {
  private readonly prefixesWithItems = new Set<string>();
  private readonly segmentsWithItems = new Set<string>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) {
      const segments = pathSegments(path);
      for (let index = 1; index < segments.length; index++) {
        if (!isTemplated(segments[index] as string)) continue;
        this.prefixesWithItems.add(segments.slice(0, index).join('/'));
        const previous = segments[index - 1] as string;
        if (!isTemplated(previous)) this.segmentsWithItems.add(previous.toLowerCase());
      }
    }
  }

  /** Some path continues `segments` with a templated segment: `segments` is a collection. */
  hasItems(segments: readonly string[]): boolean {
    return this.prefixesWithItems.has(segments.join('/'));
  }

  /** Some path follows this literal segment with a templated one (`/webhooks/{webhook_id}`). */
  addressesItems(segment: string): boolean {
    return this.segmentsWithItems.has(segment.toLowerCase());
  }
}
