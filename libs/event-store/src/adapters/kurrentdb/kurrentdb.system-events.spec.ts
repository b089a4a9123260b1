import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import { jsonEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { KurrentDbEventStore } from './kurrentdb.event-store';

/**
 * KurrentDB writes events of its own ($-prefixed streams and types: stats, projections, stream
 * metadata) into $all. They are not part of our log. Written here with the plain client, as the
 * server itself would.
 */
describe('KurrentDB system events', () => {
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;
  let client: KurrentDBClient;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    store = new KurrentDbEventStore(double.url, { timeoutMs: 2000 });
    client = KurrentDBClient.connectionString(double.url);
  });
  afterAll(async () => {
    await store.close();
    await client.dispose();
    await double.close();
  });

  const ours = (i: number) => testEvent({ i }, 'Ours');
  const writeSystemEvents = async (n: number) => {
    await client.appendToStream(
      '$stats-127.0.0.1:2113',
      Array.from({ length: n }, () => jsonEvent({ type: '$statsCollected', data: { proc: 1 } })),
    );
    await client.appendToStream(`$ce-pairing`, jsonEvent({ type: 'Linked', data: {} }));
    await client.appendToStream(
      `pairing-${randomUUID()}`,
      jsonEvent({ type: '$metadata', data: {} }),
    );
  };

  it('readAll, headPosition and subscribeAll skip them', async () => {
    const stream = `ours-${randomUUID()}`;
    const start = await store.headPosition();
    await store.append(stream, [ours(0), ours(1)], 'no_stream');
    const [first, second] = await store.readStream(stream);
    await writeSystemEvents(40);

    // More system events than headPosition reads per page: it has to step back over them.
    expect(await store.headPosition()).toBe(second.position);
    expect((await store.readAll({ fromPosition: start })).map((e) => e.eventId)).toEqual([
      first.eventId,
      second.eventId,
    ]);
    expect(await store.readAll({ fromPosition: start, limit: 1 })).toEqual([first]);

    const subscription = store.subscribeAll({ fromPosition: start });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual(first);
    expect((await iterator.next()).value).toEqual(second);
    await store.append(stream, [ours(2)], 1);
    const next = await iterator.next();
    await subscription.close();
    expect(next.value).toMatchObject({ streamId: stream, revision: 2 });
  });

  it('a log that holds only system events has no head position for us', async () => {
    const onlySystem = await startKurrentDbDouble();
    const other = new KurrentDbEventStore(onlySystem.url, { timeoutMs: 2000 });
    const raw = KurrentDBClient.connectionString(onlySystem.url);
    try {
      await raw.appendToStream('$stats-1', jsonEvent({ type: '$statsCollected', data: {} }));
      expect(await other.headPosition()).toBeUndefined();
      expect(await other.readAll()).toEqual([]);
    } finally {
      await other.close();
      await raw.dispose();
      await onlySystem.close();
    }
  });
});
