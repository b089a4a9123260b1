import { availableParallelism } from 'node:os';
import {
  EventStore,
  RecordedEvent,
  storedLinkLogOf,
  UnreadableEventError,
} from '@gongjian/event-store';
import { AnchoredCheckpoint, AUDIT_ANCHORS_STREAM } from '../anchors/audit-anchor.events';
import { allCheckpoints, checkpointFailure } from '../anchors/checkpoint-history';
import { LeafEntry, LeafIndex } from '../anchors/leaf-index';
import { CompactRange } from '../merkle/compact-range';
import { parseCheckpoint } from '../note/checkpoint-note';
import { NoteVerifier, openNote } from '../note/signed-note';
import { AnchoredLeafCursor } from './anchored-leaf.cursor';
import { LocatedBreak, LogScan, unreadableBreak } from './log-scan';
import { HashedTree } from './link-hasher';
import { scanStoredLinks } from './stored-link-scan';
import { BrokenLink, Verification } from './verification';

const READ_BATCH = 5000;
/**
 * Stored links read at a time. Measured on a million links: concatenating 5,000 links' bytes in
 * one statement took twice as long per byte as 1,000 to 1,500 (a larger SQLite page cache did
 * not change that), and the whole verification about a quarter longer.
 */
const STORED_LINKS_BATCH = 1500;

export interface VerifyStoreOptions {
  /** A checkpoint note held outside the log (see heldCheckpoint). */
  knownCheckpoint?: string;
  /** Events read at a time. */
  batchSize?: number;
  /**
   * Hash on a second thread while reading, where the store hands out its hashed bytes (default:
   * when more than one CPU is available).
   */
  hashingThread?: boolean;
}

/**
 * Verifies the whole log: every stream's chain, in log order, and the Merkle tree over the log up
 * to the latest valid checkpoint, whose signature and consistency with every earlier checkpoint
 * are checked first. Events after the checkpoint are checked by chain and counted as unanchored.
 */
export async function verifyStore(
  store: EventStore,
  verifier: NoteVerifier,
  leaves?: LeafIndex,
  options: VerifyStoreOptions = {},
): Promise<Verification> {
  const inLog = await trustedCheckpoint(store, verifier);
  const known = options.knownCheckpoint && heldCheckpoint(options.knownCheckpoint, verifier);
  // A checkpoint the inspector holds that is newer than any left in the log: the log lost it.
  const checkpoint =
    known && known.treeSize > (inLog.checkpoint?.treeSize ?? -1) ? known : inLog.checkpoint;
  const failure = inLog.failure;
  const size = checkpoint?.treeSize ?? 0;
  const trustedLeaves = leaves && leaves.size() >= size ? leaves : undefined;
  const links = storedLinkLogOf(store);
  const hashingThread = options.hashingThread ?? availableParallelism() > 1;
  let scan: LogScan;
  let tree: HashedTree;
  let unreadable: LocatedBreak | undefined;
  if (links) {
    scan = new LogScan(0);
    const batchSize = options.batchSize ?? STORED_LINKS_BATCH;
    const anchoredLeaves = trustedLeaves && new AnchoredLeafCursor(trustedLeaves.leafRuns(size));
    const scanOptions = { batchSize, hashingThread, anchoredSize: size, anchoredLeaves };
    try {
      ({ tree, unreadable } = await scanStoredLinks(links, scan, scanOptions));
    } finally {
      anchoredLeaves?.close();
    }
  } else {
    const index = trustedLeaves?.leafHashes(size);
    scan = new LogScan(size, index);
    try {
      unreadable = await scanThroughPort(store, scan, options.batchSize ?? READ_BATCH);
    } finally {
      index?.return(undefined);
    }
    const { range, firstDifferentLeaf } = scan;
    tree = { size: range.size, root: range.root(), firstDifferentLeaf };
  }
  const { chainBreak, scanned: checked } = scan;
  const { firstDifferentLeaf } = tree;

  const rootMatches = checkpoint
    ? tree.size === size && tree.root.equals(b64(checkpoint.rootHash))
    : true;
  let treeBreak: LocatedBreak | undefined;
  if (!rootMatches && checkpoint) {
    treeBreak = await locateTreeBreak(store, checkpoint, leaves, firstDifferentLeaf ?? tree.size);
  }
  const firstBrokenLink =
    failure ?? (unreadable && earliest(chainBreak, unreadable)) ?? earliest(chainBreak, treeBreak);
  return {
    ok: firstBrokenLink === undefined,
    checkedEvents: checked,
    checkedStreams: scan.streams,
    ...(checkpoint && { anchor: anchorOf(checkpoint) }),
    unanchoredEvents: Math.max(0, checked - size),
    ...(firstBrokenLink && { firstBrokenLink: withoutIndex(firstBrokenLink) }),
  };
}

/** Reads the log as events (KurrentDB, or any store that keeps no hashed bytes). */
async function scanThroughPort(
  store: EventStore,
  scan: LogScan,
  batchSize: number,
): Promise<LocatedBreak | undefined> {
  let after: string | undefined;
  for (;;) {
    let batch: RecordedEvent[];
    try {
      batch = await store.readAll({ fromPosition: after, limit: batchSize });
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      // The rest of the log cannot be read past it: the verification ends there.
      return unreadableBreak(error, scan.scanned);
    }
    if (batch.length === 0) return undefined;
    for (const event of batch) scan.add(event);
    after = batch[batch.length - 1].position;
  }
}

/** A checkpoint note held outside the log (an earlier bundle, `GET /audit/anchors`). */
export function heldCheckpoint(note: string, verifier: NoteVerifier): AnchoredCheckpoint {
  const opened = openNote(note, verifier);
  if (!opened.ok) throw new Error(`the checkpoint given does not verify: ${opened.reason}`);
  const { origin, treeSize, rootHash, signedAt } = parseCheckpoint(opened.text);
  return {
    origin,
    treeSize,
    rootHash: rootHash.toString('base64'),
    note,
    signedAt,
    lastPosition: '',
    previousTreeSize: 0,
    consistencyProof: [],
    revision: -1,
    position: '',
    recordedAt: signedAt,
  };
}

/**
 * The latest checkpoint whose note verifies, after checking the whole series: the first invalid
 * checkpoint is a broken link in itself.
 */
export async function trustedCheckpoint(
  store: EventStore,
  verifier: NoteVerifier,
): Promise<{ checkpoint?: AnchoredCheckpoint; failure?: LocatedBreak }> {
  let trusted: AnchoredCheckpoint | undefined;
  let failure: LocatedBreak | undefined;
  let previous: AnchoredCheckpoint | undefined;
  for (const checkpoint of await allCheckpoints(store)) {
    const reason = checkpointFailure(checkpoint, verifier, previous);
    if (reason === undefined) trusted = checkpoint;
    else
      failure ??= {
        streamId: AUDIT_ANCHORS_STREAM,
        revision: checkpoint.revision,
        position: checkpoint.position,
        reason: 'checkpoint_invalid',
        detail: reason,
        index: -1,
      };
    previous = checkpoint;
  }
  return { checkpoint: trusted, failure };
}

/** Whether the index's first `size` leaves give the checkpoint's signed root. */
export function indexGivesRoot(
  leaves: LeafIndex | undefined,
  checkpoint: AnchoredCheckpoint,
): boolean {
  if (!leaves || leaves.size() < checkpoint.treeSize) return false;
  const range = new CompactRange();
  for (const leaf of leaves.leafHashes(checkpoint.treeSize)) range.append(leaf);
  return range.root().equals(b64(checkpoint.rootHash));
}

/**
 * Names the anchored event at the first leaf that differs, when the leaf index can be trusted
 * (its leaves give the signed root); otherwise the checkpoint itself is the broken link.
 */
async function locateTreeBreak(
  store: EventStore,
  checkpoint: AnchoredCheckpoint,
  leaves: LeafIndex | undefined,
  leafIndex: number,
): Promise<LocatedBreak> {
  const entry = indexGivesRoot(leaves, checkpoint) ? leaves?.entry(leafIndex) : undefined;
  if (!entry) {
    return {
      streamId: AUDIT_ANCHORS_STREAM,
      revision: checkpoint.revision,
      position: checkpoint.position,
      reason: 'merkle_root_mismatch',
      index: Number.MAX_SAFE_INTEGER,
    };
  }
  return { ...(await whatBecameOf(store, entry)), index: leafIndex };
}

export async function whatBecameOf(store: EventStore, entry: LeafEntry): Promise<BrokenLink> {
  const [now] = await store.readStream(entry.streamId, { from: entry.revision, limit: 1 });
  const at = { streamId: entry.streamId, revision: entry.revision, position: entry.position };
  if (!now || now.revision !== entry.revision) return { ...at, reason: 'event_missing' };
  if (now.position !== entry.position) return { ...at, reason: 'event_moved' };
  return { ...at, reason: 'event_altered' };
}

/** The break earliest in the log; on the same leaf, the chain's reason when it names the same event. */
function earliest(
  chain: LocatedBreak | undefined,
  tree: LocatedBreak | undefined,
): LocatedBreak | undefined {
  if (!chain || !tree) return chain ?? tree;
  if (chain.index < tree.index) return chain;
  const same =
    chain.index === tree.index &&
    chain.streamId === tree.streamId &&
    chain.revision === tree.revision;
  return same ? chain : tree;
}

function anchorOf(checkpoint: AnchoredCheckpoint): NonNullable<Verification['anchor']> {
  return {
    position: checkpoint.position,
    merkleRoot: checkpoint.rootHash,
    at: checkpoint.signedAt,
    treeSize: checkpoint.treeSize,
    revision: checkpoint.revision,
  };
}

const withoutIndex = ({ index: _index, ...link }: LocatedBreak): BrokenLink => link;
const b64 = (hash: string) => Buffer.from(hash, 'base64');
