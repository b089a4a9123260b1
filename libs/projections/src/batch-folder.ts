import type { RecordedEvent } from '@gongjian/event-store';
import type { DocumentStore, ReadDocument } from '@gongjian/read-store';
import type { DocumentRef, ProjectionContext, ReadModelProjection } from './projection.definition';
import { DocumentCache, refKey } from './document-cache';
import { reflectsEvent } from './document-position';
import { WrittenIdTracker } from './written-id-tracker';

/**
 * Folds a batch into the cache: loads every document the batch touches or reads that the cache
 * does not hold (one lookup per collection; none for ids the tracker knows are absent), then
 * applies the events in log order. An event a document already reflects (`_pos` >= its position)
 * is skipped, so a replay changes nothing.
 */
export async function foldBatch(
  store: DocumentStore,
  projection: ReadModelProjection,
  physical: Record<string, string>,
  cache: DocumentCache,
  batch: readonly RecordedEvent[],
  written: WrittenIdTracker = WrittenIdTracker.unknown(),
): Promise<void> {
  const touched: (readonly DocumentRef[])[] = [];
  const missing = new Map<string, Set<string>>();
  const need = (ref: DocumentRef) => {
    const [collection, id] = refKey(physical, ref);
    if (cache.get(collection, id)) return;
    if (!written.mayBeStored(collection, id)) {
      cache.set(collection, id, { doc: null, stored: false });
      return;
    }
    let ids = missing.get(collection);
    if (!ids) missing.set(collection, (ids = new Set()));
    ids.add(id);
  };
  for (const event of batch) {
    const refs = projection.touches(event);
    touched.push(refs);
    refs.forEach(need);
    projection.reads?.(event).forEach(need);
  }
  for (const [collection, ids] of missing) {
    const found = await store.collection(collection).findByIds([...ids]);
    for (const doc of found) cache.set(collection, doc._id, { doc, stored: true });
    for (const id of ids)
      if (!cache.get(collection, id)) cache.set(collection, id, { doc: null, stored: false });
  }
  const context: ProjectionContext = {
    get: (ref) => {
      const [collection, id] = refKey(physical, ref);
      return cache.get(collection, id)?.doc ?? undefined;
    },
  };
  batch.forEach((event, i) => {
    for (const ref of touched[i]) {
      const [collection, id] = refKey(physical, ref);
      const entry = cache.get(collection, id) as { doc: ReadDocument | null; stored: boolean };
      if (reflectsEvent(entry.doc, event)) continue;
      const next = projection.apply(entry.doc ?? undefined, event, ref, context);
      if (next !== null) {
        next._id = id;
        next._pos = event.position;
      }
      entry.doc = next;
      cache.markDirty(collection, id);
    }
  });
}
