import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import {
  clientSeesStop,
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { OutcomeUnknownError, StoreUnavailableError } from '../../event-store.errors';
import { AppendResult, StreamAppend } from '../../event-store.port';
import { KurrentDbEventStore } from './kurrentdb.event-store';

/**
 * What a writer is told when the server takes a write and its answer never comes back: an unknown
 * outcome, never "nothing was written"; the same call made again tells the truth.
 */

const event = () => testEvent({}, 'OutcomeTested');

type Write = { name: string; appends: () => StreamAppend[] };
const writes: Write[] = [
  {
    name: 'append',
    appends: () => [
      { streamId: `one-${randomUUID()}`, events: [event(), event()], expected: 'no_stream' },
    ],
  },
  {
    name: 'appendMany',
    appends: () => [
      { streamId: `many-${randomUUID()}`, events: [event()], expected: 'no_stream' },
      { streamId: `many-${randomUUID()}`, events: [event(), event()], expected: 'no_stream' },
    ],
  },
];

function send(store: KurrentDbEventStore, appends: StreamAppend[]): Promise<AppendResult[]> {
  if (appends.length > 1) return store.appendMany(appends);
  const [{ streamId, events, expected }] = appends;
  return store.append(streamId, events, expected).then((r) => [r]);
}

async function storedIds(store: KurrentDbEventStore, appends: StreamAppend[]) {
  return Promise.all(
    appends.map(async (a) => (await store.readStream(a.streamId)).map((e) => e.eventId)),
  );
}

/**
 * Retries while the store is unavailable: a new client's first call may still be connecting, and
 * the first calls after a restart may still meet the old, dropped connection.
 */
async function onceAvailable<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 100 || !(error instanceof StoreUnavailableError)) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const sentIds = (appends: StreamAppend[]) => appends.map((a) => a.events.map((e) => e.eventId));

describe.each(writes)('$name when the answer is lost', ({ appends: make }) => {
  let double: KurrentDbDouble;
  /** Gives up on an unanswered call soon: for the calls the server holds. */
  let impatient: KurrentDbEventStore;
  /** For every other call, so that a slow moment on a busy machine is no failure. */
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    double = await startKurrentDbDouble();
    impatient = new KurrentDbEventStore(double.url, { timeoutMs: 1500 });
    store = new KurrentDbEventStore(double.url, { timeoutMs: 10_000 });
    // Connected, with the server's features known, before any write is held: the impatient
    // deadline then times the write alone, not the connecting before it.
    await onceAvailable(() => impatient.readStream(`first-${randomUUID()}`));
  });
  afterEach(async () => {
    await impatient.close();
    await store.close();
    await double.close();
  });

  it('the server writes and never answers: OutcomeUnknownError; a retry answers, nothing doubled', async () => {
    const appends = make();
    double.holdWrites('apply');
    await expect(send(impatient, appends)).rejects.toBeInstanceOf(OutcomeUnknownError);
    double.holdWrites(false);
    expect(await storedIds(store, appends)).toEqual(sentIds(appends));
    const retried = await send(store, appends);
    expect(retried.map((r) => r.eventIds)).toEqual(sentIds(appends));
    expect(await storedIds(store, appends)).toEqual(sentIds(appends));
  });

  it('the server drops the write and never answers: OutcomeUnknownError; a retry writes it once', async () => {
    const appends = make();
    double.holdWrites('discard');
    await expect(send(impatient, appends)).rejects.toBeInstanceOf(OutcomeUnknownError);
    double.holdWrites(false);
    expect(await storedIds(store, appends)).toEqual(appends.map(() => []));
    await send(store, appends);
    expect(await storedIds(store, appends)).toEqual(sentIds(appends));
  });

  it('the connection drops after the write was sent: OutcomeUnknownError, not "unavailable"', async () => {
    const appends = make();
    double.holdWrites('apply');
    const call = send(store, appends).then(
      () => new Error('the write was answered'),
      (e: unknown) => e,
    );
    // The write has reached the server once it is in the log.
    for (let i = 0; i < 500; i++) {
      const ids = await storedIds(store, appends);
      if (ids.every((stored) => stored.length > 0)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await double.stop();
    const error = await call;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    double.holdWrites(false);
    await double.start();
    const retried = await onceAvailable(() => send(store, appends));
    expect(retried.map((r) => r.eventIds)).toEqual(sentIds(appends));
    expect(await storedIds(store, appends)).toEqual(sentIds(appends));
  });

  it('the server is down before the call: StoreUnavailableError, nothing written', async () => {
    const appends = make();
    await impatient.ping();
    await double.stop();
    await clientSeesStop();
    const error = await send(impatient, appends).then(
      () => new Error('the write was answered'),
      (e: Error) => e,
    );
    expect({ error: error.constructor.name, message: error.message }).toMatchObject({
      error: StoreUnavailableError.name,
    });
    await double.start();
    expect(await onceAvailable(() => storedIds(store, appends))).toEqual(appends.map(() => []));
  });
});
