import { StreamHead } from '../../seal-append';

/** A head as this process last saw it; `version`, when it committed it (see SqliteAppender). */
export type KnownHead = StreamHead & { version?: number };

/**
 * The heads of the streams this process wrote or read to their end, most recent last, bounded.
 * A hint for sealing appends before their transaction, and, for a head this process committed
 * while no other connection has committed since, the head itself.
 */
export class SqliteStreamHeads {
  private readonly heads = new Map<string, KnownHead>();

  constructor(private readonly maxEntries: number) {}

  get(streamId: string): KnownHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: KnownHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.maxEntries) {
      this.heads.delete(this.heads.keys().next().value as string);
    }
  }
}

export function sameHead(a: StreamHead | undefined, b: StreamHead | undefined): boolean {
  return a === undefined
    ? b === undefined
    : b !== undefined && a.revision === b.revision && a.hash === b.hash;
}

/** A stream's head once `last` is its last event (appended, or read to the end). */
export function headAfter(last: { revision: number; metadata: { hash: string } }): StreamHead {
  return { revision: last.revision, hash: last.metadata.hash };
}
