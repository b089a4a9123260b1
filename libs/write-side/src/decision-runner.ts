import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { backOff } from 'exponential-backoff';
import { Command, Decider, DomainEvent, fold } from '@gongjian/domain';
import {
  AppendResult,
  DuplicateEventIdError,
  EVENT_STORE,
  EventStore,
  NewEvent,
  RecordedEvent,
  StreamAppend,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { CommandMetadata } from './command-metadata';
import { CommandResult } from './command-result';
import { DecisionSession, LoadedStream } from './decision-session';
import { eventIdFor } from './deterministic-ids';
import { upcast } from './event-upcasters';
import {
  idempotencyRecord,
  idempotencyStreamId,
  isKeyedCommandId,
  readIdempotencyRecord,
} from './idempotency-record';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from './write-side.errors';

/** A command decided against one stream. */
export interface Decision<C extends Command, S, E extends DomainEvent> {
  /** The resource id answered to the client. */
  id: string;
  streamId: string;
  decider: Decider<C, S, E>;
  /** Built from the current state, so a retry after a conflict decides on fresh facts. */
  command: (state: S) => C;
  metadata: CommandMetadata;
  /** Business time of the fact, when it is not the moment of the request. */
  occurredAt?: string;
  ignoreIfMatch?: boolean;
}

/** A command decided against every stream it touches, appended to all of them at once. */
export interface MultiStreamDecision {
  /** The resource id answered to the client. */
  id: string;
  /** The stream the answer (revision, position) and If-Match concern. */
  streamId: string;
  metadata: CommandMetadata;
  occurredAt?: string;
  /** For commands that create their resource: If-Match has nothing to compare with. */
  ignoreIfMatch?: boolean;
  /** Reads the states it needs and decides on each stream; runs again after a conflict. */
  decide(session: DecisionSession): Promise<void>;
}

const MAX_ATTEMPTS = 6;

/** Secret for request fingerprints in event metadata; stable across restarts. */
export const REQUEST_HASH_KEY = Symbol.for('gongjian.RequestHashKey');

/**
 * load every stream → fold → decide on each → one atomic append (with the command's
 * idempotency record when it has a key), each stream at the revision it was read at. A conflict
 * on any stream runs the whole decision again (bounded, jittered). Event ids derive from the
 * command id, so a retried command never writes twice.
 */
@Injectable()
export class DecisionRunner {
  private readonly requestHashKey: Buffer;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(REQUEST_HASH_KEY) requestHashKey?: Buffer,
  ) {
    this.requestHashKey = requestHashKey ?? randomBytes(32);
  }

  /**
   * Events keep a keyed fingerprint of the request, never its plain hash: a plain hash of a body
   * with an identity number could be reversed by trying the few candidates left.
   */
  private fingerprint(metadata: CommandMetadata): string {
    return createHmac('sha256', this.requestHashKey).update(metadata.requestHash).digest('hex');
  }

  run<C extends Command, S, E extends DomainEvent>(
    decision: Decision<C, S, E>,
  ): Promise<CommandResult> {
    const { decider, command, streamId } = decision;
    return this.runAcross({
      id: decision.id,
      streamId,
      metadata: decision.metadata,
      occurredAt: decision.occurredAt,
      ignoreIfMatch: decision.ignoreIfMatch,
      decide: async (session) => {
        await session.decide(streamId, decider, command);
      },
    });
  }

  async runAcross(decision: MultiStreamDecision): Promise<CommandResult> {
    let attempts = 0;
    try {
      return await backOff(
        () => {
          attempts++;
          return this.attempt(decision);
        },
        {
          numOfAttempts: MAX_ATTEMPTS,
          startingDelay: 5,
          maxDelay: 200,
          jitter: 'full',
          // A duplicate event id: the same command (same key) was written meanwhile, with
          // other content; deciding again finds its idempotency record.
          retry: (error) =>
            error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError,
        },
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        throw new ConcurrencyConflictError(decision.streamId, attempts);
      }
      throw error;
    }
  }

  /** Current state of a stream, for reads outside a decision (queries, scope checks). */
  async load<S, E extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>,
  ): Promise<{ state: S; revision: number }> {
    const recorded = await this.store.readStream(streamId);
    return {
      state: fold(
        decider,
        recorded.map((e) => upcast(e) as E),
      ),
      revision: recorded.length ? recorded[recorded.length - 1].revision : -1,
    };
  }

  private async attempt(decision: MultiStreamDecision): Promise<CommandResult> {
    const { metadata } = decision;
    const session = new DecisionSession(this.store);
    const keyed = isKeyedCommandId(metadata.commandId);
    const keyStream = idempotencyStreamId(metadata.commandId);
    const [record, primary] = await Promise.all([
      keyed ? session.stream(keyStream) : undefined,
      session.stream(decision.streamId),
    ]);

    const earlier = record && readIdempotencyRecord(record.recorded);
    if (earlier) {
      if (earlier.fingerprint !== this.fingerprint(metadata)) throw new IdempotencyKeyReusedError();
      const primaryIds = earlier.streams.find((s) => s.streamId === earlier.target.streamId);
      const own = primary.recorded.filter((e) => primaryIds?.eventIds.includes(e.eventId));
      return own.length > 0
        ? this.answer(earlier.target.id, earlier.target.streamId, own)
        : { ...this.unchanged(earlier.target.id, primary), position: record.recorded[0].position };
    }
    // Written by versions that kept no idempotency record: the stream itself tells.
    const legacy = primary.recorded.filter((e) => e.metadata.commandId === metadata.commandId);
    if (legacy.length > 0) {
      if (legacy[0].metadata.requestHash !== this.fingerprint(metadata)) {
        throw new IdempotencyKeyReusedError();
      }
      return this.answer(decision.id, decision.streamId, legacy);
    }
    if (
      !decision.ignoreIfMatch &&
      metadata.ifMatch !== undefined &&
      metadata.ifMatch !== primary.revision
    ) {
      throw new PreconditionFailedError(decision.streamId, metadata.ifMatch, primary.revision);
    }

    await decision.decide(session);
    const changes = await session.changes();
    if (changes.length === 0) return this.unchanged(decision.id, primary);

    // The answered stream last, so its position covers every stream the command wrote.
    const ordered = [
      ...changes.filter((c) => c.streamId !== decision.streamId),
      ...changes.filter((c) => c.streamId === decision.streamId),
    ];
    const appends: StreamAppend[] = ordered.map((change) => ({
      streamId: change.streamId,
      expected: change.expected,
      events: change.decided.map(({ event, occurredAt }, index) =>
        this.envelope(decision, change.streamId, event, index, occurredAt),
      ),
    }));
    if (keyed) appends.push(this.recordOf(decision, keyStream, appends));

    const results = await this.append(appends);
    const answered = results.find((r) => r.streamId === decision.streamId);
    if (!answered) {
      const last = results[ordered.length - 1];
      return { ...this.unchanged(decision.id, primary), position: last.position };
    }
    return { id: decision.id, ...answered };
  }

  private append(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 1) {
      const [{ streamId, events, expected }] = appends;
      return this.store.append(streamId, events, expected).then((result) => [result]);
    }
    return this.store.appendMany(appends);
  }

  private recordOf(
    decision: MultiStreamDecision,
    keyStream: string,
    appends: StreamAppend[],
  ): StreamAppend {
    const { metadata } = decision;
    const base = this.envelope(decision, keyStream, { type: '', data: {} }, 0);
    return {
      streamId: keyStream,
      expected: 'no_stream',
      events: [
        idempotencyRecord(base, {
          commandId: metadata.commandId,
          actorId: metadata.actor.id,
          fingerprint: this.fingerprint(metadata),
          target: { id: decision.id, streamId: decision.streamId },
          streams: appends.map((a) => ({
            streamId: a.streamId,
            eventIds: a.events.map((e) => e.eventId),
          })),
        }),
      ],
    };
  }

  private unchanged(id: string, primary: LoadedStream): CommandResult {
    const head = primary.recorded[primary.recorded.length - 1];
    return {
      id,
      streamId: primary.streamId,
      revision: primary.revision,
      position: head?.position ?? null,
      eventIds: [],
    };
  }

  /** The first answer to a command, rebuilt from what it wrote. */
  private answer(id: string, streamId: string, events: RecordedEvent[]): CommandResult {
    const last = events[events.length - 1];
    return {
      id,
      streamId,
      revision: last.revision,
      position: last.position,
      eventIds: events.map((e) => e.eventId),
    };
  }

  private envelope(
    decision: MultiStreamDecision,
    streamId: string,
    event: DomainEvent,
    index: number,
    occurredAt?: string,
  ): NewEvent {
    const { metadata } = decision;
    return {
      eventId: eventIdFor(metadata.commandId, streamId, index),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.commandId,
        actor: { id: metadata.actor.id, role: metadata.actor.role },
        occurredAt: occurredAt ?? decision.occurredAt ?? metadata.now,
        schemaVersion: 1,
        requestHash: this.fingerprint(metadata),
      },
    };
  }
}
