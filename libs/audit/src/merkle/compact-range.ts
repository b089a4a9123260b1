import { EMPTY_ROOT, hashChildren, NodeHash } from './merkle-hash';

/**
 * The right edge of an append-only RFC 6962 tree: the roots of its perfect subtrees, largest
 * first (one per set bit of the size). Appending a leaf merges equal-sized subtrees, so the state
 * stays O(log n) and n appends cost about n node hashes in all.
 */
export class CompactRange {
  private readonly peaks: NodeHash[];
  private count: number;

  constructor(size = 0, peaks: readonly NodeHash[] = []) {
    if (peaks.length !== popCount(size)) {
      throw new RangeError(
        `a tree of size ${size} has ${popCount(size)} peaks, not ${peaks.length}`,
      );
    }
    this.count = size;
    this.peaks = [...peaks];
  }

  get size(): number {
    return this.count;
  }

  /** The perfect subtree roots, largest (leftmost) first. */
  get frontier(): readonly NodeHash[] {
    return this.peaks;
  }

  append(leafHash: NodeHash): void {
    let merged = leafHash;
    // Each trailing 1 bit of the old size is a peak of the same height as `merged`.
    for (let size = this.count; size % 2 === 1; size = (size - 1) / 2) {
      merged = hashChildren(this.peaks.pop() as NodeHash, merged);
    }
    this.peaks.push(merged);
    this.count++;
  }

  /** MTH of the leaves so far: the peaks folded right to left. */
  root(): NodeHash {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let root = this.peaks[this.peaks.length - 1];
    for (let i = this.peaks.length - 2; i >= 0; i--) root = hashChildren(this.peaks[i], root);
    return root;
  }
}

function popCount(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}
