import { hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { StoredLink } from '@gongjian/event-store';
import { leafLayout, writeLeafInput } from '../event-bytes/event-leaf';
import { LINK_HASHING_WORKER_SOURCE } from './link-hashing.worker-source';

/**
 * Stored links packed for hashing: each one's 0x00 ‖ leaf bytes back to back in shared memory,
 * with [leaf start, leaf end, link start, link end] per link, and room for 64 bytes of hashes
 * per link (SHA-256 of the link's bytes, then its leaf hash). Reused from batch to batch.
 */
export class PackedLinks {
  data = new SharedArrayBuffer(1 << 20);
  meta = new SharedArrayBuffer(16 * 1024);
  results = new SharedArrayBuffer(64 * 1024);
  count = 0;

  pack(links: readonly StoredLink[]): void {
    const layouts = links.map((link) => leafLayout(link.hash, link.bytes, link.position));
    const size = layouts.reduce((sum, layout) => sum + layout.length, 0);
    if (size > this.data.byteLength) this.data = new SharedArrayBuffer(grown(size));
    if (16 * links.length > this.meta.byteLength) {
      this.meta = new SharedArrayBuffer(grown(16 * links.length));
      this.results = new SharedArrayBuffer(grown(64 * links.length));
    }
    const data = Buffer.from(this.data);
    const meta = new Int32Array(this.meta);
    let offset = 0;
    for (let i = 0; i < links.length; i++) {
      const layout = layouts[i];
      const { bytes } = links[i];
      writeLeafInput(data, offset, layout, bytes);
      const linkStart = offset + 1 + layout.headLength;
      meta[4 * i] = offset;
      meta[4 * i + 1] = offset + layout.length;
      meta[4 * i + 2] = linkStart;
      meta[4 * i + 3] = linkStart + bytes.length;
      offset += layout.length;
    }
    this.count = links.length;
  }

  /** The hashes of the i-th link, once hashed. */
  linkHash(i: number): string {
    return Buffer.from(this.results, 64 * i, 32).toString('hex');
  }

  leafHash(i: number): Buffer {
    return Buffer.from(this.results, 64 * i + 32, 32);
  }
}

const grown = (size: number) => 2 ** Math.ceil(Math.log2(size));

export interface LinkHasher {
  /** Fills `packed.results`; `packed` is not touched again until this settles. */
  hash(packed: PackedLinks): Promise<void>;
  close(): Promise<void>;
}

/** On the calling thread. */
export class InlineLinkHasher implements LinkHasher {
  async hash(packed: PackedLinks): Promise<void> {
    const bytes = new Uint8Array(packed.data);
    const meta = new Int32Array(packed.meta);
    const out = new Uint8Array(packed.results);
    for (let i = 0; i < packed.count; i++) {
      const at = 4 * i;
      out.set(hash('sha256', bytes.subarray(meta[at + 2], meta[at + 3]), 'buffer'), 64 * i);
      out.set(hash('sha256', bytes.subarray(meta[at], meta[at + 1]), 'buffer'), 64 * i + 32);
    }
  }

  async close(): Promise<void> {}
}

/** On a worker thread, so that hashing one batch overlaps reading the next. */
export class ThreadLinkHasher implements LinkHasher {
  private readonly worker = new Worker(LINK_HASHING_WORKER_SOURCE, { eval: true });
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure?: Error;

  constructor() {
    this.worker.on('message', (id: number) => {
      this.waiting.get(id)?.resolve();
      this.waiting.delete(id);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`link hashing thread exited (${code})`)));
  }

  hash(packed: PackedLinks): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const { data, meta, results, count } = packed;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, data, meta, results, count });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('link hashing thread closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }
}
