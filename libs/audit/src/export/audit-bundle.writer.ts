import canonicalize from 'canonicalize';
import type { EventStore, RecordedEvent } from '@gongjian/event-store';
import { AnchoredCheckpoint } from '../anchors/audit-anchor.events';
import { allCheckpoints } from '../anchors/checkpoint-history';
import { LeafIndex } from '../anchors/leaf-index';
import { eventBytes, eventLeafHash } from '../event-bytes/event-leaf';
import { MerkleTree } from '../merkle/merkle-tree';
import { NoteSigner, openNote, signNote, verifierOf, formatVerifierKey } from '../note/signed-note';
import { indexGivesRoot, trustedCheckpoint } from '../verify/store-verifier';
import { BundleLine, describeBundle } from './audit-bundle.format';

export interface BundleFilters {
  /** Recorded at or after (ISO-8601). */
  from?: string;
  /** Recorded before (ISO-8601). */
  to?: string;
  streamPrefix?: string;
}

/** Nothing to prove against yet, or a log that no longer gives the checkpoint's root. */
export class BundleRefusedError extends Error {
  constructor(
    readonly code: 'AUDIT_NO_CHECKPOINT' | 'AUDIT_LOG_DIVERGED',
    message: string,
  ) {
    super(message);
  }
}

const READ_BATCH = 5000;
const b64 = (hash: Buffer) => hash.toString('base64');

/**
 * The events the filters select among those the latest checkpoint covers, with their leaf bytes
 * and inclusion proofs, and every checkpoint with a consistency proof to the latest, as NDJSON
 * lines (see audit-bundle.format.ts). Events after the latest checkpoint are left out: nothing
 * proves them yet.
 */
export async function exportBundle(
  store: EventStore,
  leaves: LeafIndex | undefined,
  signer: NoteSigner,
  filters: BundleFilters,
  now: Date = new Date(),
): Promise<string[]> {
  const verifier = verifierOf(signer);
  const { checkpoint: latest } = await trustedCheckpoint(store, verifier);
  if (!latest || latest.treeSize === 0) {
    throw new BundleRefusedError(
      'AUDIT_NO_CHECKPOINT',
      'no checkpoint covers the log yet: POST /audit/anchors first',
    );
  }
  const selected: RecordedEvent[] = [];
  const selectedIndexes: number[] = [];
  const fromLog = new MerkleTree();
  const trustIndex = indexGivesRoot(leaves, latest);
  const anchored = trustIndex ? leaves?.leafHashes(latest.treeSize) : undefined;
  let diverged = false;
  let index = 0;
  let after: string | undefined;
  while (index < latest.treeSize) {
    const batch = await store.readAll({ fromPosition: after, limit: READ_BATCH });
    if (batch.length === 0) break;
    for (const event of batch) {
      if (index >= latest.treeSize) break;
      const leaf = eventLeafHash(eventBytes(event));
      if (anchored) diverged ||= !(anchored.next().value as Buffer).equals(leaf);
      else fromLog.append(leaf);
      if (matches(event, filters)) {
        selected.push(event);
        selectedIndexes.push(index);
      }
      index++;
    }
    after = batch[batch.length - 1].position;
  }
  anchored?.return(undefined);
  const tree = trustIndex && leaves ? new MerkleTree(leaves.leafHashes(latest.treeSize)) : fromLog;
  if (
    diverged ||
    index < latest.treeSize ||
    tree.size < latest.treeSize ||
    !tree.root(latest.treeSize).equals(Buffer.from(latest.rootHash, 'base64'))
  ) {
    throw new BundleRefusedError(
      'AUDIT_LOG_DIVERGED',
      'the log no longer gives the root of the latest checkpoint: see GET /audit/verify',
    );
  }

  const checkpoints = (await allCheckpoints(store)).filter(
    (c) => c.treeSize > 0 && c.treeSize <= latest.treeSize && openNote(c.note, verifier).ok,
  );
  const checkpointLines: BundleLine[] = checkpoints.map((c: AnchoredCheckpoint) => ({
    kind: 'checkpoint',
    treeSize: c.treeSize,
    note: c.note,
    consistencyProof: tree.consistencyProof(c.treeSize, latest.treeSize).map(b64),
  }));
  const eventLines: BundleLine[] = selected.map((event, i) => ({
    kind: 'event',
    index: selectedIndexes[i],
    leaf: b64(eventBytes(event).leaf),
    inclusionProof: tree.inclusionProof(selectedIndexes[i], latest.treeSize).map(b64),
  }));
  const description = describeBundle({
    origin: signer.name,
    createdAt: now.toISOString(),
    from: filters.from ?? '',
    to: filters.to ?? '',
    streamPrefix: filters.streamPrefix ?? '',
    treeSize: latest.treeSize,
    checkpoints: checkpointLines.length,
    events: eventLines.length,
  });
  const header: BundleLine = {
    kind: 'header',
    verifierKey: formatVerifierKey(verifier),
    note: signNote(description, signer),
  };
  return [header, ...checkpointLines, ...eventLines].map((line) => canonicalize(line) as string);
}

export function matches(
  event: Pick<RecordedEvent, 'streamId'> & { metadata: { recordedAt: string } },
  { from, to, streamPrefix }: BundleFilters,
): boolean {
  const recorded = Date.parse(event.metadata.recordedAt);
  return (
    (!streamPrefix || event.streamId.startsWith(streamPrefix)) &&
    (!from || recorded >= Date.parse(from)) &&
    (!to || recorded < Date.parse(to))
  );
}
