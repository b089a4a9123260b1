/** Why verification stopped trusting an event. */
export type BreakReason =
  /** Chain, in log order: a stream's revisions do not follow one another. */
  | 'revision_gap'
  /** Chain: the event does not point at the hash of the stream's previous event. */
  | 'prev_hash_mismatch'
  /** Chain: the event's bytes do not hash to the hash it carries. */
  | 'hash_mismatch'
  /** Tree: an event the checkpoint covers is no longer in the log. */
  | 'event_missing'
  /** Tree: it is there, at its place, with other bytes (e.g. a rewritten tail, hash recomputed). */
  | 'event_altered'
  /** Tree: it is there with its bytes, but somewhere else in the log. */
  | 'event_moved'
  /** Tree: the root differs and no trusted leaf index can say where. */
  | 'merkle_root_mismatch'
  /** A checkpoint's signature, content or consistency proof does not hold. */
  | 'checkpoint_invalid';

export interface BrokenLink {
  streamId: string;
  revision: number;
  reason: BreakReason;
  /** Where the event is (or was, when anchored) in the log. */
  position?: string;
  detail?: string;
}

/** API.md, Verification. */
export interface Verification {
  ok: boolean;
  checkedEvents: number;
  checkedStreams: number;
  /** The checkpoint verified against: the position of its event, its root, when it was signed. */
  anchor?: { position: string; merkleRoot: string; at: string; treeSize: number; revision: number };
  /** Events after the checkpoint: their chains are checked, no checkpoint covers them yet. */
  unanchoredEvents: number;
  firstBrokenLink?: BrokenLink;
}
