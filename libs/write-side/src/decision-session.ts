import { Command, Decider, DomainEvent, Folding, foldOwned } from '@gongjian/domain';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  Position,
  RecordedEvent,
  StreamAppend,
} from '@gongjian/event-store';
import { upcast } from './event-upcasters';
import {
  CachedStream,
  CommandTrace,
  estimatedBytes,
  StreamStateCache,
  traceCommands,
} from './stream-state-cache';

/** One stream as one attempt of a decision saw it, and what the decision adds to it. */
export interface LoadedStream {
  streamId: string;
  /** Last revision read; -1 for a stream with no events. */
  revision: number;
  /** Position of the event at `revision`. */
  head: Position | null;
  /** Keyed commands written on the stream, by command id. */
  commands: ReadonlyMap<string, CommandTrace>;
  state: unknown;
  decided: DecidedEvent[];
}

export interface DecidedEvent {
  event: DomainEvent;
  /** Business time of this fact, when it is not the decision's. */
  occurredAt?: string;
}

interface Loading {
  streamId: string;
  revision: number;
  head: Position | null;
  commands: Map<string, CommandTrace>;
  bytes: number;
  /** Folded up to `foldedTo` by `folding`; the events after it wait in `pending`. */
  state: unknown;
  folding?: object;
  pending: RecordedEvent[];
  decided: DecidedEvent[];
}

/**
 * What a decision sees of the store during one attempt: each stream is read once (only the events
 * after its cached state, when the cache has one), its state folded once, and the events decided
 * on it are kept until the runner appends them all at once, each stream expected at the revision
 * read here. The session owns the states it folds (taken out of the cache) and updates them in
 * place; `settle` gives them back to the cache, or drops those a failed append leaves unknown.
 */
export class DecisionSession {
  private readonly streams = new Map<string, Promise<Loading>>();
  /** Streams in the order they were first decided on. */
  private readonly written: string[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly cache?: StreamStateCache,
  ) {}

  /** A stream's current state (read and folded once per attempt). */
  async state<S, E extends DomainEvent>(streamId: string, decider: Folding<S, E>): Promise<S> {
    return (await this.stream(streamId, decider)).state as S;
  }

  /**
   * Decides a command against a stream's state; the events are appended with the others when the
   * decision ends. Deciding again on the same stream sees the events decided before.
   */
  async decide<C extends Command, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    command: (state: S) => C,
    options: { occurredAt?: string } = {},
  ): Promise<E[]> {
    const stream = await this.loaded(streamId, decider);
    const state = stream.state as S;
    const events = decider.decide(command(state), state);
    if (events.length === 0) return events;
    if (!this.written.includes(streamId)) this.written.push(streamId);
    // From here the state holds events not appended yet: it is never given back unless they are.
    stream.state = foldOwned(decider, state, events);
    stream.decided.push(...events.map((event) => ({ event, occurredAt: options.occurredAt })));
    return events;
  }

  /** The stream as read in this attempt, folded when a decider is given. */
  async stream<S, E extends DomainEvent>(
    streamId: string,
    decider?: Folding<S, E>,
  ): Promise<LoadedStream> {
    return this.loaded(streamId, decider);
  }

  /** Streams with decided events, in the order they were first decided on. */
  async changes(): Promise<Array<LoadedStream & { expected: ExpectedRevision }>> {
    const streams = await Promise.all(this.written.map((id) => this.loaded(id)));
    return streams.map((s) => ({ ...s, expected: s.revision < 0 ? 'no_stream' : s.revision }));
  }

  /**
   * Gives the folded states back to the cache: every stream after a successful append (those
   * written at the revision the append answered); after a failure only those not decided on,
   * which the attempt left as it read them; the others are dropped, their state unknown.
   */
  async settle(
    outcome: { appends: StreamAppend[]; results: AppendResult[] } | { failed: unknown },
  ): Promise<void> {
    if (!this.cache) return;
    const loaded = await Promise.allSettled(this.streams.values());
    for (const result of loaded) {
      if (result.status !== 'fulfilled') continue;
      const stream = result.value;
      const written = this.written.includes(stream.streamId);
      if ('failed' in outcome && written) {
        this.cache.drop(stream.streamId);
        continue;
      }
      if (stream.folding === undefined || stream.pending.length > 0) continue;
      if (written && 'results' in outcome && !this.applyAppend(stream, outcome)) {
        this.cache.drop(stream.streamId);
        continue;
      }
      this.cache.put({
        streamId: stream.streamId,
        revision: stream.revision,
        head: stream.head,
        state: stream.state,
        folding: stream.folding,
        commands: stream.commands,
        bytes: stream.bytes,
      } satisfies CachedStream);
    }
  }

  private applyAppend(
    stream: Loading,
    { appends, results }: { appends: StreamAppend[]; results: AppendResult[] },
  ): boolean {
    const index = appends.findIndex((a) => a.streamId === stream.streamId);
    const result = results[index];
    if (index < 0 || !result) return false;
    const { events } = appends[index];
    const first = result.revision - events.length + 1;
    stream.bytes += traceCommands(
      stream.commands,
      events.map((e, i) => ({
        eventId: e.eventId,
        revision: first + i,
        position: result.position,
        metadata: e.metadata,
      })),
    );
    for (const e of events) stream.bytes += estimatedBytes(e.data);
    stream.revision = result.revision;
    stream.head = result.position;
    return true;
  }

  private async loaded<S, E extends DomainEvent>(
    streamId: string,
    decider?: Folding<S, E>,
  ): Promise<Loading> {
    let loading = this.streams.get(streamId);
    if (!loading) {
      loading = this.read(streamId);
      this.streams.set(streamId, loading);
    }
    const stream = await loading;
    if (decider && stream.folding !== decider) await this.foldWith(stream, decider);
    else if (decider && stream.pending.length > 0) this.foldPending(stream, decider);
    return stream;
  }

  private async read(streamId: string): Promise<Loading> {
    const cached = this.cache?.take(streamId);
    if (cached) {
      const tail = await this.store.readStream(streamId, { from: cached.revision + 1 });
      if (tail.length === 0 || tail[0].revision === cached.revision + 1) {
        return this.loading(streamId, cached, tail);
      }
    }
    return this.loading(streamId, undefined, await this.store.readStream(streamId));
  }

  private loading(
    streamId: string,
    cached: CachedStream | undefined,
    recorded: RecordedEvent[],
  ): Loading {
    const commands = cached?.commands ?? new Map<string, CommandTrace>();
    let bytes = (cached?.bytes ?? 0) + traceCommands(commands, recorded);
    for (const e of recorded) bytes += estimatedBytes(e.data);
    const last = recorded[recorded.length - 1];
    return {
      streamId,
      revision: last ? last.revision : (cached?.revision ?? -1),
      head: last ? last.position : (cached?.head ?? null),
      commands,
      bytes,
      state: cached?.state,
      folding: cached?.folding,
      pending: recorded,
      decided: [],
    };
  }

  /** Folds the stream from its first event with another decider than the cached state's. */
  private async foldWith<S, E extends DomainEvent>(stream: Loading, decider: Folding<S, E>) {
    if (stream.folding !== undefined) {
      stream.pending = await this.store.readStream(stream.streamId, { limit: stream.revision + 1 });
    }
    stream.folding = decider;
    stream.state = decider.initialState();
    this.foldPending(stream, decider);
  }

  private foldPending<S, E extends DomainEvent>(stream: Loading, decider: Folding<S, E>) {
    stream.state = foldOwned(
      decider,
      stream.state as S,
      stream.pending.map((e) => upcast(e) as E),
    );
    stream.pending = [];
  }
}
