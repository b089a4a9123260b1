import type { AbstractCursor } from 'mongodb';
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { ReadStoreUnavailableError } from '../../read-store.errors';
import { ReadStoreNoReplyError, ReplyDeadline } from './mongodb-reply.deadline';

const never = () => new Promise<never>(() => undefined);

/** A cursor that hands out the given batches, one round trip each, after `delayMs`. */
function cursorOf(batches: (string[] | 'stall')[], delayMs = 0) {
  let buffered: string[] = [];
  const state = { closed: false, roundTrips: 0 };
  const cursor = {
    hasNext: async () => {
      if (buffered.length > 0) return true;
      const next = batches.shift();
      state.roundTrips++;
      if (next === 'stall') return never();
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      buffered = next ?? [];
      return buffered.length > 0;
    },
    readBufferedDocuments: () => buffered.splice(0),
    close: async () => {
      state.closed = true;
    },
  };
  return { cursor: cursor as unknown as AbstractCursor<string>, state };
}

describe('ReplyDeadline', () => {
  const deadline = new ReplyDeadline(50);

  it('fails an operation that never settles, naming it and the wait', async () => {
    const failure = await deadline.bound('replaceOne on leases', never()).catch((e) => e);
    expect(failure).toBeInstanceOf(ReadStoreNoReplyError);
    expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
    expect(failure.message).toBe(
      'mongodb read store unavailable: replaceOne on leases got no reply within 50 ms',
    );
  });

  it('passes an answer, or a failure the server decided, through unchanged', async () => {
    await expect(deadline.bound('findOne', Promise.resolve(7))).resolves.toBe(7);
    const refused = new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' });
    await expect(deadline.bound('insertOne', Promise.reject(refused))).rejects.toBe(refused);
  });

  it('turns a failure to reach the server into ReadStoreUnavailableError, keeping the cause', async () => {
    const dropped = new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed');
    const failure = await deadline
      .bound('find on budgets', Promise.reject(dropped))
      .catch((e) => e);
    expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
    expect(failure.code).toBe('STORE_UNAVAILABLE');
    expect(failure.message).toBe(
      'mongodb read store unavailable: find on budgets: connection 3 to 127.0.0.1:27017 closed',
    );
    expect(failure.cause).toBe(dropped);
  });

  it('reads a cursor batch by batch and keeps every document in order', async () => {
    const { cursor, state } = cursorOf([['a', 'b'], ['c'], ['d', 'e', 'f']]);
    await expect(deadline.all('find', cursor)).resolves.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(state.roundTrips).toBe(4);
    expect(state.closed).toBe(false);
  });

  it('bounds each batch of a cursor, not the whole read, and closes a stalled cursor', async () => {
    // Four batches of 30 ms: 120 ms in all, longer than the 50 ms bound of one round trip.
    const slow = cursorOf([['a'], ['b'], ['c'], ['d']], 30);
    await expect(deadline.all('find', slow.cursor)).resolves.toEqual(['a', 'b', 'c', 'd']);

    const { cursor, state } = cursorOf([['a'], 'stall']);
    await expect(deadline.all('find on reports', cursor)).rejects.toThrow(
      'find on reports got no reply within 50 ms',
    );
    expect(state.closed).toBe(true);
  });
});
