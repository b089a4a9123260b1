import type { RecordedEvent } from '@gongjian/event-store';

/** The stream of signed checkpoints. Only the anchor service appends to it. */
export const AUDIT_ANCHORS_STREAM = 'audit-anchors';

export const AUDIT_CHECKPOINT_SIGNED = 'AuditCheckpointSigned';

/**
 * One signed checkpoint. It covers the log up to just before itself (`treeSize` leaves); the
 * next checkpoint covers it. Integers and strings only, as in all hashed JSON.
 */
export interface AuditCheckpointSignedData {
  origin: string;
  treeSize: number;
  /** Base64, as in the note. */
  rootHash: string;
  /** The C2SP signed note: the checkpoint text and its signature line. */
  note: string;
  signedAt: string;
  /** Log position of the last leaf, '' for an empty tree. */
  lastPosition: string;
  /** Size of the checkpoint before this one (0: none). */
  previousTreeSize: number;
  /** RFC 6962 consistency proof from previousTreeSize to treeSize, base64 hashes. */
  consistencyProof: string[];
  /** Why it was signed on demand, when the caller said. */
  reason?: string;
}

export interface AnchoredCheckpoint extends AuditCheckpointSignedData {
  /** Where the checkpoint event itself is, in the stream and in the log. */
  revision: number;
  position: string;
  recordedAt: string;
  /** The checkpoint event's id (absent for a checkpoint held outside the log). */
  eventId?: string;
}

export function anchoredCheckpoint(event: RecordedEvent): AnchoredCheckpoint {
  if (event.type !== AUDIT_CHECKPOINT_SIGNED) {
    throw new Error(`${event.streamId}@${event.revision} is not a checkpoint`);
  }
  return {
    ...(event.data as unknown as AuditCheckpointSignedData),
    revision: event.revision,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
    eventId: event.eventId,
  };
}
