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
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  readonly dirty = new Map<string, { collection: string; id: string }>();

  static key(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  get size(): number {
    return this.entries.size;
  }

  get(collection: string, id: string): CachedDocument | undefined {
    return this.entries.get(DocumentCache.key(collection, id));
  }

  set(collection: string, id: string, entry: CachedDocument): void {
    this.entries.set(DocumentCache.key(collection, id), entry);
  }

  markDirty(collection: string, id: string): void {
    this.dirty.set(DocumentCache.key(collection, id), { collection, id });
  }

  clear(): void {
    this.entries.clear();
    this.dirty.clear();
  }
}

export function refKey(physical: Record<string, string>, ref: DocumentRef): [string, string] {
  const collection = physical[ref.collection];
  if (!collection) throw new RangeError(`the projection has no collection "${ref.collection}"`);
  return [collection, ref.id];
}
