import { ExpectedRevision } from './event-store.port';

export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The engine cannot be reached or did not answer in time. Safe to retry later. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    readonly engine: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine} event store unavailable: ${detail}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** An event id is already stored with other content or in another place. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} is already stored elsewhere; refusing to append it to ${streamId}`);
    this.name = 'DuplicateEventIdError';
  }
}

/**
 * A write was sent but its outcome is not known (a deadline passed, the connection dropped after
 * sending): it may or may not be stored. Retrying with the same event ids is safe.
 */
export class OutcomeUnknownError extends Error {
  readonly code = 'OUTCOME_UNKNOWN';
  constructor(
    readonly engine: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine} event store: outcome of the write is unknown: ${detail}`, options);
    this.name = 'OutcomeUnknownError';
  }
}

/** A stored event cannot be read back: its stored bytes were altered outside the store. */
export class UnreadableEventError extends Error {
  readonly code = 'UNREADABLE_EVENT';
  constructor(
    readonly streamId: string,
    readonly revision: number,
    readonly position: string,
  ) {
    super(`event ${streamId}@${revision} (position ${position}) is stored unreadable`);
    this.name = 'UnreadableEventError';
  }
}
