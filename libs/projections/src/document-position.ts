import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';

/**
 * True when the document already reflects this event (`_pos` at or past its position): applying
 * it again, as a replay after a crash does, would count it twice.
 */
export function reflectsEvent(doc: ReadDocument | null | undefined, event: RecordedEvent): boolean {
  return doc !== undefined && doc !== null && doc._pos >= event.position;
}
