import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  KurrentDBClient,
  START,
} from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from '../../event-store.errors';
import {
  RecordedEvent,
  SubscribeAllOptions,
  Subscription,
  SubscriptionStatus,
} from '../../event-store.port';
import { Position } from '../../position';
import { delay, withDeadline } from '../../call-deadline';
import { ENGINE, toStoreError } from './kurrentdb-error.mapper';
import { isSystemEvent, toRecordedEvent } from './kurrentdb-event.mapper';
import { decodeKurrentDbPosition, encodeKurrentDbPosition } from './kurrentdb-position.codec';

/** What a subscription reports about its connection (see the port's SubscriptionStatus). */
export type KurrentDbSubscriptionStatus = SubscriptionStatus;
export type KurrentDbSubscribeAllOptions = SubscribeAllOptions;

/** Minimal structured logger (pino's signature). */
export interface KurrentDbLogger {
  warn(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
}

export interface KurrentDbSubscriptionSettings {
  timeoutMs: number;
  /** Events buffered ahead of the consumer (per buffer of the client's stream). */
  readAhead: number;
  reconnectInitialDelayMs: number;
  reconnectMaxDelayMs: number;
  logger?: KurrentDbLogger;
}

interface Feed {
  stream: AllStreamSubscription;
  iterator: AsyncIterator<AllStreamResolvedEvent>;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * $all, catch-up then live, over the server's subscription. Pull-based: the client's stream holds
 * at most `readAhead` events, then gRPC flow control stops the server (back-pressure).
 *
 * Connection failures:
 * - before the subscription was ever live (the first pull), the pull fails with
 *   StoreUnavailableError within `timeoutMs`;
 * - after that, the subscription reports the outage (`onStatus`, logger), reconnects with
 *   exponential backoff and resumes after the last event it took from the server, so the
 *   consumer sees every event once, in order.
 */
export class KurrentDbAllSubscription implements Subscription {
  private readonly closing = new AbortController();
  private readonly closed: Promise<IteratorReturnResult<undefined>>;
  private feed: Feed | undefined;
  private resumeFrom: Position | undefined;
  private everLive = false;
  private attempt = 0;
  private pulling: Promise<unknown> = Promise.resolve();
  private current: KurrentDbSubscriptionStatus | undefined;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly settings: KurrentDbSubscriptionSettings,
    private readonly options: KurrentDbSubscribeAllOptions,
    private readonly onClose: (subscription: KurrentDbAllSubscription) => void,
  ) {
    this.resumeFrom = options.fromPosition;
    if (options.fromPosition !== undefined) decodeKurrentDbPosition(options.fromPosition);
    this.closed = new Promise((resolve) =>
      this.closing.signal.addEventListener('abort', () => resolve(DONE), { once: true }),
    );
  }

  /** The last reported connection state; undefined before the first pull. */
  get status(): KurrentDbSubscriptionStatus | undefined {
    return this.current;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return DONE;
      },
    };
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    this.onClose(this);
    const feed = this.feed;
    this.feed = undefined;
    if (feed) await stop(feed.stream);
  }

  /** One pull at a time; close() ends a pending pull at once. */
  private next(): Promise<IteratorResult<RecordedEvent>> {
    const pull = this.pulling.then(() => this.pull());
    this.pulling = pull.catch(() => undefined);
    return Promise.race([pull, this.closed]);
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    while (!this.closing.signal.aborted) {
      const feed = this.feed ?? (await this.connect());
      if (!feed) break;
      let item: IteratorResult<AllStreamResolvedEvent>;
      try {
        item = await feed.iterator.next();
      } catch (error) {
        await this.dropped(feed, error);
        continue;
      }
      if (item.done) {
        await this.dropped(
          feed,
          new StoreUnavailableError(ENGINE, 'the server ended the subscription'),
        );
        continue;
      }
      const event = item.value.event;
      if (!event) continue;
      const position = encodeKurrentDbPosition(event.position);
      // The server resumes after resumeFrom; never hand out an event twice, whatever it sends.
      if (this.resumeFrom !== undefined && position <= this.resumeFrom) continue;
      this.resumeFrom = position;
      if (isSystemEvent(event)) continue;
      return { done: false, value: toRecordedEvent(event) };
    }
    return DONE;
  }

  private async connect(): Promise<Feed | undefined> {
    while (!this.closing.signal.aborted) {
      try {
        const feed = await this.open();
        if (this.closing.signal.aborted) {
          await stop(feed.stream);
          return undefined;
        }
        this.feed = feed;
        if (this.attempt > 0) {
          this.settings.logger?.info(
            { engine: ENGINE, attempt: this.attempt, resumeFrom: this.resumeFrom },
            'event store subscription resumed',
          );
        }
        this.report({ state: 'live', attempt: this.attempt, resumeFrom: this.resumeFrom });
        this.everLive = true;
        this.attempt = 0;
        return feed;
      } catch (error) {
        const failure = toStoreError(error, 'subscribeAll');
        if (!this.everLive || !(failure instanceof StoreUnavailableError)) throw failure;
        await this.waitBeforeRetry(failure);
      }
    }
    return undefined;
  }

  /** Subscribes after resumeFrom and waits, bounded, for the server's confirmation. */
  private async open(): Promise<Feed> {
    const stream = this.client.subscribeToAll(
      { fromPosition: this.resumeFrom ? decodeKurrentDbPosition(this.resumeFrom) : START },
      { highWaterMark: this.settings.readAhead },
    );
    // Errors reach the consumer through the iterator; this keeps an error emitted while nobody
    // iterates from crashing the process.
    stream.on('error', () => undefined);
    try {
      await withDeadline(
        ENGINE,
        confirmation(stream),
        this.settings.timeoutMs,
        'subscribeAll',
        this.closing.signal,
      );
    } catch (error) {
      await stop(stream);
      throw error;
    }
    return { stream, iterator: stream[Symbol.asyncIterator]() };
  }

  private async dropped(feed: Feed, error: unknown): Promise<void> {
    if (this.feed === feed) this.feed = undefined;
    await stop(feed.stream);
    if (this.closing.signal.aborted) return;
    const failure = toStoreError(error, 'subscribeAll');
    if (!(failure instanceof StoreUnavailableError)) throw failure;
    await this.waitBeforeRetry(failure);
  }

  private async waitBeforeRetry(error: StoreUnavailableError): Promise<void> {
    this.attempt++;
    const { reconnectInitialDelayMs: initial, reconnectMaxDelayMs: max } = this.settings;
    const ceiling = Math.min(max, initial * 2 ** Math.min(this.attempt - 1, 30));
    const retryInMs = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.settings.logger?.warn(
      {
        engine: ENGINE,
        attempt: this.attempt,
        resumeFrom: this.resumeFrom,
        retryInMs,
        error: error.message,
      },
      'event store subscription lost its connection; retrying',
    );
    this.report({
      state: 'outage',
      attempt: this.attempt,
      error,
      resumeFrom: this.resumeFrom,
      retryInMs,
    });
    await delay(retryInMs, this.closing.signal);
  }

  private report(status: KurrentDbSubscriptionStatus): void {
    this.current = status;
    try {
      this.options.onStatus?.(status);
    } catch (error) {
      this.settings.logger?.warn(
        { engine: ENGINE, error: String(error) },
        'subscription status listener failed',
      );
    }
  }
}

function confirmation(stream: AllStreamSubscription): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('confirmation', onConfirmed);
      stream.off('error', onError);
      stream.off('close', onClosed);
    };
    const onConfirmed = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClosed = () =>
      onError(new StoreUnavailableError(ENGINE, 'subscription closed before confirmation'));
    stream.on('confirmation', onConfirmed);
    stream.on('error', onError);
    stream.on('close', onClosed);
  });
}

/** Cancels the gRPC call and releases the stream's buffers. */
async function stop(stream: AllStreamSubscription): Promise<void> {
  await stream.unsubscribe().catch(() => undefined);
  stream.destroy();
}
