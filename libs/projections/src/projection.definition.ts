import type { RecordedEvent } from '@gongjian/event-store';
import type { IndexSpec, ReadDocument } from '@gongjian/read-store';

/** A reference to one read-model document, in one of the projection's collections. */
export interface DocumentRef {
  collection: string;
  id: string;
}

/**
 * What one event does to one document it touches: the document as it becomes, or null to delete
 * it. Pure: the engine loads every document a batch touches, applies the batch's events in log
 * order in memory, then writes each touched document once (guarded by `_pos`).
 */
export type ApplyEvent = (
  current: ReadDocument | undefined,
  event: RecordedEvent,
  ref: DocumentRef,
  context: ProjectionContext,
) => ReadDocument | null;

/** Other documents of the same projection as they stand at this event (see `reads`). */
export interface ProjectionContext {
  get(ref: DocumentRef): ReadDocument | undefined;
}

export interface ReadModelProjection {
  /** Stable name; its checkpoint is `<name>@<version>` and its collections `<collection>_v<version>`. */
  name: string;
  /** Bumped when the documents' shape or meaning changes: a new version is rebuilt beside the old. */
  version: number;
  /** Logical collection names with the indexes their queries need. */
  collections: Record<string, readonly IndexSpec[]>;
  /** The documents an event touches (none: the event does not concern this projection). */
  touches(event: RecordedEvent): readonly DocumentRef[];
  /**
   * Documents an event needs to read but does not change (for example the organization whose
   * township a member's document copies). Loaded with the batch; optional.
   */
  reads?(event: RecordedEvent): readonly DocumentRef[];
  apply: ApplyEvent;
}
