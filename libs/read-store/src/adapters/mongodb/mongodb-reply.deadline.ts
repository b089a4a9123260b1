import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import type { AbstractCursor } from 'mongodb';
import { ReadStoreUnavailableError } from '../../read-store.errors';

/** An operation the read store gave up on: the server neither answered nor failed it in time. */
export class ReadStoreNoReplyError extends ReadStoreUnavailableError {
  constructor(
    readonly operation: string,
    readonly waitedMs: number,
  ) {
    super('mongodb', `${operation} got no reply within ${waitedMs} ms`);
    this.name = 'ReadStoreNoReplyError';
  }
}

/** The driver's "cannot reach the server" failures (a closed or cleared pool included). */
function unavailable(operation: string, error: unknown): unknown {
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError)
    return new ReadStoreUnavailableError('mongodb', `${operation}: ${error.message}`, {
      cause: error,
    });
  return error;
}

/**
 * The store's own bound on each round trip, beside the driver's timeouts; a failure to reach the
 * server comes out as ReadStoreUnavailableError. The driver (6.22 and 7.9 alike) can leave an
 * operation pending forever: a pooled connection whose socket Node has already destroyed, but
 * whose `close` event has not fired yet, is handed out; the write to it waits for a `drain` that
 * never comes, and no socket timeout runs on a destroyed socket. That happens when the server
 * closes its connections (a restart) just as a command is sent, and it would hold a projection,
 * and the shutdown that waits for it, for good. The abandoned operation keeps its connection,
 * already closed, checked out of the pool; the next one opens another.
 */
export class ReplyDeadline {
  constructor(readonly ms: number) {}

  async bound<T>(operation: string, pending: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReadStoreNoReplyError(operation, this.ms)), this.ms);
    });
    try {
      // The race also handles a late failure of the abandoned operation.
      return await Promise.race([pending, expired]);
    } catch (error) {
      throw unavailable(operation, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every document of a cursor, each batch (one round trip) within the deadline. */
  async all<T>(operation: string, cursor: AbstractCursor<T>): Promise<T[]> {
    const documents: T[] = [];
    try {
      while (await this.bound(operation, cursor.hasNext()))
        for (const document of cursor.readBufferedDocuments()) documents.push(document);
    } catch (error) {
      // Not awaited: the cursor's killCursors could be left waiting the same way.
      cursor.close().catch(() => undefined);
      throw error;
    }
    return documents;
  }
}
