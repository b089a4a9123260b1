import { Actor } from '@gongjian/event-store';

/** What the HTTP layer knows about a command before any handler runs. */
export interface CommandMetadata {
  /** UUID; derived from the Idempotency-Key when one is given, random otherwise. */
  commandId: string;
  correlationId: string;
  /** SHA-256 of method, route and canonical body: tells a retry from a reused key. Kept in
   * memory only; events store a keyed fingerprint of it (DecisionRunner). */
  requestHash: string;
  actor: Actor & { townships: string[] };
  /** Revision from If-Match, to fail fast instead of retrying. */
  ifMatch?: number;
  /** ISO-8601 UTC instant the request arrived. */
  now: string;
}
