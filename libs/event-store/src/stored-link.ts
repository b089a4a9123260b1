import type { EventStore, ReadAllOptions, RecordedEvent } from './event-store.port';
import type { Position } from './position';

/**
 * A stored event as the exact bytes its chain hash is over, with the columns a verifier checks
 * them against, read without parsing the bytes. The adapter hands one out only when the fields
 * readers see (identity, revision, type, recordedAt, prevHash) are those the bytes hold.
 */
export interface StoredLink {
  position: Position;
  streamId: string;
  revision: number;
  prevHash: string;
  hash: string;
  /**
   * Where its bytes are in the batch's `bytes`: RFC 8785 JSON of the link, as stored (what
   * `hashedBytesOf` gives for the event).
   */
  start: number;
  end: number;
}

/** A row whose fields do not agree with its bytes, or that has none, comes as the port reads it. */
export type StoredLinkEntry = StoredLink | RecordedEvent;

export interface StoredLinkBatch {
  entries: StoredLinkEntry[];
  /** The stored links' bytes, back to back (one buffer, not one per event). */
  bytes: Buffer;
}

/**
 * An optional capability of an adapter that keeps the hashed bytes: the global log in position
 * order, as readAll gives it (same paging, same UnreadableEventError), for verifiers.
 */
export interface StoredLinkLog {
  readStoredLinks(options?: ReadAllOptions): Promise<StoredLinkBatch>;
}

export function storedLinkLogOf(store: EventStore): StoredLinkLog | undefined {
  const candidate = store as EventStore & Partial<StoredLinkLog>;
  return typeof candidate.readStoredLinks === 'function'
    ? (candidate as EventStore & StoredLinkLog)
    : undefined;
}

export function isStoredLink(entry: StoredLinkEntry): entry is StoredLink {
  return (entry as StoredLink).start !== undefined;
}

export function storedLinkBytes(batch: StoredLinkBatch, link: StoredLink): Buffer {
  return batch.bytes.subarray(link.start, link.end);
}
