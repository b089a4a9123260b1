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
import { StreamsServiceService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb';
import { setMaxListeners } from 'node:events';
import { backOff } from 'exponential-backoff';
import { checkAppendArguments, checkAppendManyArguments } from '../../append-arguments';
import {
  DuplicateEventIdError,
  OutcomeUnknownError,
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
import { SealedAppend, sealAppend, StreamHead } from '../../seal-append';
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
  toWriteError,
  wrongExpectedVersion,
} from './kurrentdb-error.mapper';
import {
  isSystemEvent,
  toEventData,
  toFlatEventData,
  toRecordedEvent,
} from './kurrentdb-event.mapper';
import { findEarlierAppend } from './kurrentdb-earlier-append';
import { serverFeatures } from './kurrentdb-server-features';
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
  constructor(
    readonly streamId: string,
    readonly actual: number | 'no_stream',
  ) {
    super('concurrent append');
  }
}

/** What the engine answered for one stream of a write. */
interface Written {
  revision: number;
  position: Position | undefined;
}

/** The first server version with the v2 StreamsService (multiStreamAppend). */
export const MULTI_STREAM_APPEND_VERSION = '25.1';

/**
 * EventStore on KurrentDB (gRPC, `@kurrent/kurrentdb-client`). The adapter computes the hash chain:
 * it reads the stream's head, seals the new events after it and appends with exactly that
 * revision, so a concurrent writer can never fork the chain; several streams go in one
 * multiStreamAppend with each stream's head revision as read. Every server call has its own
 * deadline. A read that cannot reach the server is StoreUnavailableError; so is a write that was
 * never sent, while a write that may have reached the server is OutcomeUnknownError.
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
    const [result] = await this.appendWithRetries([{ streamId, events, expected }]);
    return result;
  }

  /** One stream: Streams.Append. Several: one multiStreamAppend (KurrentDB 25.1+), atomic. */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    checkAppendManyArguments(appends);
    return this.appendWithRetries(appends);
  }

  /**
   * Refuses a server that cannot append to several streams atomically (before 25.1). Run once at
   * startup: the client learns the server's features on its first call.
   */
  async checkServerFeatures(): Promise<void> {
    const features = await this.call('server features', () => serverFeatures(this.client));
    if (!features.supports(StreamsServiceService.appendSession)) {
      throw new Error(
        `KurrentDB ${MULTI_STREAM_APPEND_VERSION} or later is needed (atomic appends to several ` +
          `streams); the server reports version ${features.serverVersion}`,
      );
    }
  }

  private async appendWithRetries(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    try {
      return await backOff(() => this.appendOnce(appends), {
        numOfAttempts: this.settings.maxAppendAttempts,
        startingDelay: 5,
        maxDelay: 200,
        jitter: 'full',
        retry: (error) => error instanceof ConcurrentAppendError && !this.closing.signal.aborted,
      });
    } catch (error) {
      if (error instanceof ConcurrentAppendError) {
        const conflicting = appends.find((a) => a.streamId === error.streamId) ?? appends[0];
        throw new WrongExpectedRevisionError(
          conflicting.streamId,
          conflicting.expected,
          error.actual,
        );
      }
      throw error;
    }
  }

  private async appendOnce(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const tails = await Promise.all(
      appends.map((a) =>
        this.readStreamPage(a.streamId, BACKWARDS, END, this.settings.idempotencyWindow),
      ),
    );
    const earlier = await Promise.all(
      appends.map((a, i) =>
        findEarlierAppend(a, tails[i], (from, count) =>
          this.readStreamPage(a.streamId, FORWARDS, BigInt(from), count),
        ),
      ),
    );
    if (earlier.every((result) => result !== undefined)) return earlier as AppendResult[];
    const stored = earlier.findIndex((result) => result !== undefined);
    if (stored >= 0) {
      throw new DuplicateEventIdError(appends[stored].streamId, appends[stored].events[0].eventId);
    }

    const recordedAt = new Date().toISOString();
    const sealed = appends.map((a, i) => sealAppend(a, headOf(tails[i]), recordedAt));
    const written =
      sealed.length === 1 ? [await this.writeOne(sealed[0])] : await this.writeMany(sealed);
    return Promise.all(
      sealed.map(async ({ streamId, events }, i) => ({
        streamId,
        revision: written[i].revision,
        position:
          written[i].position ?? (await this.positionOfWritten(streamId, written[i].revision)),
        eventIds: events.map((e) => e.event.eventId),
      })),
    );
  }

  private async writeOne({ streamId, head, events }: SealedAppend): Promise<Written> {
    try {
      const written: KurrentAppendResult = await this.call(
        'append',
        () =>
          this.client.appendToStream(
            streamId,
            events.map((e) => toEventData(e.event, e.metadata)),
            { streamState: expectedHead(head) },
          ),
        { writes: true },
      );
      // A server may answer a write it recognised as a retry without a position.
      return {
        revision: Number(written.nextExpectedRevision),
        position: written.position ? encodeKurrentDbPosition(written.position) : undefined,
      };
    } catch (error) {
      throw asConcurrentAppend(error, streamId) ?? error;
    }
  }

  /** The client answers revisions only; the positions are read back. */
  private async writeMany(sealed: readonly SealedAppend[]): Promise<Written[]> {
    try {
      const written = await this.call(
        'appendMany',
        () =>
          this.client.multiStreamAppend(
            sealed.map(({ streamId, head, events }) => ({
              streamName: streamId,
              expectedState: expectedHead(head),
              events: events.map((e) => toFlatEventData(e.event, e.metadata)),
            })),
          ),
        { writes: true },
      );
      return sealed.map(({ streamId, events }) => {
        const answer = written.responses.find((r) => r.streamName === streamId);
        return {
          revision: answer ? Number(answer.revision) : events[events.length - 1].revision,
          position: undefined,
        };
      });
    } catch (error) {
      throw asConcurrentAppend(error, sealed[0].streamId) ?? error;
    }
  }

  /** The write is done: if its position cannot be read now, the caller must ask again. */
  private async positionOfWritten(streamId: string, revision: number): Promise<Position> {
    try {
      const [last] = await this.readStreamPage(streamId, FORWARDS, BigInt(revision), 1);
      if (last) return last.position;
      throw new Error(`event ${revision} of ${streamId} is not there after its write`);
    } catch (error) {
      throw new OutcomeUnknownError(
        ENGINE,
        `written, but its position could not be read: ${firstLine(error)}`,
        { cause: error },
      );
    }
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

  /**
   * Every server call, with its deadline. For a write (`writes`), a failure after the request may
   * have reached the server (its deadline passed, the store closed or the connection dropped
   * meanwhile) is OutcomeUnknownError; StoreUnavailableError only when it was never sent.
   */
  private async call<T>(
    operation: string,
    work: () => Promise<T>,
    { writes = false } = {},
  ): Promise<T> {
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
      throw writes ? toWriteError(error, operation) : toStoreError(error, operation);
    }
  }
}

function expectedHead(head: StreamHead | undefined): bigint | typeof NO_STREAM {
  return head ? BigInt(head.revision) : NO_STREAM;
}

function asConcurrentAppend(error: unknown, streamId: string): ConcurrentAppendError | undefined {
  const conflict = wrongExpectedVersion(error);
  return conflict && new ConcurrentAppendError(conflict.streamId ?? streamId, conflict.actual);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
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
