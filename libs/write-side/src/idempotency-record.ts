import { validate as isUuid, version as uuidVersion } from 'uuid';
import { NewEvent, RecordedEvent } from '@gongjian/event-store';

/**
 * The first use of an Idempotency-Key, kept in a stream of its own so that the same key is
 * recognised whatever stream the next request targets. Written in the same atomic append as the
 * command's events: the key is never recorded for a command that was not, and the reverse.
 */
export const IDEMPOTENCY_KEY_RECORDED = 'IdempotencyKeyRecorded';

export interface IdempotencyKeyRecordedData extends Record<string, unknown> {
  /** The command id derived from (actor, key): the key itself is not kept. */
  commandId: string;
  actorId: string;
  /** Keyed fingerprint (HMAC) of method, route and canonical body. */
  fingerprint: string;
  /** The resource the command answered and the stream that answer concerns. */
  target: { id: string; streamId: string };
  /** Every stream the command wrote, with the ids of its events there. */
  streams: Array<{ streamId: string; eventIds: string[] }>;
}

/** `idempotency-<commandId>`; the command id is already a name-based hash of actor and key. */
export const idempotencyStreamId = (commandId: string) => `idempotency-${commandId}`;

/**
 * Commands with an Idempotency-Key carry a name-based (v5) id derived from actor and key
 * (commandIdFor); keyless ones a random (v4) id, and need no record since nobody can send the
 * same id again.
 */
export const isKeyedCommandId = (commandId: string): boolean =>
  isUuid(commandId) && uuidVersion(commandId) === 5;

export function idempotencyRecord(
  event: Omit<NewEvent, 'type' | 'data'>,
  data: IdempotencyKeyRecordedData,
): NewEvent {
  return { ...event, type: IDEMPOTENCY_KEY_RECORDED, data };
}

export function readIdempotencyRecord(
  recorded: readonly RecordedEvent[],
): IdempotencyKeyRecordedData | undefined {
  const first = recorded.find((e) => e.type === IDEMPOTENCY_KEY_RECORDED);
  return first?.data as IdempotencyKeyRecordedData | undefined;
}
