import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { backOff } from 'exponential-backoff';
import { Command, Decider, DomainEvent, fold } from '@gongjian/domain';
import {
  EVENT_STORE,
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { CommandMetadata } from './command-metadata';
import { CommandResult } from './command-result';
import { eventIdFor } from './deterministic-ids';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
} from './write-side.errors';
import { upcast } from './event-upcasters';

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
  /** Only the first stream of a command may honour If-Match. */
  ignoreIfMatch?: boolean;
}

const MAX_ATTEMPTS = 6;

/** Secret for request fingerprints in event metadata; stable across restarts. */
export const REQUEST_HASH_KEY = Symbol.for('gongjian.RequestHashKey');

/**
 * load stream → fold → decide → append with the expected revision; on a conflict the whole
 * decision runs again (bounded, jittered). Event ids derive from the command id, and a stream
 * that already holds this command's events answers with them: retries never duplicate.
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

  async run<C extends Command, S, E extends DomainEvent>(
    decision: Decision<C, S, E>,
  ): Promise<CommandResult> {
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
          retry: (error) => error instanceof WrongExpectedRevisionError,
        },
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        throw new ConcurrencyConflictError(decision.streamId, attempts);
      }
      throw error;
    }
  }

  /** Current state of a stream, for handlers that must look at one aggregate to command another. */
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

  /**
   * The answer already given to this command on this stream, if it ran before (a retry with the
   * same Idempotency-Key). Multi-stream handlers ask this before touching any other stream.
   */
  async previousResult(
    id: string,
    streamId: string,
    metadata: CommandMetadata,
  ): Promise<CommandResult | undefined> {
    const recorded = await this.store.readStream(streamId);
    const earlier = recorded.filter((e) => e.metadata.commandId === metadata.commandId);
    if (earlier.length === 0) return undefined;
    return this.answerRetry(id, streamId, metadata, earlier);
  }

  private async attempt<C extends Command, S, E extends DomainEvent>(
    decision: Decision<C, S, E>,
  ): Promise<CommandResult> {
    const { streamId, metadata } = decision;
    const recorded = await this.store.readStream(streamId);
    const earlier = recorded.filter((e) => e.metadata.commandId === metadata.commandId);
    if (earlier.length > 0) return this.answerRetry(decision.id, streamId, metadata, earlier);

    const head = recorded[recorded.length - 1];
    const revision = head ? head.revision : -1;
    if (
      !decision.ignoreIfMatch &&
      metadata.ifMatch !== undefined &&
      metadata.ifMatch !== revision
    ) {
      throw new PreconditionFailedError(streamId, metadata.ifMatch, revision);
    }
    const state = fold(
      decision.decider,
      recorded.map((e) => upcast(e) as E),
    );
    const events = decision.decider.decide(decision.command(state), state);
    if (events.length === 0) {
      return {
        id: decision.id,
        streamId,
        revision,
        position: head?.position ?? null,
        eventIds: [],
      };
    }
    const result = await this.store.append(
      streamId,
      events.map((event, index) => this.envelope(decision, event, index)),
      head ? head.revision : 'no_stream',
    );
    return { id: decision.id, ...result };
  }

  private answerRetry(
    id: string,
    streamId: string,
    metadata: CommandMetadata,
    earlier: RecordedEvent[],
  ): CommandResult {
    if (earlier[0].metadata.requestHash !== this.fingerprint(metadata)) {
      throw new IdempotencyKeyReusedError();
    }
    const last = earlier[earlier.length - 1];
    return {
      id,
      streamId,
      revision: last.revision,
      position: last.position,
      eventIds: earlier.map((e) => e.eventId),
    };
  }

  private envelope<C extends Command, S, E extends DomainEvent>(
    decision: Decision<C, S, E>,
    event: E,
    index: number,
  ): NewEvent {
    const { metadata } = decision;
    return {
      eventId: eventIdFor(metadata.commandId, decision.streamId, index),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.commandId,
        actor: { id: metadata.actor.id, role: metadata.actor.role },
        occurredAt: decision.occurredAt ?? metadata.now,
        schemaVersion: 1,
        requestHash: this.fingerprint(metadata),
      },
    };
  }
}
