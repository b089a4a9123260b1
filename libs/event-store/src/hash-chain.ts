import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { NewEvent, RecordedEvent, RecordedMetadata } from './event-store.port';

/** prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  /** Everything but `hash` itself (prevHash and recordedAt included). */
  metadata: Omit<RecordedMetadata, 'hash'>;
}

/** SHA-256 (hex) over RFC 8785 canonical JSON of the link. */
export function hashLink(link: ChainLink): string {
  const json = canonicalize(link);
  if (json === undefined) throw new Error('event is not serializable');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/**
 * Seals the events of one append: each gets recordedAt, prevHash (the previous event's hash,
 * or `headHash` for the first) and its own hash.
 */
export function sealEvents(
  streamId: string,
  firstRevision: number,
  headHash: string,
  events: readonly NewEvent[],
  recordedAt: string,
): RecordedMetadata[] {
  let prevHash = headHash;
  return events.map((event, i) => {
    const metadata = { ...event.metadata, recordedAt, prevHash };
    const hash = hashLink({
      streamId,
      revision: firstRevision + i,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata,
    });
    prevHash = hash;
    return { ...metadata, hash };
  });
}

export interface BrokenLink {
  streamId: string;
  revision: number;
  reason: 'revision_gap' | 'prev_hash_mismatch' | 'hash_mismatch';
}

/**
 * Checks events of one stream, in revision order, starting at `expectedPrevHash`
 * (GENESIS_HASH when starting at revision 0). Returns the first broken link, if any.
 */
export function verifyChain(
  events: readonly RecordedEvent[],
  expectedPrevHash = GENESIS_HASH,
  expectedFirstRevision = 0,
): BrokenLink | undefined {
  let prevHash = expectedPrevHash;
  let revision = expectedFirstRevision;
  for (const event of events) {
    const at = { streamId: event.streamId, revision: event.revision };
    if (event.revision !== revision) return { ...at, reason: 'revision_gap' };
    if (event.metadata.prevHash !== prevHash) return { ...at, reason: 'prev_hash_mismatch' };
    const { hash, ...metadata } = event.metadata;
    const recomputed = hashLink({
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata,
    });
    if (recomputed !== hash) return { ...at, reason: 'hash_mismatch' };
    prevHash = hash;
    revision++;
  }
  return undefined;
}
