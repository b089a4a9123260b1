import { addDays, fold, isBusinessDate, shanghaiMidnight } from '@gongjian/domain';
import type { EventStore, RecordedEvent } from '@gongjian/event-store';
import { upcast } from '@gongjian/write-side';
import { foldingFor } from './stream-foldings';

/**
 * The two time axes and the two log coordinates a stream can be replayed to:
 * - revision / position: the first events of the stream, or of the log;
 * - recordedAt: what the record said at that instant (only events recorded by then);
 * - occurredAt: what was true on that business date or instant, as the record says it now
 *   (late entries about earlier dates count; a date means up to its end in Asia/Shanghai).
 */
export type AsOf =
  { revision: number } | { position: string } | { recordedAt: string } | { occurredAt: string };

export interface Replay {
  streamId: string;
  asOf: AsOf;
  /** The write side's state after the selected events; null for streams it does not fold. */
  state: unknown;
  /** Revision of the last event folded; -1 when none. */
  revision: number;
  events: RecordedEvent[];
  note?: string;
}

/** Undefined: the stream has no events at all. */
export async function replayAsOf(
  store: EventStore,
  streamId: string,
  asOf: AsOf,
): Promise<Replay | undefined> {
  const all = await store.readStream(streamId);
  if (all.length === 0) return undefined;
  const events = all.filter(selector(asOf));
  const folding = foldingFor(streamId);
  const last = events[events.length - 1];
  return {
    streamId,
    asOf,
    state: folding ? fold(folding, events.map(upcast)) : null,
    revision: last ? last.revision : -1,
    events,
    ...(!folding && {
      note: 'the write side keeps no state for this kind of stream: its events only',
    }),
  };
}

function selector(asOf: AsOf): (event: RecordedEvent) => boolean {
  if ('revision' in asOf) return (e) => e.revision <= asOf.revision;
  if ('position' in asOf) return (e) => e.position <= asOf.position;
  if ('recordedAt' in asOf) {
    const cut = Date.parse(asOf.recordedAt);
    return (e) => Date.parse(e.metadata.recordedAt) <= cut;
  }
  const cut = isBusinessDate(asOf.occurredAt)
    ? Date.parse(shanghaiMidnight(addDays(asOf.occurredAt, 1))) - 1
    : Date.parse(asOf.occurredAt);
  return (e) => Date.parse(e.metadata.occurredAt) <= cut;
}
