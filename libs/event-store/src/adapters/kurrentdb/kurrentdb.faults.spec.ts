import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import {
  clientSeesStop,
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { StoreUnavailableError } from '../../event-store.errors';
import { RecordedEvent } from '../../event-store.port';
import { KurrentDbSubscriptionStatus } from './kurrentdb-all.subscription';
import { KurrentDbEventStore } from './kurrentdb.event-store';

/** Faults seen through the adapter only, against the KurrentDB protocol double. */

const event = (i: number) => testEvent({ i }, 'FaultTested');
const events = (n: number, from = 0) => Array.from({ length: n }, (_, i) => event(from + i));

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a server that accepts connections and never answers', () => {
  const timeoutMs = 400;
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    double = await startKurrentDbDouble({ silent: true });
    store = new KurrentDbEventStore(double.url, { timeoutMs });
  });
  afterAll(async () => {
    await store.close();
    await double.close();
  });

  const calls: [string, () => Promise<unknown>][] = [
    ['append', () => store.append('silent-1', events(1), 'any')],
    ['readStream', () => store.readStream('silent-1')],
    ['readAll', () => store.readAll({ limit: 10 })],
    ['headPosition', () => store.headPosition()],
    ['ping', () => store.ping()],
    ['the first pull of a subscription', () => store.subscribeAll()[Symbol.asyncIterator]().next()],
  ];

  it.each(calls)('%s fails with StoreUnavailableError within its timeout', async (_name, call) => {
    const started = Date.now();
    const error = await call().then(
      () => new Error('the call succeeded against a server that never answers'),
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    // Failed because the deadline passed (not because the connection was refused), and soon after it.
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs + 1500);
  });
});

describe('the server stops in the middle of a subscription and starts again', () => {
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;
  const logged: string[] = [];

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    store = new KurrentDbEventStore(double.url, {
      timeoutMs: 1000,
      reconnectInitialDelayMs: 50,
      reconnectMaxDelayMs: 250,
      logger: {
        warn: (_context, message) => logged.push(`warn: ${message}`),
        info: (_context, message) => logged.push(`info: ${message}`),
      },
    });
  });
  afterAll(async () => {
    await store.close();
    await double.close();
  });

  it('reports the outage and resumes after the last delivered event: none lost, none twice', async () => {
    const stream = `resume-${randomUUID()}`;
    await store.append(stream, events(10), 'no_stream');
    const seen: RecordedEvent[] = [];
    const statuses: { status: KurrentDbSubscriptionStatus; delivered: number }[] = [];
    const subscription = store.subscribeAll({
      onStatus: (status) => statuses.push({ status, delivered: seen.length }),
    });
    const iterator = subscription[Symbol.asyncIterator]();
    const pullMine = async (count: number) => {
      for (let pulls = 0; seen.length < count && pulls < 10_000; pulls++) {
        const next = await iterator.next();
        if (next.done) break;
        if (next.value.streamId === stream) seen.push(next.value);
      }
    };

    await pullMine(3);
    await double.stop();
    const rest = pullMine(13);
    // Down for a while: the subscription keeps retrying and reporting each failed attempt.
    await waitFor(() => statuses.some((s) => s.status.state === 'outage' && s.status.attempt >= 3));
    await double.start();
    await store.append(stream, events(3, 10), 9);
    await rest;
    await subscription.close();

    expect(seen.map((e) => e.revision)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(13);

    const outage = statuses.find((s) => s.status.state === 'outage');
    expect(outage?.status).toMatchObject({ attempt: 1, error: expect.any(StoreUnavailableError) });
    // It resumes from the last event it had delivered when the outage was noticed.
    expect(outage?.status.resumeFrom).toBe(seen[(outage?.delivered ?? 0) - 1].position);
    const states = statuses.map((s) => s.status.state);
    expect(states[0]).toBe('live');
    expect(states.lastIndexOf('live')).toBeGreaterThan(states.indexOf('outage'));
    expect(subscription).toMatchObject({ status: { state: 'live' } });
    expect(logged).toContain('warn: event store subscription lost its connection; retrying');
    expect(logged).toContain('info: event store subscription resumed');
  });
});

describe('the server is down when an append is made', () => {
  let double: KurrentDbDouble;
  let store: KurrentDbEventStore;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    store = new KurrentDbEventStore(double.url, { timeoutMs: 1000 });
  });
  afterAll(async () => {
    await store.close();
    await double.close();
  });

  it('fails with StoreUnavailableError, writes nothing, and the same append succeeds once after restart', async () => {
    const stream = `down-${randomUUID()}`;
    const [first] = events(1);
    await store.append(stream, [first], 'no_stream');
    const batch = events(2, 1);

    await double.stop();
    await clientSeesStop();
    await expect(store.append(stream, batch, 0)).rejects.toBeInstanceOf(StoreUnavailableError);
    await double.start();

    expect((await store.readStream(stream)).map((e) => e.eventId)).toEqual([first.eventId]);
    const result = await store.append(stream, batch, 0);
    expect(result).toMatchObject({ revision: 2, eventIds: batch.map((e) => e.eventId) });
    expect(await store.append(stream, batch, 0)).toEqual(result);
    expect((await store.readStream(stream)).map((e) => e.eventId)).toEqual([
      first.eventId,
      ...batch.map((e) => e.eventId),
    ]);
  });
});
