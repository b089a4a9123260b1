import { GENESIS_HASH, RecordedEvent, UnreadableEventError } from '@gongjian/event-store';
import { eventBytes, eventLeafHash, linkHash } from '../event-bytes/event-leaf';
import { CompactRange } from '../merkle/compact-range';
import { NodeHash } from '../merkle/merkle-hash';
import { BrokenLink } from './verification';

interface ChainHead {
  next: number;
  prevHash: string;
}

/** What the chain checks of an event. */
export interface ChainFields {
  streamId: string;
  revision: number;
  position: string;
  prevHash: string;
  hash: string;
}

/** A break found while scanning, with its place in the log. */
export type LocatedBreak = BrokenLink & { index: number };

/** Where reading stopped at an event the store cannot give as recorded (the log ends there). */
export function unreadableBreak(error: UnreadableEventError, index: number): LocatedBreak {
  const { streamId, revision, position, message: detail } = error;
  return { streamId, revision, position, reason: 'hash_mismatch', detail, index };
}

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
    const { streamId, revision, position, metadata } = event;
    this.chain(streamId, revision, position, metadata.prevHash, metadata.hash, linkHash(bytes));
    if (this.scanned < this.anchoredSize) this.leaf(eventLeafHash(bytes));
    this.scanned++;
  }

  /**
   * The chain's part for an event whose link was hashed elsewhere (`recomputedHash`, hex); its
   * leaf is then that hasher's to take.
   */
  addHashed(link: ChainFields, recomputedHash: string): void {
    const { streamId, revision, position, prevHash, hash } = link;
    this.chain(streamId, revision, position, prevHash, hash, recomputedHash);
    this.scanned++;
  }

  private chain(
    streamId: string,
    revision: number,
    position: string,
    prevHash: string,
    hash: string,
    recomputedHash: string,
  ): void {
    const reason = this.chainFault(streamId, revision, prevHash, hash, recomputedHash);
    if (reason && !this.chainBreak) {
      this.chainBreak = { streamId, revision, position, reason, index: this.scanned };
    }
  }

  private leaf(leaf: NodeHash): void {
    this.range.append(leaf);
    const anchored = this.anchoredLeaves?.next().value as NodeHash | undefined;
    if (this.firstDifferentLeaf === undefined && anchored && !anchored.equals(leaf)) {
      this.firstDifferentLeaf = this.scanned;
    }
  }

  private chainFault(
    streamId: string,
    revision: number,
    prevHash: string,
    hash: string,
    recomputedHash: string,
  ): BrokenLink['reason'] | undefined {
    let head = this.heads.get(streamId);
    if (!head) this.heads.set(streamId, (head = { next: 0, prevHash: GENESIS_HASH }));
    const { next, prevHash: expectedPrevHash } = head;
    head.next = revision + 1;
    head.prevHash = hash;
    if (revision !== next) return 'revision_gap';
    if (prevHash !== expectedPrevHash) return 'prev_hash_mismatch';
    if (recomputedHash !== hash) return 'hash_mismatch';
    return undefined;
  }
}
