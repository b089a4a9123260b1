import { LeafRun } from '../anchors/leaf-index';
import { NodeHash } from '../merkle/merkle-hash';

/**
 * The leaves the anchor recorded, in log order, handed to the hashing a batch at a time: a page of
 * them is copied with one `set`, not a Buffer and a copy per leaf.
 */
export class AnchoredLeafCursor {
  private run?: LeafRun;
  /** Leaves of `run` already taken. */
  private taken = 0;

  constructor(private readonly runs: Iterator<LeafRun>) {}

  /** One run per leaf. */
  static of(leaves: readonly NodeHash[]): AnchoredLeafCursor {
    return new AnchoredLeafCursor(leaves.map((leaf) => ({ leaves: leaf, count: 1 })).values());
  }

  /**
   * Copies the next `n` leaves into `target`, 32 bytes apart from its start (a leaf of another
   * length as it is); how many there were, fewer than `n` where the leaves end.
   */
  copyInto(target: Uint8Array, n: number): number {
    let copied = 0;
    while (copied < n) {
      if (!this.run || this.taken === this.run.count) {
        const next = this.runs.next();
        if (next.done) break;
        this.run = next.value;
        this.taken = 0;
      }
      const { leaves, count } = this.run;
      if (count === 1) {
        target.set(leaves, 32 * copied++);
        this.taken = 1;
        continue;
      }
      const m = Math.min(n - copied, count - this.taken);
      target.set(leaves.subarray(32 * this.taken, 32 * (this.taken + m)), 32 * copied);
      copied += m;
      this.taken += m;
    }
    return copied;
  }

  close(): void {
    this.runs.return?.(undefined);
  }
}
