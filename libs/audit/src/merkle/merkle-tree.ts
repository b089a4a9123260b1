import { EMPTY_ROOT, hashChildren, NodeHash } from './merkle-hash';

/**
 * An RFC 6962 tree over leaf hashes held in memory, for proofs: the hash of every perfect
 * subtree is kept once computed (levels[k][i] covers leaves [i·2^k, (i+1)·2^k)), so proofs and
 * roots for any earlier size cost O(log n) after one pass over the leaves.
 */
export class MerkleTree {
  private readonly levels: HashLevel[] = [new HashLevel()];

  constructor(leafHashes: Iterable<NodeHash> = []) {
    for (const leaf of leafHashes) this.append(leaf);
  }

  get size(): number {
    return this.levels[0].length;
  }

  leaf(index: number): NodeHash {
    checkIndex(index, this.size);
    return this.levels[0].at(index);
  }

  append(leafHash: NodeHash): void {
    this.levels[0].push(leafHash);
    // Complete every perfect subtree this leaf closes.
    for (let level = 0; this.levels[level].length % 2 === 0; level++) {
      const nodes = this.levels[level];
      const parent = hashChildren(nodes.at(nodes.length - 2), nodes.at(nodes.length - 1));
      (this.levels[level + 1] ??= new HashLevel()).push(parent);
    }
  }

  /** MTH(D[0:size]). */
  root(size = this.size): NodeHash {
    checkSize(size, this.size);
    return size === 0 ? EMPTY_ROOT : this.subtree(0, size);
  }

  /** RFC 6962 §2.1.1 PATH(index, D[0:size]), leaf end first. */
  inclusionProof(index: number, size = this.size): NodeHash[] {
    checkSize(size, this.size);
    checkIndex(index, size);
    return this.path(index, 0, size);
  }

  /** RFC 6962 §2.1.2 PROOF(older, D[0:newer]). */
  consistencyProof(older: number, newer = this.size): NodeHash[] {
    checkSize(newer, this.size);
    if (older < 1 || older > newer) {
      throw new RangeError(`no consistency proof from size ${older} to ${newer}`);
    }
    return older === newer ? [] : this.subproof(older, 0, newer, true);
  }

  private path(index: number, start: number, end: number): NodeHash[] {
    if (end - start === 1) return [];
    const k = largestPowerOfTwoBelow(end - start);
    return index < k
      ? [...this.path(index, start, start + k), this.subtree(start + k, end)]
      : [...this.path(index - k, start + k, end), this.subtree(start, start + k)];
  }

  private subproof(m: number, start: number, end: number, whole: boolean): NodeHash[] {
    const n = end - start;
    if (m === n) return whole ? [] : [this.subtree(start, end)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k
      ? [...this.subproof(m, start, start + k, whole), this.subtree(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.subtree(start, start + k)];
  }

  /** MTH(D[start:end]) for end > start. */
  private subtree(start: number, end: number): NodeHash {
    const width = end - start;
    if (isPowerOfTwo(width) && start % width === 0) {
      return this.levels[Math.log2(width)].at(start / width);
    }
    const k = largestPowerOfTwoBelow(width);
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end));
  }
}

/** 32-byte hashes in one growing buffer: a million leaves cost 32 MB, not a million objects. */
class HashLevel {
  private bytes = Buffer.alloc(32 * 64);
  length = 0;

  push(hash: NodeHash): void {
    if ((this.length + 1) * 32 > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    hash.copy(this.bytes, this.length * 32);
    this.length++;
  }

  at(index: number): NodeHash {
    return this.bytes.subarray(index * 32, index * 32 + 32);
  }
}

/** The largest power of two strictly below n (n ≥ 2). */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

function checkIndex(index: number, size: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  }
}

function checkSize(size: number, known: number): void {
  if (!Number.isInteger(size) || size < 0 || size > known) {
    throw new RangeError(`tree size ${size} is not between 0 and ${known}`);
  }
}
