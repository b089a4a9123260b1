import { Command, Decider, DomainEvent, fold } from '@gongjian/domain';
import { EventStore, ExpectedRevision, RecordedEvent } from '@gongjian/event-store';
import { upcast } from './event-upcasters';

type Folding<S, E extends DomainEvent> = Pick<Decider<never, S, E>, 'evolve' | 'initialState'>;

/** One stream as one attempt of a decision saw it, and what the decision adds to it. */
export interface LoadedStream {
  streamId: string;
  recorded: RecordedEvent[];
  /** Last revision read; -1 for a stream with no events. */
  revision: number;
  state: unknown;
  decided: DecidedEvent[];
}

export interface DecidedEvent {
  event: DomainEvent;
  /** Business time of this fact, when it is not the decision's. */
  occurredAt?: string;
}

/**
 * What a decision sees of the store during one attempt: each stream is read once, its state
 * folded once, and the events decided on it are kept until the runner appends them all at once,
 * each stream expected at the revision read here.
 */
export class DecisionSession {
  private readonly streams = new Map<string, Promise<LoadedStream>>();
  /** Streams in the order they were first decided on. */
  private readonly written: string[] = [];

  constructor(private readonly store: EventStore) {}

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
    const stream = await this.stream(streamId, decider);
    const state = stream.state as S;
    const events = decider.decide(command(state), state);
    if (events.length === 0) return events;
    stream.state = events.reduce((current, event) => decider.evolve(current, event), state);
    stream.decided.push(...events.map((event) => ({ event, occurredAt: options.occurredAt })));
    if (!this.written.includes(streamId)) this.written.push(streamId);
    return events;
  }

  /** The raw stream, for the runner (retries, If-Match). */
  stream<S, E extends DomainEvent>(
    streamId: string,
    decider?: Folding<S, E>,
  ): Promise<LoadedStream> {
    let loading = this.streams.get(streamId);
    if (!loading) {
      loading = this.store.readStream(streamId).then((recorded) => ({
        streamId,
        recorded,
        revision: recorded.length ? recorded[recorded.length - 1].revision : -1,
        state: decider
          ? fold(
              decider,
              recorded.map((e) => upcast(e) as E),
            )
          : undefined,
        decided: [],
      }));
      this.streams.set(streamId, loading);
    }
    return loading.then((stream) => {
      if (stream.state === undefined && decider) {
        stream.state = fold(
          decider,
          stream.recorded.map((e) => upcast(e) as E),
        );
      }
      return stream;
    });
  }

  /** Streams with decided events, in the order they were first decided on. */
  async changes(): Promise<Array<LoadedStream & { expected: ExpectedRevision }>> {
    const streams = await Promise.all(this.written.map((id) => this.stream(id)));
    return streams.map((s) => ({ ...s, expected: s.revision < 0 ? 'no_stream' : s.revision }));
  }
}
