import { EventStore, GENESIS_HASH, RecordedEvent } from '@gongjian/event-store';
import { AnchoredCheckpoint, AUDIT_ANCHORS_STREAM } from '../anchors/audit-anchor.events';
import { allCheckpoints, checkpointFailure } from '../anchors/checkpoint-history';
import { LeafEntry, LeafIndex } from '../anchors/leaf-index';
import { eventBytes, eventLeafHash, linkHash } from '../event-bytes/event-leaf';
import { CompactRange } from '../merkle/compact-range';
import { NodeHash } from '../merkle/merkle-hash';
import { parseCheckpoint } from '../note/checkpoint-note';
import { NoteVerifier, openNote } from '../note/signed-note';
import { BrokenLink, Verification } from './verification';

const READ_BATCH = 5000;

interface ChainHead {
  next: number;
  prevHash: string;
}

/** A break found while scanning, with its place in the log. */
type Located = BrokenLink & { index: number };

/**
 * Verifies the whole log: every stream's chain, in log order, and the Merkle tree over the log up
 * to the latest valid checkpoint, whose signature and consistency with every earlier checkpoint
 * are checked first. Events after the checkpoint are checked by chain and counted as unanchored.
 */
export async function verifyStore(
  store: EventStore,
  verifier: NoteVerifier,
  leaves?: LeafIndex,
  options: { knownCheckpoint?: string } = {},
): Promise<Verification> {
  const inLog = await trustedCheckpoint(store, verifier);
  const known = options.knownCheckpoint && heldCheckpoint(options.knownCheckpoint, verifier);
  // A checkpoint the inspector holds that is newer than any left in the log: the log lost it.
  const checkpoint =
    known && known.treeSize > (inLog.checkpoint?.treeSize ?? -1) ? known : inLog.checkpoint;
  const failure = inLog.failure;
  const size = checkpoint?.treeSize ?? 0;
  const index = leaves && leaves.size() >= size ? leaves.leafHashes(size) : undefined;
  const heads = new Map<string, ChainHead>();
  const range = new CompactRange();
  let chainBreak: Located | undefined;
  let firstDifferentLeaf: number | undefined;
  let checked = 0;
  let after: string | undefined;
  for (;;) {
    const batch: RecordedEvent[] = await store.readAll({ fromPosition: after, limit: READ_BATCH });
    if (batch.length === 0) break;
    for (const event of batch) {
      const bytes = eventBytes(event);
      const broken = checkLink(heads, event, linkHash(bytes));
      if (broken && !chainBreak) chainBreak = { ...broken, index: checked };
      if (checked < size) {
        const leaf = eventLeafHash(bytes);
        range.append(leaf);
        const anchored = index?.next().value as NodeHash | undefined;
        if (firstDifferentLeaf === undefined && anchored && !anchored.equals(leaf)) {
          firstDifferentLeaf = checked;
        }
      }
      checked++;
    }
    after = batch[batch.length - 1].position;
  }
  index?.return(undefined);

  const rootMatches = checkpoint
    ? range.size === size && range.root().equals(b64(checkpoint.rootHash))
    : true;
  let treeBreak: Located | undefined;
  if (!rootMatches && checkpoint) {
    treeBreak = await locateTreeBreak(store, checkpoint, leaves, firstDifferentLeaf ?? range.size);
  }
  const firstBrokenLink = failure ?? earliest(chainBreak, treeBreak);
  return {
    ok: firstBrokenLink === undefined,
    checkedEvents: checked,
    checkedStreams: heads.size,
    ...(checkpoint && { anchor: anchorOf(checkpoint) }),
    unanchoredEvents: Math.max(0, checked - size),
    ...(firstBrokenLink && { firstBrokenLink: withoutIndex(firstBrokenLink) }),
  };
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
): Promise<{ checkpoint?: AnchoredCheckpoint; failure?: Located }> {
  let trusted: AnchoredCheckpoint | undefined;
  let failure: Located | undefined;
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

export function checkLink(
  heads: Map<string, ChainHead>,
  event: RecordedEvent,
  recomputedHash: string,
): BrokenLink | undefined {
  const head = heads.get(event.streamId) ?? { next: 0, prevHash: GENESIS_HASH };
  heads.set(event.streamId, { next: event.revision + 1, prevHash: event.metadata.hash });
  const at = { streamId: event.streamId, revision: event.revision, position: event.position };
  if (event.revision !== head.next) return { ...at, reason: 'revision_gap' };
  if (event.metadata.prevHash !== head.prevHash) return { ...at, reason: 'prev_hash_mismatch' };
  if (recomputedHash !== event.metadata.hash) return { ...at, reason: 'hash_mismatch' };
  return undefined;
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
): Promise<Located> {
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
function earliest(chain: Located | undefined, tree: Located | undefined): Located | undefined {
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

const withoutIndex = ({ index: _index, ...link }: Located): BrokenLink => link;
const b64 = (hash: string) => Buffer.from(hash, 'base64');
