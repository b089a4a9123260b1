import type { EventStore, RecordedEvent, Subscription } from '@gongjian/event-store';

const MAX_BUFFERED = 20_000;

/** One build's access to the shared read: `leave` once the build has ended, however it ended. */
export interface CatchUpParticipant {
  events: EventStore;
  leave(): void;
}

/**
 * Several builds catching up from the start of the log read it once: each gets a branch of one
 * subscription. The read starts only once every participant has subscribed or left (a branch
 * opened later would miss the events read before it), and runs only as far ahead as the
 * slowest branch allows (back-pressure). A participant's second subscription from the start
 * (a build resuming after an error) reads the log by itself.
 */
export class SharedCatchUp {
  private source?: AsyncIterator<RecordedEvent>;
  private subscription?: Subscription;
  private readonly branches = new Set<Branch>();
  private pulling?: Promise<void>;
  private waiting: number;
  private allJoined?: () => void;
  private readonly joined: Promise<void>;

  constructor(
    private readonly events: EventStore,
    participants: number,
  ) {
    this.waiting = participants;
    this.joined = new Promise((resolve) => (this.allJoined = resolve));
    if (participants <= 0) this.allJoined?.();
  }

  participant(): CatchUpParticipant {
    let counted = false;
    const arrive = () => {
      if (counted) return false;
      counted = true;
      if (--this.waiting === 0) this.allJoined?.();
      return true;
    };
    const events = Object.create(this.events) as EventStore;
    events.subscribeAll = (options = {}) =>
      !options.fromPosition && !this.source && arrive()
        ? this.branch()
        : this.events.subscribeAll(options);
    return { events, leave: () => void arrive() };
  }

  private branch(): Subscription {
    const branch = new Branch(this);
    this.branches.add(branch);
    return branch;
  }

  /** Reads the next event into every open branch; waits while some branch is full. */
  pull(): Promise<void> {
    this.pulling ??= (async () => {
      await this.joined;
      while ([...this.branches].some((b) => b.queue.length >= MAX_BUFFERED))
        await new Promise((r) => setTimeout(r, 1));
      if (!this.source) {
        this.subscription = this.events.subscribeAll({});
        this.source = this.subscription[Symbol.asyncIterator]();
      }
      const next = await this.source.next();
      if (!next.done) for (const b of this.branches) b.queue.push(next.value);
    })().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  async remove(branch: Branch): Promise<void> {
    this.branches.delete(branch);
    if (this.branches.size === 0) await this.subscription?.close();
  }
}

/** A FIFO of events that does not shift arrays. */
class EventQueue {
  private items: RecordedEvent[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(event: RecordedEvent): void {
    this.items.push(event);
  }

  take(): RecordedEvent {
    const event = this.items[this.head++];
    if (this.head > 4096) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return event;
  }
}

class Branch implements Subscription {
  readonly queue = new EventQueue();
  private closed = false;

  constructor(private readonly shared: SharedCatchUp) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    while (!this.closed) {
      if (this.queue.length === 0) {
        await this.shared.pull();
        continue;
      }
      yield this.queue.take();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.shared.remove(this);
  }
}
