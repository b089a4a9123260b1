import { hashChildren, NodeHash } from './merkle-hash';

/** Why a proof did not verify; `undefined` from a check means it did. */
export type ProofFailure = string;

const HASH_SIZE = 32;

/**
 * RFC 9162 §2.1.3.2: does `proof` take `leafHash` at `index` to `root` in a tree of `size`?
 */
export function checkInclusion(
  index: number,
  size: number,
  leafHash: NodeHash,
  proof: readonly NodeHash[],
  root: NodeHash,
): ProofFailure | undefined {
  if (!(index >= 0 && index < size)) return `leaf ${index} is not in a tree of size ${size}`;
  if (!allHashes([leafHash, root, ...proof])) return 'a hash is not 32 bytes';
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return 'the proof is longer than the tree is high';
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return 'the proof is shorter than the tree is high';
  return r.equals(root) ? undefined : 'the proof leads to another root';
}

/**
 * RFC 9162 §2.1.4.2: is the tree (newSize, newRoot) an append-only extension of
 * (oldSize, oldRoot)? A consistency proof from the empty tree proves nothing and is refused.
 */
export function checkConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: NodeHash,
  newRoot: NodeHash,
  proof: readonly NodeHash[],
): ProofFailure | undefined {
  if (oldSize < 1) return 'a consistency proof from the empty tree proves nothing';
  if (newSize < oldSize) return `tree size went down from ${oldSize} to ${newSize}`;
  if (oldSize === newSize) {
    if (proof.length > 0) return 'trees of the same size need an empty proof';
    return oldRoot.equals(newRoot) ? undefined : 'same size, different roots';
  }
  if (!allHashes([oldRoot, newRoot, ...proof])) return 'a hash is not 32 bytes';
  if (proof.length === 0) return 'the proof is empty';
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return 'the proof is longer than the tree is high';
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return 'the proof is shorter than the tree is high';
  if (!fr.equals(oldRoot)) return 'the proof does not lead to the older root';
  return sr.equals(newRoot) ? undefined : 'the proof does not lead to the newer root';
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;
const allHashes = (hashes: readonly NodeHash[]) =>
  hashes.every((h) => Buffer.isBuffer(h) && h.length === HASH_SIZE);
