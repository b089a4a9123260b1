import { GENESIS_HASH, RecordedEvent } from '@gongjian/event-store';
import { eventBytes, eventLeafHash, linkHash } from '../event-bytes/event-leaf';
import { CompactRange } from '../merkle/compact-range';
import { NodeHash } from '../merkle/merkle-hash';
import { BrokenLink } from './verification';

interface ChainHead {
  next: number;
  prevHash: string;
}

/** A break found while scanning, with its place in the log. */
export type LocatedBreak = BrokenLink & { index: number };

/**
 * The per-event work of a verification, in log order: each stream's chain (revision, previous
 * hash, own hash over the exact bytes), and the first `anchoredSize` leaves into a compact range,
 * each compared with the leaf the anchor recorded for that place when those are given.
 */
export class LogScan {
  readonly range = new CompactRange();
  private readonly heads = new Map<string, ChainHead>();
  chainBreak?: LocatedBreak;
  firstDifferentLeaf?: number;
  scanned = 0;

  constructor(
    private readonly anchoredSize: number,
    private readonly anchoredLeaves?: Iterator<NodeHash>,
  ) {}

  get streams(): number {
    return this.heads.size;
  }

  add(event: RecordedEvent): void {
    const bytes = eventBytes(event);
    const reason = this.chainFault(event, linkHash(bytes));
    if (reason && !this.chainBreak) {
      const { streamId, revision, position } = event;
      this.chainBreak = { streamId, revision, position, reason, index: this.scanned };
    }
    if (this.scanned < this.anchoredSize) {
      const leaf = eventLeafHash(bytes);
      this.range.append(leaf);
      const anchored = this.anchoredLeaves?.next().value as NodeHash | undefined;
      if (this.firstDifferentLeaf === undefined && anchored && !anchored.equals(leaf)) {
        this.firstDifferentLeaf = this.scanned;
      }
    }
    this.scanned++;
  }

  private chainFault(
    event: RecordedEvent,
    recomputedHash: string,
  ): BrokenLink['reason'] | undefined {
    let head = this.heads.get(event.streamId);
    if (!head) this.heads.set(event.streamId, (head = { next: 0, prevHash: GENESIS_HASH }));
    const { next, prevHash } = head;
    head.next = event.revision + 1;
    head.prevHash = event.metadata.hash;
    if (event.revision !== next) return 'revision_gap';
    if (event.metadata.prevHash !== prevHash) return 'prev_hash_mismatch';
    if (recomputedHash !== event.metadata.hash) return 'hash_mismatch';
    return undefined;
  }
}
