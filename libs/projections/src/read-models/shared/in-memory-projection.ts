import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';

/** Collection name → documents by id. */
export type ProjectedDocuments = Map<string, Map<string, ReadDocument>>;

/**
 * Applies events through `touches` and `apply` in log order, in memory, as the engine does for
 * one batch. For projection specs, and for query specs that need read models without an engine.
 */
export function projectInMemory(
  projection: ReadModelProjection,
  events: readonly RecordedEvent[],
  documents: ProjectedDocuments = new Map(),
): ProjectedDocuments {
  for (const name of Object.keys(projection.collections)) {
    if (!documents.has(name)) documents.set(name, new Map());
  }
  const collection = (name: string) => {
    const found = documents.get(name);
    if (!found) throw new Error(`${projection.name} has no collection ${name}`);
    return found;
  };
  const context = { get: (ref: DocumentRef) => collection(ref.collection).get(ref.id) };
  for (const event of events) {
    for (const ref of projection.touches(event)) {
      const current = collection(ref.collection).get(ref.id);
      const next = projection.apply(current, event, ref, context);
      if (next === null) collection(ref.collection).delete(ref.id);
      else collection(ref.collection).set(ref.id, next);
    }
  }
  return documents;
}

/** The documents of one collection, by id order. */
export function documentsOf(documents: ProjectedDocuments, name: string): ReadDocument[] {
  return [...(documents.get(name)?.values() ?? [])].sort((a, b) =>
    a._id < b._id ? -1 : a._id > b._id ? 1 : 0,
  );
}
