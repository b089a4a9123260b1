import type { EventStore, RecordedEvent, Subscription } from '@gongjian/event-store';

const MAX_BUFFERED = 20_000;

/**
 * Several builds catching up from the start of the log read it once: each gets a branch of one
 * subscription. The reader runs only as far ahead as the slowest branch allows (back-pressure).
 */
export class SharedCatchUp {
  private source?: AsyncIterator<RecordedEvent>;
  private subscription?: Subscription;
  private readonly branches = new Set<Branch>();
  private pulling?: Promise<void>;
  private passedAny = false;
  /** The shared read ended (its subscription was closed): branches end once drained. */
  ended = false;

  constructor(private readonly events: EventStore) {}

  /** An EventStore that serves subscriptions from the start through the shared read. */
  storeFor(): EventStore {
    const shared = Object.create(this.events) as EventStore;
    shared.subscribeAll = (options = {}) =>
      options.fromPosition ? this.events.subscribeAll(options) : this.branch();
    return shared;
  }

  private branch(): Subscription {
    // A build that joins once the shared read has moved on would miss what it passed.
    if (this.passedAny) return this.events.subscribeAll({});
    const branch = new Branch(this);
    this.branches.add(branch);
    return branch;
  }

  /** Reads the next event into every open branch; waits while some branch is full. */
  pull(): Promise<void> {
    this.pulling ??= (async () => {
      while ([...this.branches].some((b) => b.queue.length >= MAX_BUFFERED))
        await new Promise((r) => setTimeout(r, 1));
      if (!this.source) {
        this.subscription = this.events.subscribeAll({});
        this.source = this.subscription[Symbol.asyncIterator]();
      }
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return;
      }
      this.passedAny = true;
      for (const b of this.branches) b.queue.push(next.value);
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
        if (this.shared.ended) return;
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
