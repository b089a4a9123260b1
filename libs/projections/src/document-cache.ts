import type { ReadDocument } from '@gongjian/read-store';
import type { DocumentRef } from './projection.definition';

export interface CachedDocument {
  /** The document as the engine knows it; null once deleted. */
  doc: ReadDocument | null;
  /** Whether the read store holds a version of it (decides insert against guarded replace). */
  stored: boolean;
}

/**
 * The documents a projection writer has loaded or changed, keyed by (physical collection, id).
 * Valid only while its writer holds the lease: nobody else writes these documents meanwhile.
 * One map per collection: a lookup per event touched must not build a composite key string.
 */
export class DocumentCache {
  private readonly byCollection = new Map<string, Map<string, CachedDocument>>();
  private readonly dirtyIds = new Map<string, Set<string>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(collection: string, id: string): CachedDocument | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  set(collection: string, id: string, entry: CachedDocument): void {
    let documents = this.byCollection.get(collection);
    if (!documents) this.byCollection.set(collection, (documents = new Map()));
    if (!documents.has(id)) this.count++;
    documents.set(id, entry);
  }

  markDirty(collection: string, id: string): void {
    let ids = this.dirtyIds.get(collection);
    if (!ids) this.dirtyIds.set(collection, (ids = new Set()));
    ids.add(id);
  }

  /** The documents changed since the last `clearDirty`, per collection. */
  dirty(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.dirtyIds;
  }

  clearDirty(): void {
    this.dirtyIds.clear();
  }

  clear(): void {
    this.byCollection.clear();
    this.dirtyIds.clear();
    this.count = 0;
  }
}

export function refKey(physical: Record<string, string>, ref: DocumentRef): [string, string] {
  const collection = physical[ref.collection];
  if (!collection) throw new RangeError(`the projection has no collection "${ref.collection}"`);
  return [collection, ref.id];
}
