import type { RecordedEvent } from './event-store.port';

/** Kept beside the events an adapter returns, not on them: the event's shape stays the port's. */
const KEPT = new WeakMap<RecordedEvent, Buffer | string>();

/**
 * The exact bytes the chain hashed for this event (RFC 8785 JSON of its link, UTF-8), when the adapter
 * stores them and the event it returned was read from them; otherwise undefined, and a verifier
 * serializes the event again (DESIGN.md, Audit: keep the exact hashed bytes).
 */
export function hashedBytesOf(event: RecordedEvent): Buffer | undefined {
  const kept = KEPT.get(event);
  // Kept as the stored text where the engine returns text: encoded only when a verifier asks.
  return typeof kept === 'string' ? Buffer.from(kept, 'utf8') : kept;
}

export function keepHashedBytes(event: RecordedEvent, bytes: Buffer | string): RecordedEvent {
  KEPT.set(event, bytes);
  return event;
}
