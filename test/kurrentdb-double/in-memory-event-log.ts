/**
 * The storage behind the KurrentDB protocol double: one global log ($all) and a per-stream index,
 * with KurrentDB's append rules (expected revision and idempotent retries). Kept in memory and
 * outside the gRPC server, so the double can be stopped and started again with its data.
 */

/** Expected stream state of an append, as in `AppendReq.Options.expected_stream_revision`. */
export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export interface ProposedEvent {
  eventId: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  streamId: string;
  revision: bigint;
  /** Log position. Commit and prepare positions are both this value (see `append`). */
  position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata. */
  createdTicks: bigint;
}

export type AppendOutcome =
  | { kind: 'success'; currentRevision: bigint; position: bigint }
  | { kind: 'wrong_expected_version'; currentRevision: bigint | 'no_stream' };

export type ReadFrom = 'start' | 'end' | bigint;

/** One stream's part of an atomic multi-stream append (v2 `StreamsService.AppendSession`). */
export interface StreamWrite {
  streamId: string;
  expected: ExpectedState;
  events: ProposedEvent[];
}

export type MultiAppendOutcome =
  | { kind: 'success'; revisions: bigint[]; position: bigint }
  | {
      kind: 'wrong_expected_version';
      streamId: string;
      expected: ExpectedState;
      currentRevision: bigint | 'no_stream';
    };

/** What a commit check decided for one stream: write the events, or answer without writing. */
type Check = { kind: 'write' } | AppendOutcome;

/** Fixed per-record overhead, so that positions grow like byte offsets in a transaction file. */
const RECORD_OVERHEAD = 96n;

export class InMemoryEventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<() => void>();
  /** The first record does not start at 0, like a real transaction file after its header. */
  private nextPosition = 1024n;

  /**
   * Appends atomically or not at all. Follows the server's commit check (KurrentDB,
   * src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs, `CheckCommit`):
   * - `stream_exists` on a missing stream is a wrong expected version;
   * - `any` / `stream_exists`: if the first event id is stored in this stream, the append is a
   *   retry: all ids stored in this stream → success with the original result; only some → wrong
   *   expected version ("corrupted idempotency");
   * - an exact revision (or `no_stream`, i.e. -1) below the current one: the append is a retry
   *   when the events after that revision carry the same ids, in order; otherwise wrong expected
   *   version;
   * - an exact revision above the current one is a wrong expected version; equal appends.
   */
  append(streamId: string, expected: ExpectedState, events: ProposedEvent[]): AppendOutcome {
    const check = this.check(streamId, expected, events);
    if (check.kind !== 'write') return check;
    const outcome = this.write(streamId, events);
    this.notify();
    return outcome;
  }

  /**
   * All the streams or none: every stream's commit check (as in `append`) passes before anything
   * is written, and the events of all the streams are written one after the other, so they are
   * contiguous in $all. A call whose streams are all retries answers the first results; a call
   * mixing retried and new streams is refused on the first retried one (it cannot be both).
   */
  appendMany(writes: readonly StreamWrite[]): MultiAppendOutcome {
    const checks = writes.map((w) => this.check(w.streamId, w.expected, w.events));
    const mixed =
      checks.some((c) => c.kind === 'write') && checks.some((c) => c.kind === 'success');
    const refused = checks.findIndex(
      (c) => c.kind === 'wrong_expected_version' || (mixed && c.kind === 'success'),
    );
    if (refused >= 0) {
      const stream = this.streams.get(writes[refused].streamId) ?? [];
      return {
        kind: 'wrong_expected_version',
        streamId: writes[refused].streamId,
        expected: writes[refused].expected,
        currentRevision: stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1),
      };
    }
    const outcomes = writes.map((w, i) => {
      const check = checks[i];
      return check.kind === 'write' ? this.write(w.streamId, w.events) : check;
    });
    if (checks.some((c) => c.kind === 'write')) this.notify();
    return {
      kind: 'success',
      revisions: outcomes.map((o) => (o.kind === 'success' ? o.currentRevision : -1n)),
      position: outcomes.reduce(
        (max, o) => (o.kind === 'success' && o.position > max ? o.position : max),
        0n,
      ),
    };
  }

  private check(streamId: string, expected: ExpectedState, events: ProposedEvent[]): Check {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? -1n : BigInt(stream.length - 1);
    const wrong = (): AppendOutcome => ({
      kind: 'wrong_expected_version',
      currentRevision: current < 0n ? 'no_stream' : current,
    });

    if (expected.kind === 'stream_exists' && current < 0n) return wrong();
    if (expected.kind === 'any' || expected.kind === 'stream_exists') {
      const retry = this.matchByIds(stream, events);
      if (retry === 'partial') return wrong();
      if (retry) return retry;
    } else {
      const expectedRevision = expected.kind === 'no_stream' ? -1n : expected.revision;
      if (expectedRevision > current) return wrong();
      if (expectedRevision < current) {
        const retry = this.matchFrom(stream, expectedRevision + 1n, events);
        return retry ?? wrong();
      }
    }
    if (events.length === 0) {
      return { kind: 'success', currentRevision: current, position: this.lastPosition() };
    }
    return { kind: 'write' };
  }

  private write(streamId: string, events: ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];

    // Each event is its own record in the log. The double uses the record's position as both
    // commit and prepare position, as for events written outside an explicit transaction
    // (KurrentDB pull requests #2522 and #3459), and answers an append with the position of its
    // last event ("AppendToStream returns the last event's commit position",
    // kurrent-io/EventStore-Client-Go issue #88).
    const createdTicks = BigInt(Date.now()) * 10_000n;
    for (const event of events) {
      const stored: StoredEvent = {
        ...event,
        streamId,
        revision: BigInt(stream.length),
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition +=
        RECORD_OVERHEAD +
        BigInt(event.data.length + event.customMetadata.length + event.type.length);
      stream.push(stored);
      this.all.push(stored);
    }
    this.streams.set(streamId, stream);
    const last = stream[stream.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Stream events from `from` in `direction`, at most `count`; undefined if the stream is missing. */
  readStream(
    streamId: string,
    from: ReadFrom,
    direction: 'forwards' | 'backwards',
    count: bigint,
  ): StoredEvent[] | undefined {
    const stream = this.streams.get(streamId);
    if (!stream) return undefined;
    const max = Number(count < BigInt(stream.length) ? count : BigInt(stream.length));
    if (direction === 'forwards') {
      const start = from === 'start' ? 0 : from === 'end' ? stream.length : Number(from);
      return stream.slice(start, start + max);
    }
    const last = BigInt(stream.length - 1);
    const first = Number(from === 'end' ? last : from === 'start' ? 0n : from < last ? from : last);
    const out: StoredEvent[] = [];
    for (let i = first; i >= 0 && out.length < max; i--) out.push(stream[i]);
    return out;
  }

  /**
   * $all from a position, at most `count`. Forwards reads start AT the position (inclusive);
   * backwards reads return the records before it, as a transaction-file reader that starts at a
   * record boundary and steps back does.
   */
  readAll(from: ReadFrom, direction: 'forwards' | 'backwards', count: bigint): StoredEvent[] {
    const out: StoredEvent[] = [];
    if (direction === 'forwards') {
      let i =
        from === 'start' ? 0 : from === 'end' ? this.all.length : this.firstIndexAtOrAfter(from);
      while (i < this.all.length && BigInt(out.length) < count) out.push(this.all[i++]);
      return out;
    }
    let i =
      from === 'end'
        ? this.all.length - 1
        : from === 'start'
          ? -1
          : this.firstIndexAtOrAfter(from) - 1;
    while (i >= 0 && BigInt(out.length) < count) out.push(this.all[i--]);
    return out;
  }

  /** Index in $all of the first event after `position` (exclusive), for subscriptions. */
  indexAfter(position: ReadFrom): number {
    if (position === 'start') return 0;
    if (position === 'end') return this.all.length;
    let i = this.firstIndexAtOrAfter(position);
    if (i < this.all.length && this.all[i].position === position) i++;
    return i;
  }

  eventAt(index: number): StoredEvent | undefined {
    return this.all[index];
  }

  get length(): number {
    return this.all.length;
  }

  lastPosition(): bigint {
    return this.all.length ? this.all[this.all.length - 1].position : 0n;
  }

  /** Calls `listener` after every successful append; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private firstIndexAtOrAfter(position: bigint): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private matchByIds(
    stream: StoredEvent[],
    events: ProposedEvent[],
  ): AppendOutcome | 'partial' | undefined {
    if (events.length === 0) return undefined;
    const byId = new Map(stream.map((e) => [e.eventId, e]));
    const found = events.map((e) => byId.get(e.eventId));
    if (found[0] === undefined) return undefined;
    if (found.some((f) => f === undefined)) return 'partial';
    const last = found[found.length - 1] as StoredEvent;
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  private matchFrom(
    stream: StoredEvent[],
    first: bigint,
    events: ProposedEvent[],
  ): AppendOutcome | undefined {
    if (events.length === 0) return undefined;
    for (let i = 0; i < events.length; i++) {
      const stored = stream[Number(first) + i];
      if (!stored || stored.eventId !== events[i].eventId) return undefined;
    }
    const last = stream[Number(first) + events.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }
}
