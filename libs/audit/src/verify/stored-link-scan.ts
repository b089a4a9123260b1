import {
  isStoredLink,
  Position,
  StoredLink,
  StoredLinkEntry,
  StoredLinkLog,
  UnreadableEventError,
} from '@gongjian/event-store';
import { InlineLinkHasher, LinkHasher, PackedLinks, ThreadLinkHasher } from './link-hasher';
import { LocatedBreak, LogScan } from './log-scan';

export interface StoredLinkScanOptions {
  batchSize: number;
  /** Hash on a worker thread while the next batch is read; only for logs longer than a batch. */
  hashingThread: boolean;
}

/**
 * Feeds the log to `scan` from the bytes the store kept, never parsing an event the store says
 * agrees with its bytes. Returns the break where reading stopped at an unreadable event (as
 * reading through the port does).
 */
export async function scanStoredLinks(
  log: StoredLinkLog,
  scan: LogScan,
  { batchSize, hashingThread }: StoredLinkScanOptions,
): Promise<LocatedBreak | undefined> {
  let after: Position | undefined;
  let unreadable: UnreadableEventError | undefined;
  const read = async (): Promise<StoredLinkEntry[]> => {
    if (unreadable) return [];
    try {
      const batch = await log.readStoredLinks({ fromPosition: after, limit: batchSize });
      if (batch.length > 0) after = batch[batch.length - 1].position;
      return batch;
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      unreadable = error;
      return [];
    }
  };

  let batch = await read();
  const hasher: LinkHasher =
    hashingThread && batch.length === batchSize ? new ThreadLinkHasher() : new InlineLinkHasher();
  const slots = [new PackedLinks(), new PackedLinks()];
  const start = (entries: StoredLinkEntry[], slot: PackedLinks) => {
    slot.pack(entries.filter(isStoredLink));
    return hasher.hash(slot);
  };
  try {
    let hashing = start(batch, slots[0]);
    for (let k = 0; batch.length > 0; k++) {
      // The next batch is read and handed over while this one is hashed.
      const next = await read();
      const nextHashing = next.length > 0 ? start(next, slots[(k + 1) % 2]) : undefined;
      nextHashing?.catch(() => undefined); // awaited in the next round, or failed with this one
      await hashing;
      apply(batch, slots[k % 2], scan);
      batch = next;
      if (nextHashing) hashing = nextHashing;
    }
  } finally {
    await hasher.close();
  }
  if (!unreadable) return undefined;
  const { streamId, revision, position, message } = unreadable as UnreadableEventError;
  const reason = 'hash_mismatch';
  return { streamId, revision, position, reason, detail: message, index: scan.scanned };
}

function apply(entries: StoredLinkEntry[], hashed: PackedLinks, scan: LogScan): void {
  let link = 0;
  for (const entry of entries) {
    if (isStoredLink(entry)) {
      scan.addLink(entry as StoredLink, hashed.linkHash(link), hashed.leafHash(link));
      link++;
    } else scan.add(entry);
  }
}
