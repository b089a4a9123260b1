import { ExpectedRevision, NewEvent, StreamAppend } from './event-store.port';

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

/** The same checks for an atomic multi-stream append: each stream once, each event id once. */
export function checkAppendManyArguments(appends: readonly StreamAppend[]): void {
  if (appends.length === 0) throw new TypeError('appendMany needs at least one stream');
  for (const { streamId, events, expected } of appends) {
    checkAppendArguments(streamId, events, expected);
  }
  if (new Set(appends.map((a) => a.streamId)).size !== appends.length) {
    throw new TypeError('a stream appears more than once in one appendMany');
  }
  const ids = appends.flatMap((a) => a.events.map((e) => e.eventId));
  if (new Set(ids).size !== ids.length) {
    throw new TypeError('event ids repeat within one appendMany');
  }
}
