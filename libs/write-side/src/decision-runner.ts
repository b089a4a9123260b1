import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { backOff } from 'exponential-backoff';
import { Command, Decider, DomainEvent, fold, Folding } from '@gongjian/domain';
import {
  AppendResult,
  DuplicateEventIdError,
  EVENT_STORE,
  EventStore,
  NewEvent,
  OutcomeUnknownError,
  StoreUnavailableError,
  StreamAppend,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { CommandMetadata } from './command-metadata';
import { CommandResult } from './command-result';
import { DecisionSession, LoadedStream } from './decision-session';
import { eventIdFor } from './deterministic-ids';
import { StreamLocks, StreamLockTimeoutError } from './stream-locks';
import { CommandTrace, StreamStateCache } from './stream-state-cache';
import {
  DEFAULT_WRITE_SIDE_OPTIONS,
  WRITE_SIDE_OPTIONS,
  WriteSideOptions,
} from './write-side.options';
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
  /**
   * Streams besides `streamId` the command writes, when known before deciding: commands of this
   * process on any of them wait for one another instead of conflicting.
   */
  writes?: string[];
  /** Reads the states it needs and decides on each stream; runs again after a conflict. */
  decide(session: DecisionSession): Promise<void>;
}

const MAX_ATTEMPTS = 6;

/** Errors after which a keyed command's earlier use, if any, decides the answer. */
const mayFollowEarlierUse = (error: unknown): boolean =>
  !(
    error instanceof StoreUnavailableError ||
    error instanceof OutcomeUnknownError ||
    error instanceof IdempotencyKeyReusedError
  );

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
  private readonly options: WriteSideOptions;
  private readonly cache: StreamStateCache;
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(REQUEST_HASH_KEY) requestHashKey?: Buffer,
    @Optional() @Inject(WRITE_SIDE_OPTIONS) options?: Partial<WriteSideOptions>,
  ) {
    this.requestHashKey = requestHashKey ?? randomBytes(32);
    this.options = { ...DEFAULT_WRITE_SIDE_OPTIONS, ...options };
    this.cache = new StreamStateCache({
      maxEntries: this.options.cacheMaxEntries,
      maxBytes: this.options.cacheMaxBytes,
    });
  }

  /**
   * Events keep a keyed fingerprint of the request, never its plain hash: a plain hash of a body
   * with an identity number could be reversed by trying the few candidates left. Also for
   * writers outside this pipeline that keep a request's first answer (audit checkpoints).
   */
  fingerprint(metadata: Pick<CommandMetadata, 'requestHash'>): string {
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
    let release: () => void;
    try {
      release = await this.locks.acquire(
        [decision.streamId, ...(decision.writes ?? [])],
        this.options.lockWaitMs,
      );
    } catch (error) {
      if (error instanceof StreamLockTimeoutError) {
        throw new ConcurrencyConflictError(
          error.streamId,
          0,
          'was still busy with earlier commands after the bounded wait',
        );
      }
      throw error;
    }
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
        // The stream that kept changing: the command's own, or another it decided on (a budget).
        throw new ConcurrencyConflictError(error.streamId, attempts);
      }
      throw error;
    } finally {
      release();
    }
  }

  /** Current state of a stream, for reads outside a decision (queries, scope checks). */
  async load<S, E extends DomainEvent>(
    streamId: string,
    decider: Folding<S, E>,
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
    const session = new DecisionSession(this.store, this.cache);
    const keyed = isKeyedCommandId(decision.metadata.commandId);
    let appended: { appends: StreamAppend[]; results: AppendResult[] } | undefined;
    try {
      const outcome = await this.decideAndAppend(decision, session);
      if (outcome.kind === 'answered') return outcome.result;
      appended = outcome.appended;
      return outcome.result;
    } catch (error) {
      // The key may have been used before: its record answers, whatever this attempt found.
      if (keyed && mayFollowEarlierUse(error)) {
        const first = await this.firstAnswer(decision, session);
        if (first) return first;
      }
      throw error;
    } finally {
      await session.settle(appended ?? { failed: true });
    }
  }

  /**
   * Decides on the states read in this attempt and appends; a key's record goes in the same
   * append, expected new, so a key used before fails the append and is answered from its record.
   */
  private async decideAndAppend(
    decision: MultiStreamDecision,
    session: DecisionSession,
  ): Promise<
    | { kind: 'answered'; result: CommandResult }
    | { kind: 'unchanged'; result: CommandResult; appended?: undefined }
    | {
        kind: 'appended';
        result: CommandResult;
        appended: { appends: StreamAppend[]; results: AppendResult[] };
      }
  > {
    const { metadata } = decision;
    const keyed = isKeyedCommandId(metadata.commandId);
    const primary = await session.stream(decision.streamId);
    // Written by this command before: the stream itself tells (also for versions that kept no
    // idempotency record).
    const earlier = keyed ? primary.commands.get(metadata.commandId) : undefined;
    if (earlier) {
      if (earlier.requestHash !== this.fingerprint(metadata)) throw new IdempotencyKeyReusedError();
      return { kind: 'answered', result: this.answer(decision.id, decision.streamId, earlier) };
    }
    const stale =
      !decision.ignoreIfMatch &&
      metadata.ifMatch !== undefined &&
      metadata.ifMatch !== primary.revision;
    const staleFailure = () =>
      new PreconditionFailedError(decision.streamId, metadata.ifMatch as number, primary.revision);
    // RFC 9110 §13.2.1: a precondition counts only where the request would otherwise succeed, so
    // a stream that does not exist is first left to the decision (404 for an unknown resource).
    if (stale && primary.revision >= 0) throw staleFailure();

    await decision.decide(session);
    if (stale) throw staleFailure();
    const changes = await session.changes();
    if (changes.length === 0 && keyed) {
      // The key's first use is kept even when nothing changed: the key with another request is
      // refused later, and this request again gets this answer.
      const first = await this.firstAnswer(decision, session);
      if (first) return { kind: 'answered', result: first };
      const appends = [this.recordOf(decision, idempotencyStreamId(metadata.commandId), [])];
      const results = await this.append(appends);
      const result = { ...this.unchanged(decision.id, primary), position: results[0].position };
      return { kind: 'appended', result, appended: { appends, results } };
    }
    if (changes.length === 0) {
      return { kind: 'unchanged', result: this.unchanged(decision.id, primary) };
    }

    // The idempotency record first and the answered stream last, so the answered position
    // covers every event the command wrote (a client's minPosition reads all of it).
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
    if (keyed) {
      appends.unshift(this.recordOf(decision, idempotencyStreamId(metadata.commandId), appends));
    }

    const results = await this.append(appends);
    const appended = { appends, results };
    const answered = results.find((r) => r.streamId === decision.streamId);
    if (!answered) {
      const last = results[results.length - 1];
      return {
        kind: 'appended',
        result: { ...this.unchanged(decision.id, primary), position: last.position },
        appended,
      };
    }
    return { kind: 'appended', result: { id: decision.id, ...answered }, appended };
  }

  /**
   * The first answer to a keyed command, from its idempotency record (422 when the key came with
   * another request); undefined when the key was never used.
   */
  private async firstAnswer(
    decision: MultiStreamDecision,
    session: DecisionSession,
  ): Promise<CommandResult | undefined> {
    const { metadata } = decision;
    const recorded = await this.store.readStream(idempotencyStreamId(metadata.commandId));
    const earlier = readIdempotencyRecord(recorded);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== this.fingerprint(metadata)) throw new IdempotencyKeyReusedError();
    const ids = earlier.streams.find((s) => s.streamId === earlier.target.streamId)?.eventIds ?? [];
    const primary = await session.stream(decision.streamId);
    // The record may be newer than this attempt's read of the stream.
    const after = await this.store.readStream(primary.streamId, { from: primary.revision + 1 });
    const traced = primary.commands.get(metadata.commandId);
    const later = after.filter((e) => ids.includes(e.eventId));
    const own = [
      ...(traced?.eventIds.filter((id) => ids.includes(id)) ?? []),
      ...later.map((e) => e.eventId),
    ];
    if (own.length === 0) {
      return { ...this.unchanged(earlier.target.id, primary), position: recorded[0].position };
    }
    const last = later[later.length - 1];
    return this.answer(earlier.target.id, earlier.target.streamId, {
      eventIds: own,
      revision: last?.revision ?? traced!.revision,
      position: last?.position ?? traced!.position,
    });
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
    return {
      id,
      streamId: primary.streamId,
      revision: primary.revision,
      position: primary.head,
      eventIds: [],
    };
  }

  /** The first answer to a command, rebuilt from what it wrote. */
  private answer(
    id: string,
    streamId: string,
    written: Pick<CommandTrace, 'eventIds' | 'revision' | 'position'>,
  ): CommandResult {
    return {
      id,
      streamId,
      revision: written.revision,
      position: written.position,
      eventIds: [...written.eventIds],
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
