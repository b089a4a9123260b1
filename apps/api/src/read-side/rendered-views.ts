import { LRUCache } from 'lru-cache';

/**
 * Views rendered from read-model documents, kept per (collection, id) with the version they were
 * rendered from: a list reads ids and positions first (`findVersions`) and renders again only
 * documents whose version moved. Entries are shared between requests: never mutate a view.
 * The physical collection name is part of the key, so a rebuilt read model starts afresh.
 */
export class RenderedViews<T> {
  private readonly views: LRUCache<string, { version: string; view: T }>;

  constructor(maxEntries = 5_000) {
    this.views = new LRUCache({ max: maxEntries });
  }

  get(collection: string, id: string, version: string): T | undefined {
    const entry = this.entry(collection, id);
    return entry?.version === version ? entry.view : undefined;
  }

  /** The last view rendered of a document, whatever its version. */
  entry(collection: string, id: string): { version: string; view: T } | undefined {
    return this.views.get(`${collection}\u0000${id}`);
  }

  set(collection: string, id: string, version: string, view: T): void {
    this.views.set(`${collection}\u0000${id}`, { version, view });
  }
}
