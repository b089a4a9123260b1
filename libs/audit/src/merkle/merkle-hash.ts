import { createHash, hash } from 'node:crypto';

/** A SHA-256 digest of a leaf or an interior node. */
export type NodeHash = Buffer;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 6962 §2.1: the hash of an empty tree is SHA-256 of nothing. */
export const EMPTY_ROOT: NodeHash = createHash('sha256').digest();

/** SHA-256(0x00 ‖ leaf bytes). */
export function hashLeaf(bytes: Buffer): NodeHash {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, bytes]), 'buffer');
}

const children = Buffer.alloc(65, NODE_PREFIX[0]);

/** SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: NodeHash, right: NodeHash): NodeHash {
  // One scratch buffer: hashing is synchronous, and a node hash is the hot path of a tree.
  left.copy(children, 1);
  right.copy(children, 33);
  return hash('sha256', children, 'buffer');
}
