import type { DocumentCollection } from '@gongjian/read-store';

/** Thrown when projections did not reach a requested position in time (HTTP 504). */
export class ReadModelLagError extends Error {
  readonly code = 'READ_MODEL_LAGGING';
  constructor(
    readonly requested: string,
    readonly reached: string | undefined,
    readonly waitedMs: number,
  ) {
    super(
      `read models reached ${reached ?? 'nothing'} but not ${requested} within ${waitedMs} ms; retry later`,
    );
    this.name = 'ReadModelLagError';
  }
}

/**
 * How queries reach read models: the live collection of a projection (the version readers are
 * pointed at), and read-your-writes.
 */
export interface ReadModelReader {
  /** The collection readers use now for `<projection>`'s logical collection `name`. */
  collection(projection: string, name: string): Promise<DocumentCollection>;
  /**
   * Resolves once every projection has applied `position` (a position a command answered);
   * rejects with ReadModelLagError after the wait limit.
   */
  waitForPosition(position: string, timeoutMs?: number): Promise<void>;
}

export const READ_MODEL_READER = Symbol.for('gongjian.ReadModelReader');
