import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai business date of an event whose data carries no date of its own. */
export function businessDateOf(event: RecordedEvent): string {
  return new Date(Date.parse(event.metadata.occurredAt) + SHANGHAI_OFFSET_MS)
    .toISOString()
    .slice(0, 10);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * True when the document already reflects this event (a replay after a crash): applying it
 * again would count it twice, so the document is kept as it is.
 */
export function alreadyApplied(current: ReadDocument | undefined, event: RecordedEvent): boolean {
  return current !== undefined && current._pos >= event.position;
}

/** Whether [from, to] (inclusive, `to` open when absent) shares at least one day with `year`. */
export function overlapsYear(from: string, to: string | undefined, year: number): boolean {
  return from <= `${year}-12-31` && (to === undefined || to >= `${year}-01-01`);
}

/** The event's data as its domain type (events are validated when they are decided). */
export const dataOf = <T>(event: RecordedEvent): T => event.data as unknown as T;
