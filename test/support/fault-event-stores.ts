import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  OutcomeUnknownError,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreUnavailableError,
  StreamAppend,
  SubscribeAllOptions,
  Subscription,
} from '@gongjian/event-store';

/** Which writes an armed fault applies to; others pass through untouched. */
export type WriteMatcher = (appends: readonly StreamAppend[]) => boolean;

/** Matches a write with at least one event of this type (in any of its streams). */
export function withEventOfType(type: string): WriteMatcher {
  return (appends) => appends.some((a) => a.events.some((e) => e.type === type));
}

export interface FaultContext {
  engine: string;
  /** Registers work that goes on after the answer (a late write), for `settled()`. */
  track(work: Promise<unknown>): void;
}

/**
 * What a fault does with a write instead of passing it through. `write` performs it on the inner
 * store (append or appendMany, as the caller asked).
 */
export type Fault = (
  write: () => Promise<AppendResult[]>,
  context: FaultContext,
) => Promise<AppendResult[]>;

export interface ArmOptions {
  /** How many matching writes the fault applies to. Default 1. */
  times?: number;
  /** Default: every write. */
  when?: WriteMatcher;
}

/**
 * Wraps any EventStore and applies a fault to its next matching writes (append and appendMany);
 * reads, subscriptions and every other write go to the inner store. Arm it once, or for N calls,
 * or for writes that match; `injected` counts the faults applied.
 */
export class FaultEventStore implements EventStore {
  private armings: { remaining: number; when: WriteMatcher }[] = [];
  private late = new Set<Promise<unknown>>();
  injected = 0;

  constructor(
    readonly inner: EventStore,
    private readonly fault: Fault,
  ) {}

  get engine(): string {
    return this.inner.engine;
  }

  /** Applies the fault to the next `times` matching writes (added to any arming already set). */
  arm(options: ArmOptions = {}): this {
    this.armings.push({ remaining: options.times ?? 1, when: options.when ?? (() => true) });
    return this;
  }

  disarm(): this {
    this.armings = [];
    return this;
  }

  /** Matching writes the fault will still apply to. */
  get armed(): number {
    return this.armings.reduce((n, a) => n + a.remaining, 0);
  }

  /** Resolves once every write a fault let land later has landed (or failed). */
  async settled(): Promise<void> {
    while (this.late.size > 0) await Promise.allSettled([...this.late]);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const [result] = await this.write([{ streamId, events, expected }], () =>
      this.inner.append(streamId, events, expected).then((r) => [r]),
    );
    return result;
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.write(appends, () => this.inner.appendMany(appends));
  }

  private write(
    appends: readonly StreamAppend[],
    pass: () => Promise<AppendResult[]>,
  ): Promise<AppendResult[]> {
    const arming = this.armings.find((a) => a.remaining > 0 && a.when(appends));
    if (!arming) return pass();
    arming.remaining--;
    this.armings = this.armings.filter((a) => a.remaining > 0);
    this.injected++;
    return this.fault(pass, {
      engine: this.engine,
      track: (work) => {
        this.late.add(work);
        const forget = () => this.late.delete(work);
        work.then(forget, forget);
      },
    });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeAll(options?: SubscribeAllOptions): Subscription {
    return this.inner.subscribeAll(options);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    await this.settled();
    await this.inner.close();
  }
}

/** Refuses the write without performing it: StoreUnavailableError, nothing written. */
export function failingBeforeWrite(store: EventStore): FaultEventStore {
  return new FaultEventStore(store, async (_write, { engine }) => {
    throw new StoreUnavailableError(engine, 'injected failure before writing');
  }).arm();
}

/**
 * Performs the write on the inner store, then throws OutcomeUnknownError: the write landed, the
 * caller is not told (a connection dropped after the server applied it). A write the inner store
 * refuses (a conflict, say) fails with the inner store's error, as it would have anyway.
 */
export function failingAfterWrite(store: EventStore): FaultEventStore {
  return new FaultEventStore(store, async (write, { engine }) => {
    await write();
    throw new OutcomeUnknownError(engine, 'injected failure after writing');
  }).arm();
}

/**
 * The call rejects with OutcomeUnknownError once `deadlineMs` has passed; the write itself is
 * performed on the inner store `landsAfterMs` after the call (default twice the deadline), so it
 * lands after the caller gave up. `settled()` waits for such late writes.
 */
export function timingOutWhileWriting(
  store: EventStore,
  deadlineMs: number,
  landsAfterMs = deadlineMs * 2,
): FaultEventStore {
  return new FaultEventStore(store, (write, { engine, track }) => {
    const landing = new Promise<void>((resolve) => setTimeout(resolve, landsAfterMs)).then(write);
    // The late write's own outcome reaches nobody, as with a real server.
    landing.catch(() => undefined);
    track(landing);
    return new Promise((_resolve, reject) =>
      setTimeout(
        () =>
          reject(new OutcomeUnknownError(engine, `injected: no answer within ${deadlineMs} ms`)),
        deadlineMs,
      ),
    );
  }).arm();
}
