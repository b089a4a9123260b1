import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../../event-store.errors';
import { KurrentDbEventStore } from './kurrentdb.event-store';

/**
 * How the adapter recognises a retried append beyond what the port's contract covers: with a
 * small look-back window, and when the ids come back in another arrangement.
 */
describe('KurrentDB append retries', () => {
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    store = new KurrentDbEventStore(double.url, { timeoutMs: 2000, idempotencyWindow: 2 });
  });
  afterAll(async () => {
    await store.close();
    await double.close();
  });

  const event = (i: number) => testEvent({ i }, 'Retried');
  const events = (n: number) => Array.from({ length: n }, (_, i) => event(i));
  const stream = () => `retry-${randomUUID()}`;

  it('recognises a batch that only partly lies in the look-back window', async () => {
    const s = stream();
    const batch = events(3);
    const first = await store.append(s, batch, 'no_stream');
    expect(await store.append(s, batch, 'any')).toEqual(first);
    expect(await store.readStream(s)).toHaveLength(3);
  });

  it('recognises an exact-revision retry far behind the head', async () => {
    const s = stream();
    const batch = events(2);
    const first = await store.append(s, batch, 'no_stream');
    await store.append(s, events(5), 1);
    expect(await store.append(s, batch, 'no_stream')).toEqual(first);
    expect(await store.readStream(s)).toHaveLength(7);
  });

  it('refuses stored ids in another arrangement with DuplicateEventIdError', async () => {
    const s = stream();
    const batch = events(2);
    await store.append(s, batch, 'no_stream');
    await expect(store.append(s, [batch[1], batch[0]], 'any')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    await expect(store.append(s, [batch[0], event(9)], 'no_stream')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    await expect(store.append(s, [event(8), batch[1]], 'any')).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    expect(await store.readStream(s)).toHaveLength(2);
  });

  it('new events with a stale exact revision are a conflict, not a retry', async () => {
    const s = stream();
    await store.append(s, events(3), 'no_stream');
    await expect(store.append(s, events(1), 0)).rejects.toMatchObject({
      constructor: WrongExpectedRevisionError,
      expected: 0,
      actual: 2,
    });
  });

  it('reads a long stream in pages', async () => {
    const paged = new KurrentDbEventStore(double.url, { timeoutMs: 2000, readPageSize: 4 });
    try {
      const s = stream();
      await paged.append(s, events(10), 'no_stream');
      expect((await paged.readStream(s)).map((e) => e.revision)).toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
      expect(
        (await paged.readStream(s, { direction: 'backwards' })).map((e) => e.revision),
      ).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      expect((await paged.readStream(s, { from: 3, limit: 5 })).map((e) => e.revision)).toEqual([
        3, 4, 5, 6, 7,
      ]);
      const all = await paged.readAll();
      expect(all.filter((e) => e.streamId === s)).toHaveLength(10);
    } finally {
      await paged.close();
    }
  });
});
