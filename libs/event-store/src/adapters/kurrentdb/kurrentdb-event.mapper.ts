import {
  EventData,
  jsonEvent,
  RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import canonicalize from 'canonicalize';
import { NewEvent, RecordedEvent, RecordedMetadata } from '../../event-store.port';
import { encodeKurrentDbPosition } from './kurrentdb-position.codec';

const NO_POSITION = (1n << 64n) - 1n;

/** The KurrentDB event for one of ours: our id, JSON data, our sealed metadata as JSON metadata. */
export function toEventData(event: NewEvent, metadata: RecordedMetadata): EventData {
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata });
}

/**
 * The property that carries our metadata where KurrentDB takes only a flat object of strings
 * (multiStreamAppend): our sealed metadata as canonical JSON, in one string.
 */
export const METADATA_PROPERTY = 'gongjian.metadata';

/** The same event for multiStreamAppend, whose metadata must be a flat object of strings. */
export function toFlatEventData(event: NewEvent, metadata: RecordedMetadata): EventData {
  const json = canonicalize(metadata);
  if (json === undefined) throw new TypeError(`metadata of event ${event.eventId} is not JSON`);
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: { [METADATA_PROPERTY]: json },
  });
}

/** Our metadata from either form it is stored in: a JSON object, or flat in one property. */
function fromStoredMetadata(stored: unknown): RecordedMetadata {
  const flat = (stored as Record<string, unknown> | undefined)?.[METADATA_PROPERTY];
  if (typeof flat === 'string') return JSON.parse(flat) as RecordedMetadata;
  return (stored ?? {}) as RecordedMetadata;
}

/**
 * Our recorded event from one read back. Needs the event's log position, which KurrentDB sends
 * for stream reads since 22.6 (older servers send none, or 2^64 - 1).
 */
export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  const position = event.position;
  if (!position || position.commit === NO_POSITION) {
    throw new Error(
      `event ${event.id} came without a log position; KurrentDB 22.6 or later is needed`,
    );
  }
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: encodeKurrentDbPosition(position),
    type: event.type,
    data: (event.data ?? {}) as Record<string, unknown>,
    metadata: fromStoredMetadata(event.metadata),
  };
}

/** KurrentDB's own events ($-prefixed streams or types) are not part of our log. */
export function isSystemEvent(event: Pick<KurrentRecordedEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}
