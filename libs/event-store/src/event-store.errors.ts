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
