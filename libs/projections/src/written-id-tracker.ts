import type { DocumentStore } from '@gongjian/read-store';

/**
 * The ids a build has sent to its collections, for a build that started with no checkpoint on
 * empty collections: while its writer holds the lease nobody else writes there, so an id it
 * never sent is absent and needs no lookup. Lookups are skipped only where a round trip is
 * certain to find nothing; MongoDB-wire servers that do not index `$in` (FerretDB 1.24) would
 * otherwise scan a growing collection for every batch. Any other start (a checkpoint, documents
 * already there) knows nothing, and every id not in the cache is looked up.
 */
export class WrittenIdTracker {
  private readonly ids = new Map<string, Set<string>>();
  private count = 0;

  private constructor(private complete: boolean) {}

  static unknown(): WrittenIdTracker {
    return new WrittenIdTracker(false);
  }

  /** Complete only when there is no checkpoint and every collection of the build is empty. */
  static async forStart(
    store: DocumentStore,
    collections: readonly string[],
    hasCheckpoint: boolean,
  ): Promise<WrittenIdTracker> {
    if (hasCheckpoint) return WrittenIdTracker.unknown();
    for (const name of collections)
      if ((await store.collection(name).count({})) > 0) return WrittenIdTracker.unknown();
    return new WrittenIdTracker(true);
  }

  /** False only when the id is certainly absent from the collection. */
  mayBeStored(collection: string, id: string): boolean {
    return !this.complete || (this.ids.get(collection)?.has(id) ?? false);
  }

  /**
   * Called before the write is sent: a write that fails half-way may have landed, so the ids
   * count as possibly stored from then on.
   */
  recordSending(collection: string, ids: Iterable<string>, limit: number): void {
    if (!this.complete) return;
    let known = this.ids.get(collection);
    if (!known) this.ids.set(collection, (known = new Set()));
    for (const id of ids) {
      if (known.has(id)) continue;
      known.add(id);
      this.count++;
    }
    // Past the limit the set costs more memory than the lookups it saves are worth.
    if (this.count > limit) this.forget();
  }

  private forget(): void {
    this.complete = false;
    this.ids.clear();
    this.count = 0;
  }
}
