import { StreamHead } from '../../seal-append';

/**
 * The heads of the streams this process wrote or read to their end, most recent last, bounded.
 * Only a hint for sealing appends before their transaction: the transaction reads the real head
 * and seals again when it differs (another process may have written meanwhile).
 */
export class SqliteStreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly maxEntries: number) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead): void {
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
