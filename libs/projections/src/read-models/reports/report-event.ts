import { shanghaiDate } from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';

/** The Asia/Shanghai business date of an event whose data carries no date of its own. */
export function businessDateOf(event: RecordedEvent): string {
  return shanghaiDate(event.metadata.occurredAt);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** A report document that already reflects an event is kept as it is (see reflectsEvent). */
export { reflectsEvent as alreadyApplied } from '../../document-position';

/** Whether [from, to] (inclusive, `to` open when absent) shares at least one day with `year`. */
export function overlapsYear(from: string, to: string | undefined, year: number): boolean {
  return from <= `${year}-12-31` && (to === undefined || to >= `${year}-01-01`);
}

/** The event's data as its domain type (events are validated when they are decided). */
export const dataOf = <T>(event: RecordedEvent): T => event.data as unknown as T;
