import type { DocumentCollection, DocumentVersion, ReadDocument } from '@gongjian/read-store';
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

/**
 * The views of the documents a page names, rendered again only where a document's position or
 * the day moved (`findVersions` gave the positions). A document gone between the two reads is
 * left out.
 */
export async function renderVersions<T>(
  views: RenderedViews<T>,
  versions: readonly DocumentVersion[],
  collection: DocumentCollection,
  today: string,
  render: (document: ReadDocument) => T,
): Promise<T[]> {
  const versionOf = (pos: string) => `${pos}|${today}`;
  const stale = versions.filter(
    (v) => views.get(collection.name, v._id, versionOf(v._pos)) === undefined,
  );
  const documents = new Map(
    (await collection.findByIds(stale.map((v) => v._id))).map((d) => [d._id, d]),
  );
  const rendered: T[] = [];
  for (const v of versions) {
    let view = views.get(collection.name, v._id, versionOf(v._pos));
    const document = documents.get(v._id);
    if (view === undefined && document !== undefined) {
      view = render(document);
      views.set(collection.name, v._id, versionOf(document._pos), view);
    }
    if (view !== undefined) rendered.push(view);
  }
  return rendered;
}
