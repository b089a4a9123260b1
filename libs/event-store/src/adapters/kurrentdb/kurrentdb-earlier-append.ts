import { DuplicateEventIdError } from '../../event-store.errors';
import { AppendResult, RecordedEvent, StreamAppend } from '../../event-store.port';

/** Reads `count` events of the stream forwards from revision `from`. */
export type ReadForwards = (from: number, count: number) => Promise<RecordedEvent[]>;

/**
 * The same event ids stored already, in this stream and order, as one earlier append: its
 * result. Some of them stored in another arrangement: DuplicateEventIdError. Looks in the
 * stream's latest events (`tail`, newest first), and, when the caller's exact expectation fails,
 * at the place where that expectation would have put them. KurrentDB keeps event ids unique per
 * stream only, so an id stored in another stream is not seen here.
 */
export async function findEarlierAppend(
  { streamId, events, expected }: StreamAppend,
  tail: readonly RecordedEvent[],
  readForwards: ReadForwards,
): Promise<AppendResult | undefined> {
  const byId = new Map(tail.map((e) => [e.eventId, e]));
  const k = events.findIndex((e) => byId.has(e.eventId));
  let first: number | undefined;
  if (k >= 0) {
    first = (byId.get(events[k].eventId) as RecordedEvent).revision - k;
  } else if (expected !== 'any' && expected !== 'stream_exists' && tail.length > 0) {
    const slot = expected === 'no_stream' ? 0 : expected + 1;
    if (tail[0].revision >= slot) first = slot;
  }
  if (first === undefined) return undefined;

  const byRevision = new Map(tail.map((e) => [e.revision, e]));
  let stored = events.map((_, i) => byRevision.get((first as number) + i));
  if (first < 0 || stored.some((e) => e === undefined)) {
    stored = first < 0 ? [] : await readForwards(first, events.length);
  }
  const same =
    stored.length === events.length && stored.every((e, i) => e?.eventId === events[i].eventId);
  if (same) {
    const last = stored[stored.length - 1] as RecordedEvent;
    return {
      streamId,
      revision: last.revision,
      position: last.position,
      eventIds: events.map((e) => e.eventId),
    };
  }
  if (k >= 0) throw new DuplicateEventIdError(streamId, events[k].eventId);
  if (stored[0]?.eventId === events[0].eventId)
    throw new DuplicateEventIdError(streamId, events[0].eventId);
  return undefined;
}
