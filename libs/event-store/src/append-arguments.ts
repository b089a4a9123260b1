import { ExpectedRevision, NewEvent } from './event-store.port';

/** Programming errors in an append call, caught the same way by every adapter. */
export function checkAppendArguments(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (!streamId || streamId.startsWith('$')) throw new TypeError(`invalid stream id: ${streamId}`);
  if (events.length === 0) throw new TypeError('an append needs at least one event');
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new TypeError(`invalid expected revision: ${expected}`);
  }
  if (new Set(events.map((e) => e.eventId)).size !== events.length) {
    throw new TypeError('event ids repeat within one append');
  }
}
