import {
  AppendResult as KurrentAppendResult,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
  START,
} from '@kurrent/kurrentdb-client';
import { setMaxListeners } from 'node:events';
import { backOff } from 'exponential-backoff';
import { checkAppendArguments, checkAppendManyArguments } from '../../append-arguments';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../event-store.errors';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  Subscription,
} from '../../event-store.port';
import { sealAppend, StreamHead } from '../../seal-append';
import { Position } from '../../position';
import { withDeadline } from '../../call-deadline';
import {
  KurrentDbAllSubscription,
  KurrentDbLogger,
  KurrentDbSubscribeAllOptions,
} from './kurrentdb-all.subscription';
import {
  ENGINE,
  isStreamNotFound,
  toStoreError,
  wrongExpectedVersionActual,
} from './kurrentdb-error.mapper';
import { isSystemEvent, toEventData, toRecordedEvent } from './kurrentdb-event.mapper';
import { decodeKurrentDbPosition, encodeKurrentDbPosition } from './kurrentdb-position.codec';

export interface KurrentDbEventStoreOptions {
  /** Longest wait for any single call to the server, in ms. Default 5000. */
  timeoutMs?: number;
  /** Attempts of an append that keeps meeting concurrent writers ('any', 'stream_exists'). Default 30. */
  maxAppendAttempts?: number;
  /**
   * How many of a stream's latest events an append looks at to recognise a retry of an earlier
   * append. Retries with an exact revision or 'no_stream' are recognised at any depth. Default 32.
   */
  idempotencyWindow?: number;
  /** Events per read call when paging through a stream or $all. Default 500. */
  readPageSize?: number;
  /** Events a subscription buffers ahead of its consumer. Default 64. */
  subscriptionReadAhead?: number;
  /** Reconnect backoff of subscriptions after an outage. Defaults 100 ms, doubling up to 5000 ms. */
  reconnectInitialDelayMs?: number;
  reconnectMaxDelayMs?: number;
  /** Warnings about subscription outages go here (pino-compatible). */
  logger?: KurrentDbLogger;
}

type Settings = Required<Omit<KurrentDbEventStoreOptions, 'logger'>> &
  Pick<KurrentDbEventStoreOptions, 'logger'>;

/** A concurrent writer got in first: re-read and try again (bounded). */
class ConcurrentAppendError extends Error {
  constructor(readonly actual: number | 'no_stream') {
    super('concurrent append');
  }
}

/**
 * EventStore on KurrentDB (gRPC, `@kurrent/kurrentdb-client`). The adapter computes the hash chain:
 * it reads the stream's head, seals the new events after it and appends with exactly that
 * revision, so a concurrent writer can never fork the chain. Every server call has its own
 * deadline; "cannot reach the server" in any form becomes StoreUnavailableError.
 */
export class KurrentDbEventStore implements EventStore {
  readonly engine = ENGINE;
  private readonly client: KurrentDBClient;
  private readonly settings: Settings;
  private readonly closing = new AbortController();
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();

  constructor(connectionString: string, options: KurrentDbEventStoreOptions = {}) {
    this.settings = {
      timeoutMs: options.timeoutMs ?? 5000,
      maxAppendAttempts: options.maxAppendAttempts ?? 30,
      idempotencyWindow: options.idempotencyWindow ?? 32,
      readPageSize: options.readPageSize ?? 500,
      subscriptionReadAhead: options.subscriptionReadAhead ?? 64,
      reconnectInitialDelayMs: options.reconnectInitialDelayMs ?? 100,
      reconnectMaxDelayMs: options.reconnectMaxDelayMs ?? 5000,
      logger: options.logger,
    };
    // One abort listener per call in flight: many at once is normal here.
    setMaxListeners(0, this.closing.signal);
    this.client = KurrentDBClient.connectionString(
      withDefaultDeadline(connectionString, this.settings.timeoutMs),
    );
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    checkAppendArguments(streamId, events, expected);
    try {
      return await backOff(() => this.appendOnce(streamId, events, expected), {
        numOfAttempts: this.settings.maxAppendAttempts,
        startingDelay: 5,
        maxDelay: 200,
        jitter: 'full',
        retry: (error) => error instanceof ConcurrentAppendError && !this.closing.signal.aborted,
      });
    } catch (error) {
      if (error instanceof ConcurrentAppendError) {
        throw new WrongExpectedRevisionError(streamId, expected, error.actual);
      }
      throw error;
    }
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    checkAppendManyArguments(appends);
    return Promise.reject(new Error('appendMany is not available on KurrentDB yet'));
  }

  private async appendOnce(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const tail = await this.readStreamPage(
      streamId,
      BACKWARDS,
      END,
      this.settings.idempotencyWindow,
    );
    const earlier = await this.findEarlierAppend(streamId, events, expected, tail);
    if (earlier) return earlier;

    const { head, events: sealed } = sealAppend(
      { streamId, events, expected },
      headOf(tail),
      new Date().toISOString(),
    );
    let written: KurrentAppendResult;
    try {
      written = await this.call('append', () =>
        this.client.appendToStream(
          streamId,
          sealed.map((e) => toEventData(e.event, e.metadata)),
          { streamState: head ? BigInt(head.revision) : NO_STREAM },
        ),
      );
    } catch (error) {
      const actualNow = wrongExpectedVersionActual(error);
      if (actualNow !== undefined) throw new ConcurrentAppendError(actualNow);
      throw error;
    }
    const revision = Number(written.nextExpectedRevision);
    // The append answers with its last event's position; a server that answers without one
    // (e.g. for a write it recognised as a retry) is asked for it.
    const position = written.position
      ? encodeKurrentDbPosition(written.position)
      : (await this.readStreamPage(streamId, FORWARDS, BigInt(revision), 1))[0].position;
    return { streamId, revision, position, eventIds: events.map((e) => e.eventId) };
  }

  /**
   * The same event ids stored already, in this stream and order, as one earlier append: its
   * result. Some of them stored in another arrangement: DuplicateEventIdError. Looks in the
   * stream's latest events, and, when the caller's exact expectation fails, at the place where
   * that expectation would have put them.
   */
  private async findEarlierAppend(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    tail: RecordedEvent[],
  ): Promise<AppendResult | undefined> {
    const byId = new Map(tail.map((e) => [e.eventId, e]));
    const k = events.findIndex((e) => byId.has(e.eventId));
    let first: number | undefined;
    if (k >= 0) {
      first = (byId.get(events[k].eventId) as RecordedEvent).revision - k;
    } else if (expected !== 'any' && expected !== 'stream_exists' && tail.length > 0) {
      const slot = expected === 'no_stream' ? 0 : expected + 1;
      if (tail[0].revision >= slot) first = slot;
    }
    if (first === undefined) return undefined;

    const byRevision = new Map(tail.map((e) => [e.revision, e]));
    let stored = events.map((_, i) => byRevision.get((first as number) + i));
    if (first < 0 || stored.some((e) => e === undefined)) {
      stored =
        first < 0
          ? []
          : await this.readStreamPage(streamId, FORWARDS, BigInt(first), events.length);
    }
    const same =
      stored.length === events.length && stored.every((e, i) => e?.eventId === events[i].eventId);
    if (same) {
      const last = stored[stored.length - 1] as RecordedEvent;
      return {
        streamId,
        revision: last.revision,
        position: last.position,
        eventIds: events.map((e) => e.eventId),
      };
    }
    if (k >= 0) throw new DuplicateEventIdError(streamId, events[k].eventId);
    if (stored[0]?.eventId === events[0].eventId)
      throw new DuplicateEventIdError(streamId, events[0].eventId);
    return undefined;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const limit = options.limit ?? Infinity;
    const out: RecordedEvent[] = [];
    let from: ReadRevision =
      options.from !== undefined ? BigInt(options.from) : backwards ? END : START;
    while (out.length < limit) {
      const want = Math.min(this.settings.readPageSize, limit - out.length);
      const page = await this.readStreamPage(
        streamId,
        backwards ? BACKWARDS : FORWARDS,
        from,
        want,
      );
      out.push(...page);
      if (page.length < want) break;
      const last = page[page.length - 1].revision;
      if (backwards && last === 0) break;
      from = BigInt(backwards ? last - 1 : last + 1);
    }
    return out;
  }

  private async readStreamPage(
    streamId: string,
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromRevision: ReadRevision,
    maxCount: number,
  ): Promise<RecordedEvent[]> {
    if (maxCount <= 0) return [];
    try {
      const read = await this.call('readStream', () =>
        collect(this.client.readStream(streamId, { direction, fromRevision, maxCount })),
      );
      return read.flatMap((e) => (e.event ? [toRecordedEvent(e.event)] : []));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? Infinity;
    const out: RecordedEvent[] = [];
    // KurrentDB reads $all from a position inclusively; ours is exclusive: skip up to `after`.
    let after = options.fromPosition;
    let from: ReadPosition = after !== undefined ? decodeKurrentDbPosition(after) : START;
    while (out.length < limit) {
      const want = Math.min(this.settings.readPageSize, limit - out.length) + 1;
      const page = await this.readAllPage(from, FORWARDS, want);
      const before = after;
      for (const event of page) {
        const position = encodeKurrentDbPosition(
          event.position as { commit: bigint; prepare: bigint },
        );
        if (after !== undefined && position <= after) continue;
        after = position;
        if (!isSystemEvent(event) && out.length < limit) out.push(toRecordedEvent(event));
      }
      // A short page is the end of the log; a page that brought nothing new would repeat forever.
      if (page.length < want || after === undefined || after === before) break;
      from = decodeKurrentDbPosition(after);
    }
    return out;
  }

  private async readAllPage(
    fromPosition: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): Promise<NonNullable<ResolvedEvent['event']>[]> {
    const read = await this.call('readAll', () =>
      collect(this.client.readAll({ fromPosition, direction, maxCount })),
    );
    return read.flatMap((e) => (e.event ? [e.event] : []));
  }

  subscribeAll(options: KurrentDbSubscribeAllOptions = {}): Subscription {
    if (this.closing.signal.aborted)
      throw new StoreUnavailableError(ENGINE, 'subscribeAll: the store is closed');
    const subscription = new KurrentDbAllSubscription(
      this.client,
      {
        timeoutMs: this.settings.timeoutMs,
        readAhead: this.settings.subscriptionReadAhead,
        reconnectInitialDelayMs: this.settings.reconnectInitialDelayMs,
        reconnectMaxDelayMs: this.settings.reconnectMaxDelayMs,
        logger: this.settings.logger,
      },
      options,
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The last event of ours in $all: steps back over KurrentDB's own ($) events. */
  async headPosition(): Promise<Position | undefined> {
    const pageSize = 32;
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS, pageSize);
      const ours = page.find((e) => !isSystemEvent(e));
      if (ours)
        return encodeKurrentDbPosition(ours.position as { commit: bigint; prepare: bigint });
      if (page.length < pageSize) return undefined;
      from = page[page.length - 1].position as { commit: bigint; prepare: bigint };
    }
  }

  /** A real round trip: reads the last record of $all. */
  async ping(): Promise<void> {
    await this.readAllPage(END, BACKWARDS, 1);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await withDeadline(ENGINE, this.client.dispose(), this.settings.timeoutMs, 'close').catch(
      () => undefined,
    );
  }

  private async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    if (this.closing.signal.aborted) {
      throw new StoreUnavailableError(ENGINE, `${operation}: the store is closed`);
    }
    try {
      return await withDeadline(
        ENGINE,
        work(),
        this.settings.timeoutMs,
        operation,
        this.closing.signal,
      );
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}

/** The head of a stream from its latest events, newest first. */
function headOf(tail: readonly RecordedEvent[]): StreamHead | undefined {
  const last = tail[0];
  return last ? { revision: last.revision, hash: last.metadata.hash } : undefined;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * The client's own per-call deadline (`defaultDeadline`), unless the connection string sets one:
 * the client then gives up on its side too, shortly after our own deadline.
 */
function withDefaultDeadline(connectionString: string, timeoutMs: number): string {
  if (/[?&]defaultDeadline=/i.test(connectionString)) return connectionString;
  const separator = connectionString.includes('?') ? '&' : '?';
  return `${connectionString}${separator}defaultDeadline=${timeoutMs}`;
}
