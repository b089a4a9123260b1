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

/** RFC 8785 canonical JSON of the link: the exact bytes the chain hashes. */
export function linkBytes(link: ChainLink): string {
  const json = canonicalize(link);
  if (json === undefined) throw new Error('event is not serializable');
  return json;
}

/** SHA-256 (hex) over RFC 8785 canonical JSON of the link. */
export function hashLink(link: ChainLink): string {
  return hashLinkBytes(linkBytes(link));
}

export function hashLinkBytes(bytes: string): string {
  return createHash('sha256').update(bytes, 'utf8').digest('hex');
}

/** A sealed event's metadata and the exact bytes its hash is over. */
export interface SealedLink {
  metadata: RecordedMetadata;
  bytes: string;
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
  return sealLinks(streamId, firstRevision, headHash, events, recordedAt).map((s) => s.metadata);
}

/** As sealEvents, keeping the bytes each hash is over (an adapter may store them). */
export function sealLinks(
  streamId: string,
  firstRevision: number,
  headHash: string,
  events: readonly NewEvent[],
  recordedAt: string,
): SealedLink[] {
  let prevHash = headHash;
  return events.map((event, i) => {
    const metadata = { ...event.metadata, recordedAt, prevHash };
    const bytes = linkBytes({
      streamId,
      revision: firstRevision + i,
      eventId: event.eventId,
      type: event.type,
      data: event.data,
      metadata,
    });
    const hash = hashLinkBytes(bytes);
    prevHash = hash;
    return { metadata: { ...metadata, hash }, bytes };
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
