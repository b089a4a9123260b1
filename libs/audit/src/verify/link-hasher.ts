import { hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { isStoredLink, StoredLinkBatch } from '@gongjian/event-store';
import {
  eventLinkBytes,
  LEAF_HASH_OFFSET,
  LEAF_LINK_OFFSET,
  leafLayout,
  writeLeafInput,
  writePlainLeafInput,
} from '../event-bytes/event-leaf';
import { CompactRange } from '../merkle/compact-range';
import { NodeHash } from '../merkle/merkle-hash';
import { AnchoredLeafCursor } from './anchored-leaf.cursor';
import { LINK_HASHING_WORKER_SOURCE } from './link-hashing.worker-source';

/** Ints per entry in `meta`: leaf start, leaf end, link start, link end, claimed hash (or -1). */
export const META_STRIDE = 5;

/**
 * One batch of the log packed for hashing, in shared memory: each entry's 0x00 ‖ leaf bytes
 * back to back, where its link and claimed hash are in them, and the anchored leaves for the
 * entries the checkpoint covers. Reused from batch to batch; `version` changes when its buffers
 * are replaced.
 */
export class PackedLinks {
  data: SharedArrayBuffer;
  meta = new SharedArrayBuffer(4 * META_STRIDE * 1024);
  digests = new SharedArrayBuffer(32 * 1024);
  matches = new SharedArrayBuffer(1024);
  anchored = new SharedArrayBuffer(32 * 1024);
  version = 0;
  count = 0;
  /** Index in the log of the first entry. */
  firstIndex = 0;
  /** Entries the checkpoint covers are those below this index. */
  anchoredSize = 0;
  /** The first `anchoredCount` entries have their anchored leaf in `anchored`. */
  anchoredCount = 0;

  constructor(dataBytes = 1 << 20) {
    this.data = new SharedArrayBuffer(dataBytes);
  }

  pack(
    { entries, bytes }: StoredLinkBatch,
    firstIndex: number,
    anchoredSize: number,
    anchoredLeaves: AnchoredLeafCursor | undefined,
  ): void {
    const n = entries.length;
    if (4 * META_STRIDE * n > this.meta.byteLength) {
      this.meta = new SharedArrayBuffer(grown(4 * META_STRIDE * n));
      this.digests = new SharedArrayBuffer(grown(32 * n));
      this.matches = new SharedArrayBuffer(grown(n));
      this.anchored = new SharedArrayBuffer(grown(32 * n));
      this.version++;
    }
    const meta = new Int32Array(this.meta);
    let data: Buffer = Buffer.from(this.data);
    let offset = 0;
    for (let i = 0; i < n; i++) {
      const entry = entries[i];
      const link = isStoredLink(entry);
      const source = link ? bytes : eventLinkBytes(entry);
      const start = link ? entry.start : 0;
      const end = link ? entry.end : source.length;
      const claimed = link ? entry.hash : entry.metadata.hash;
      const { position } = entry;
      let leafEnd = writePlainLeafInput(data, offset, claimed, position, source, start, end);
      let linkStart = offset + LEAF_LINK_OFFSET;
      let claimedAt = offset + LEAF_HASH_OFFSET;
      if (leafEnd < 0) {
        const layout = leafLayout(claimed, end - start, position);
        if (offset + layout.length > data.length) {
          data = this.grow(offset, offset + layout.length + (n - i) * 1024 + bytes.length);
          leafEnd = writePlainLeafInput(data, offset, claimed, position, source, start, end);
        }
        if (leafEnd < 0) {
          writeLeafInput(data, offset, layout, source, start, end);
          leafEnd = offset + layout.length;
          linkStart = offset + 1 + layout.headLength;
          claimedAt = -1;
        }
      }
      const at = META_STRIDE * i;
      meta[at] = offset;
      meta[at + 1] = leafEnd;
      meta[at + 2] = linkStart;
      meta[at + 3] = linkStart + end - start;
      meta[at + 4] = claimedAt;
      offset = leafEnd;
    }
    const last = Math.min(anchoredSize, firstIndex + n);
    const wanted = Math.max(0, last - firstIndex);
    const anchored = new Uint8Array(this.anchored);
    const anchoredCount =
      anchoredLeaves && wanted > 0 ? anchoredLeaves.copyInto(anchored, wanted) : 0;
    this.count = n;
    this.firstIndex = firstIndex;
    this.anchoredSize = anchoredSize;
    this.anchoredCount = anchoredCount;
  }

  /** SHA-256 (hex) of the i-th entry's link, once hashed. */
  linkHash(i: number, claimed: string): string {
    if (this.matchesView.buffer !== this.matches) this.matchesView = new Uint8Array(this.matches);
    if (this.matchesView[i] === 1) return claimed;
    return Buffer.from(this.digests, 32 * i, 32).toString('hex');
  }

  private matchesView: Uint8Array<ArrayBufferLike> = new Uint8Array(0);

  /** A larger data buffer holding the first `used` bytes. */
  private grow(used: number, needed: number): Buffer {
    const larger = new SharedArrayBuffer(grown(needed));
    Buffer.from(this.data).copy(Buffer.from(larger), 0, 0, used);
    this.data = larger;
    this.version++;
    return Buffer.from(larger);
  }
}

const grown = (size: number) => 2 ** Math.ceil(Math.log2(size));

/** The tree over the anchored entries hashed so far. */
export interface HashedTree {
  size: number;
  root: NodeHash;
  firstDifferentLeaf?: number;
}

export interface LinkHasher {
  /** Hashes one batch; batches are taken in log order, `packed` untouched until this settles. */
  hash(packed: PackedLinks): Promise<void>;
  /** After the last batch. */
  tree(): Promise<HashedTree>;
  close(): Promise<void>;
}

const HEX = Buffer.from('0123456789abcdef');

/** Whether `bytes` at `at` hold the 64 lowercase hex digits of `digest`. */
function isHexOf(digest: Buffer, bytes: Buffer, at: number): boolean {
  for (let b = 0; b < 32; b++) {
    if (
      HEX[digest[b] >> 4] !== bytes[at + 2 * b] ||
      HEX[digest[b] & 15] !== bytes[at + 2 * b + 1]
    ) {
      return false;
    }
  }
  return true;
}

/** On the calling thread. */
export class InlineLinkHasher implements LinkHasher {
  private readonly range = new CompactRange();
  private firstDifferentLeaf?: number;

  async hash(packed: PackedLinks): Promise<void> {
    const bytes = Buffer.from(packed.data);
    const meta = new Int32Array(packed.meta);
    const digests = Buffer.from(packed.digests);
    const matches = new Uint8Array(packed.matches);
    const anchored = Buffer.from(packed.anchored);
    const { count, firstIndex, anchoredSize, anchoredCount } = packed;
    for (let i = 0; i < count; i++) {
      const at = META_STRIDE * i;
      const digest = hash('sha256', bytes.subarray(meta[at + 2], meta[at + 3]), 'buffer');
      digest.copy(digests, 32 * i);
      const claimedAt = meta[at + 4];
      matches[i] = claimedAt >= 0 && isHexOf(digest, bytes, claimedAt) ? 1 : 0;
      if (firstIndex + i >= anchoredSize) continue;
      const leaf = hash('sha256', bytes.subarray(meta[at], meta[at + 1]), 'buffer');
      if (this.firstDifferentLeaf === undefined && i < anchoredCount) {
        if (leaf.compare(anchored, 32 * i, 32 * i + 32) !== 0) {
          this.firstDifferentLeaf = firstIndex + i;
        }
      }
      this.range.append(leaf);
    }
  }

  async tree(): Promise<HashedTree> {
    const { size } = this.range;
    return { size, root: this.range.root(), firstDifferentLeaf: this.firstDifferentLeaf };
  }

  async close(): Promise<void> {}
}

interface TreeReply {
  id: number;
  size?: number;
  root?: Uint8Array;
  firstDifferentLeaf?: number;
}

/** On a worker thread, so that hashing one batch overlaps reading the next. */
export class ThreadLinkHasher implements LinkHasher {
  private readonly worker = new Worker(LINK_HASHING_WORKER_SOURCE, { eval: true });
  private readonly waiting = new Map<
    number,
    { resolve: (reply: TreeReply) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private failure?: Error;
  /** The worker keeps each slot's buffers; they are sent again only when replaced. */
  private readonly slots = new Map<PackedLinks, { id: number; version: number }>();

  constructor() {
    this.worker.on('message', (reply: TreeReply) => {
      this.waiting.get(reply.id)?.resolve(reply);
      this.waiting.delete(reply.id);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`link hashing thread exited (${code})`)));
  }

  async hash(packed: PackedLinks): Promise<void> {
    const { count, firstIndex, anchoredSize, anchoredCount } = packed;
    let slot = this.slots.get(packed);
    const fresh = slot?.version !== packed.version;
    if (!slot) this.slots.set(packed, (slot = { id: this.slots.size, version: packed.version }));
    slot.version = packed.version;
    const { data, meta, digests, matches, anchored } = packed;
    const buffers = fresh ? { data, meta, digests, matches, anchored } : undefined;
    await this.send({ slot: slot.id, buffers, count, firstIndex, anchoredSize, anchoredCount });
  }

  async tree(): Promise<HashedTree> {
    const { size, root, firstDifferentLeaf } = await this.send({ finish: true });
    return {
      size: size as number,
      root: Buffer.from(root as Uint8Array),
      ...(firstDifferentLeaf !== undefined && firstDifferentLeaf >= 0 && { firstDifferentLeaf }),
    };
  }

  async close(): Promise<void> {
    this.failure ??= new Error('link hashing thread closed');
    await this.worker.terminate();
  }

  private send(job: object): Promise<TreeReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...job });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }
}
