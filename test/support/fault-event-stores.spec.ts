import { randomUUID } from 'node:crypto';
import { testEvent } from './test-event';
import {
  EventStore,
  OutcomeUnknownError,
  SqliteEventStore,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { KurrentDbEventStore } from '../../libs/event-store/src/adapters/kurrentdb/kurrentdb.event-store';
import { KurrentDbDouble, startKurrentDbDouble } from '../kurrentdb-double/kurrentdb-double';
import {
  failingAfterWrite,
  failingBeforeWrite,
  timingOutWhileWriting,
  withEventOfType,
} from './fault-event-stores';
import { FlakyEventStore } from './flaky-event-store';

const event = (type = 'Tested') => testEvent({}, type);
const ids = async (store: EventStore, stream: string) =>
  (await store.readStream(stream)).map((e) => e.eventId);

let double: KurrentDbDouble | undefined;
afterAll(() => double?.close());

const adapters: [string, () => Promise<EventStore>][] = [
  ['sqlite', async () => new SqliteEventStore(':memory:')],
  [
    'kurrentdb (protocol double)',
    async () => {
      double ??= await startKurrentDbDouble();
      return new KurrentDbEventStore(double.url, { timeoutMs: 5000 });
    },
  ],
];

describe.each(adapters)('fault event stores around %s', (_name, open) => {
  let inner: EventStore;
  // Stream names unique per test: the KurrentDB double lives for the whole file.
  let a: string;
  let b: string;
  beforeEach(async () => {
    inner = await open();
    [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
  });
  afterEach(() => inner.close());

  it('failingAfterWrite: the write lands, the caller gets OutcomeUnknownError, a retry answers the result', async () => {
    const store = failingAfterWrite(inner);
    const first = [event()];
    await expect(store.append(a, first, 'no_stream')).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await ids(inner, a)).toEqual([first[0].eventId]);
    expect(store.armed).toBe(0);
    const retried = await store.append(a, first, 'no_stream');
    expect(retried).toMatchObject({ streamId: a, revision: 0 });

    const many = [
      { streamId: a, events: [event()], expected: 0 },
      { streamId: b, events: [event()], expected: 'no_stream' as const },
    ];
    store.arm();
    await expect(store.appendMany(many)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await ids(inner, a)).toHaveLength(2);
    expect(await ids(inner, b)).toEqual([many[1].events[0].eventId]);
    expect(await store.appendMany(many)).toEqual(await inner.appendMany(many));
    expect(store.injected).toBe(2);
  });

  it('failingAfterWrite: a write the inner store refuses fails with its own error', async () => {
    const store = failingAfterWrite(inner);
    await inner.append(a, [event()], 'no_stream');
    await expect(store.append(a, [event()], 'no_stream')).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await ids(inner, a)).toHaveLength(1);
  });

  it('arms for N calls, and only for the writes that match', async () => {
    const store = failingAfterWrite(inner)
      .disarm()
      .arm({ times: 2, when: withEventOfType('X') });
    await expect(store.append(a, [event('Y')], 'any')).resolves.toMatchObject({ revision: 0 });
    await expect(store.append(a, [event('X')], 'any')).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(
      store.appendMany([{ streamId: b, events: [event('Y'), event('X')], expected: 'any' }]),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(store.append(a, [event('X')], 'any')).resolves.toMatchObject({ revision: 2 });
    expect(store.injected).toBe(2);
  });

  it('timingOutWhileWriting: rejects with OutcomeUnknownError before the write lands; it lands later', async () => {
    const store = timingOutWhileWriting(inner, 30, 300);
    const batch = [event()];
    await expect(store.append(a, batch, 'no_stream')).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await ids(inner, a)).toEqual([]);
    await store.settled();
    expect(await ids(inner, a)).toEqual([batch[0].eventId]);
    await expect(store.append(a, batch, 'no_stream')).resolves.toMatchObject({ revision: 0 });
  });

  it('timingOutWhileWriting: an appendMany lands whole, after the caller gave up', async () => {
    const store = timingOutWhileWriting(inner, 20, 300);
    const many = [
      { streamId: a, events: [event()], expected: 'no_stream' as const },
      { streamId: b, events: [event(), event()], expected: 'no_stream' as const },
    ];
    await expect(store.appendMany(many)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await ids(inner, b)).toEqual([]);
    await store.settled();
    expect(await ids(inner, a)).toHaveLength(1);
    expect(await ids(inner, b)).toHaveLength(2);
  });

  it('failingBeforeWrite: StoreUnavailableError and nothing written', async () => {
    const store = failingBeforeWrite(inner);
    await expect(
      store.appendMany([{ streamId: a, events: [event()], expected: 'any' }]),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await ids(inner, a)).toEqual([]);
    await expect(store.append(a, [event()], 'any')).resolves.toMatchObject({ revision: 0 });
  });
});

describe('FlakyEventStore', () => {
  it('FlakyEventStore fails an appendMany carrying the type, before writing', async () => {
    const flaky = new FlakyEventStore(':memory:');
    try {
      flaky.failNextAppendOf('X');
      const many = [
        { streamId: 'a', events: [event('Y')], expected: 'any' as const },
        { streamId: 'b', events: [event('X')], expected: 'any' as const },
      ];
      await expect(flaky.appendMany(many)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await flaky.readStream('a')).toEqual([]);
      await expect(flaky.appendMany(many)).resolves.toHaveLength(2);
    } finally {
      await flaky.close();
    }
  });
});
