import {
  isStoredLink,
  Position,
  StoredLinkBatch,
  StoredLinkLog,
  UnreadableEventError,
} from '@gongjian/event-store';
import { AnchoredLeafCursor } from './anchored-leaf.cursor';
import {
  HashedTree,
  InlineLinkHasher,
  LinkHasher,
  PackedLinks,
  ThreadLinkHasher,
} from './link-hasher';
import { LocatedBreak, LogScan, unreadableBreak } from './log-scan';

export interface StoredLinkScanOptions {
  batchSize: number;
  /** Hash on a worker thread while the next batch is read; only for logs longer than a batch. */
  hashingThread: boolean;
  /** Entries below this index are leaves of the checkpoint's tree. */
  anchoredSize: number;
  /** The leaves the anchor recorded, in order, to name the first that differs. */
  anchoredLeaves?: AnchoredLeafCursor;
}

export interface StoredLinkScan {
  tree: HashedTree;
  /** Where reading stopped at an unreadable event (as reading through the port does). */
  unreadable?: LocatedBreak;
}

/**
 * Checks each stream's chain (into `scan`, which takes no leaves) and builds the tree from the
 * bytes the store kept, never parsing an event the store says agrees with its bytes.
 */
export async function scanStoredLinks(
  log: StoredLinkLog,
  scan: LogScan,
  options: StoredLinkScanOptions,
): Promise<StoredLinkScan> {
  const { batchSize, hashingThread, anchoredSize, anchoredLeaves } = options;
  let after: Position | undefined;
  let unreadable: UnreadableEventError | undefined;
  let packed = 0;
  const none: StoredLinkBatch = { entries: [], bytes: Buffer.alloc(0) };
  const read = async (): Promise<StoredLinkBatch> => {
    if (unreadable) return none;
    try {
      const batch = await log.readStoredLinks({ fromPosition: after, limit: batchSize });
      const { entries } = batch;
      if (entries.length > 0) after = entries[entries.length - 1].position;
      return batch;
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      unreadable = error;
      return none;
    }
  };

  let batch = await read();
  const hasher: LinkHasher =
    hashingThread && batch.entries.length === batchSize
      ? new ThreadLinkHasher()
      : new InlineLinkHasher();
  // Up to two batches hashing while the next is read: the two threads need not take turns.
  const slots = [new PackedLinks(), new PackedLinks(), new PackedLinks()];
  const hashing: Array<{ batch: StoredLinkBatch; slot: PackedLinks; done: Promise<void> }> = [];
  let tree: HashedTree;
  try {
    for (let next = 0; batch.entries.length > 0 || hashing.length > 0;) {
      if (batch.entries.length > 0) {
        const slot = slots[next++ % slots.length];
        slot.pack(batch, packed, anchoredSize, anchoredLeaves);
        packed += batch.entries.length;
        const done = hasher.hash(slot);
        done.catch(() => undefined); // awaited below, or failed with an earlier one
        hashing.push({ batch, slot, done });
        batch = await read();
      }
      // A slot is free for the next batch; at the end, every batch still hashing is taken.
      while (hashing.length >= slots.length || (hashing.length > 0 && batch.entries.length === 0)) {
        const oldest = hashing.shift() as (typeof hashing)[number];
        await oldest.done;
        chain(oldest.batch, oldest.slot, scan);
      }
    }
    tree = await hasher.tree();
  } finally {
    await hasher.close();
  }
  return unreadable ? { tree, unreadable: unreadableBreak(unreadable, scan.scanned) } : { tree };
}

function chain({ entries }: StoredLinkBatch, hashed: PackedLinks, scan: LogScan): void {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (isStoredLink(entry)) scan.addHashed(entry, hashed.linkHash(i, entry.hash));
    else {
      const { streamId, revision, position, metadata } = entry;
      const { prevHash, hash } = metadata;
      const fields = { streamId, revision, position, prevHash, hash };
      scan.addHashed(fields, hashed.linkHash(i, hash));
    }
  }
}
