import type { RecordedEvent } from './event-store.port';

/**
 * Kept on the event under a symbol that is neither enumerable nor serialized, so the event's
 * shape stays the port's. (A WeakMap beside the events did the same at a cost the garbage
 * collector paid for every event read: a rebuild reads millions.)
 */
const KEPT = Symbol('gongjian.hashedBytes');

type WithHashedBytes = RecordedEvent & { [KEPT]?: Buffer | string };

/**
 * The exact bytes the chain hashed for this event (RFC 8785 JSON of its link, UTF-8), when the adapter
 * stores them and the event it returned was read from them; otherwise undefined, and a verifier
 * serializes the event again (DESIGN.md, Audit: keep the exact hashed bytes).
 */
export function hashedBytesOf(event: RecordedEvent): Buffer | undefined {
  const kept = (event as WithHashedBytes)[KEPT];
  // Kept as the stored text where the engine returns text: encoded only when a verifier asks.
  return typeof kept === 'string' ? Buffer.from(kept, 'utf8') : kept;
}

export function keepHashedBytes(event: RecordedEvent, bytes: Buffer | string): RecordedEvent {
  Object.defineProperty(event, KEPT, { value: bytes, configurable: true });
  return event;
}
