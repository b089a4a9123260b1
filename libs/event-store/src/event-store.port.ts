import { Position } from './position';

/** Where the appender expects the stream to be. Revisions are 0-based: the first event is 0. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface Actor {
  id: string;
  role: string;
}

/** Metadata the writer supplies; the store adds recordedAt, prevHash and hash. */
export interface EventMetadata {
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** Business time of the fact (ISO-8601 UTC). */
  occurredAt: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

export interface NewEvent {
  /** UUID. Appending an event id that is already stored is an idempotent retry, never a duplicate. */
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedMetadata extends EventMetadata {
  /** When the store accepted the event (ISO-8601 UTC). */
  recordedAt: string;
  /** Hash of the previous event of the same stream; GENESIS_HASH for revision 0. */
  prevHash: string;
  /** SHA-256 (hex) over the canonical JSON of the event and prevHash. */
  hash: string;
}

export interface RecordedEvent {
  eventId: string;
  streamId: string;
  revision: number;
  position: Position;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedMetadata;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event of this append. */
  revision: number;
  /** Log position of the last event of this append. */
  position: Position;
  eventIds: string[];
}

/** One stream's part of an atomic multi-stream append (`appendMany`). */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Start revision (inclusive). Forwards default 0, backwards default the end. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events after this position. Omitted: from the start of the log. */
  fromPosition?: Position;
  limit?: number;
}

export interface SubscribeAllOptions {
  /** Exclusive, as in readAll. */
  fromPosition?: Position;
  /**
   * Told of every change of the connection behind the subscription (first connect, each outage,
   * each reconnect), so a projection can report lag causes. Embedded stores never have outages.
   */
  onStatus?: (status: SubscriptionStatus) => void;
}

export type SubscriptionStatus =
  /** Connected and confirmed by the server; `attempt` > 0 after an outage. */
  | { state: 'live'; attempt: number; resumeFrom: Position | undefined }
  /**
   * The connection failed after having been live. The subscription retries on its own, from
   * `resumeFrom` (exclusive), after `retryInMs`; the consumer's pending pull waits meanwhile.
   */
  | {
      state: 'outage';
      attempt: number;
      error: Error;
      resumeFrom: Position | undefined;
      retryInMs: number;
    };

/**
 * Catch-up then live. Pull-based: the store reads ahead only a bounded amount, so a slow
 * consumer slows the reading down (back-pressure) instead of filling memory.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Engine name, for logs and health: 'sqlite' | 'kurrentdb'. */
  readonly engine: string;
  /**
   * Appends atomically. Throws WrongExpectedRevisionError on a revision mismatch,
   * StoreUnavailableError when nothing was written (the engine could not be reached, or refused
   * and rolled back), OutcomeUnknownError when the write may have happened. Re-appending events whose ids are
   * all stored already, in the same stream and order, returns the first result unchanged.
   */
  append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to several streams atomically: all or nothing. Each stream appears at most once; the
   * results are in the order of `appends`, and the events of one call are contiguous in the log,
   * in that order. A wrong expected revision on any stream throws WrongExpectedRevisionError
   * naming that stream, and nothing is written. Re-sending a call whose events are all stored
   * already, each stream's in the same place, answers the first results; a call of which only
   * some events are stored throws DuplicateEventIdError. StoreUnavailableError: nothing was
   * written. OutcomeUnknownError: it may have been written; retry the same call to find out.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Events of one stream; an unknown stream reads as []. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeAll(options?: SubscribeAllOptions): Subscription;
  /** Position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  /** Cheap round trip, for startup and readiness. Throws StoreUnavailableError. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
