/** Tuning of the command pipeline inside one process. */
export interface WriteSideOptions {
  /** Streams whose folded state is kept in memory (least recently used go first). */
  cacheMaxEntries: number;
  /** Estimated bytes of the folded states kept, all streams together. */
  cacheMaxBytes: number;
  /** How long a command waits for the commands before it on the same streams, then 409. */
  lockWaitMs: number;
}

export const WRITE_SIDE_OPTIONS = Symbol.for('gongjian.WriteSideOptions');

export const DEFAULT_WRITE_SIDE_OPTIONS: WriteSideOptions = {
  cacheMaxEntries: 10_000,
  cacheMaxBytes: 64 * 1024 * 1024,
  lockWaitMs: 5_000,
};
