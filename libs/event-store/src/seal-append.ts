import { WrongExpectedRevisionError } from './event-store.errors';
import { ExpectedRevision, NewEvent, RecordedMetadata, StreamAppend } from './event-store.port';
import { GENESIS_HASH, sealLinks } from './hash-chain';

/** The last stored event of a stream, as an append sees it. */
export interface StreamHead {
  revision: number;
  hash: string;
}

export interface SealedEvent {
  event: NewEvent;
  revision: number;
  metadata: RecordedMetadata;
  /** The exact bytes `metadata.hash` is over (RFC 8785 JSON of the link). */
  linkBytes: string;
}

/** One stream's part of an append, checked against its head and sealed onto its chain. */
export interface SealedAppend {
  streamId: string;
  /** What the engine must find when it writes: the head that was sealed onto. */
  head: StreamHead | undefined;
  events: SealedEvent[];
}

/**
 * The step every adapter takes before writing: the caller's expectation must hold against the
 * stream's head, and the new events are sealed after the head's hash. The engine then writes with
 * exactly `head`'s revision as its own expectation, so a concurrent writer can never fork a chain.
 */
export function sealAppend(
  append: StreamAppend,
  head: StreamHead | undefined,
  recordedAt: string,
): SealedAppend {
  const { streamId, events, expected } = append;
  const actual = head ? head.revision : 'no_stream';
  if (!expectationHolds(expected, actual)) {
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }
  const firstRevision = head ? head.revision + 1 : 0;
  const sealed = sealLinks(streamId, firstRevision, head?.hash ?? GENESIS_HASH, events, recordedAt);
  return {
    streamId,
    head,
    events: events.map((event, i) => ({
      event,
      revision: firstRevision + i,
      metadata: sealed[i].metadata,
      linkBytes: sealed[i].bytes,
    })),
  };
}

export function expectationHolds(
  expected: ExpectedRevision,
  actual: number | 'no_stream',
): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return expected === actual;
}
