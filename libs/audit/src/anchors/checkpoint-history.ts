import type { EventStore } from '@gongjian/event-store';
import { checkConsistency } from '../merkle/merkle-proof.verifier';
import { parseCheckpoint } from '../note/checkpoint-note';
import { NoteVerifier, openNote } from '../note/signed-note';
import {
  anchoredCheckpoint,
  AnchoredCheckpoint,
  AUDIT_ANCHORS_STREAM,
} from './audit-anchor.events';

export async function latestCheckpoint(store: EventStore): Promise<AnchoredCheckpoint | undefined> {
  const [last] = await store.readStream(AUDIT_ANCHORS_STREAM, { direction: 'backwards', limit: 1 });
  return last ? anchoredCheckpoint(last) : undefined;
}

export async function allCheckpoints(store: EventStore): Promise<AnchoredCheckpoint[]> {
  return (await store.readStream(AUDIT_ANCHORS_STREAM)).map(anchoredCheckpoint);
}

const b64 = (hash: string) => Buffer.from(hash, 'base64');

/**
 * Why a checkpoint cannot be relied on, or undefined: its note must carry a valid signature of
 * `verifier`, say what the event says, and be consistent with the checkpoint before it.
 */
export function checkpointFailure(
  checkpoint: AnchoredCheckpoint,
  verifier: NoteVerifier,
  previous: Pick<AnchoredCheckpoint, 'treeSize' | 'rootHash'> | undefined,
): string | undefined {
  const opened = openNote(checkpoint.note, verifier);
  if (!opened.ok) return opened.reason;
  let signed;
  try {
    signed = parseCheckpoint(opened.text);
  } catch (error) {
    return (error as Error).message;
  }
  if (
    signed.origin !== verifier.name ||
    signed.treeSize !== checkpoint.treeSize ||
    signed.rootHash.toString('base64') !== checkpoint.rootHash ||
    signed.signedAt !== checkpoint.signedAt
  ) {
    return 'the checkpoint event does not say what its signed note says';
  }
  if (!previous)
    return checkpoint.previousTreeSize === 0 ? undefined : 'the previous checkpoint is missing';
  if (checkpoint.previousTreeSize !== previous.treeSize)
    return 'it does not follow the previous checkpoint';
  if (previous.treeSize === 0) return undefined;
  const inconsistent = checkConsistency(
    previous.treeSize,
    checkpoint.treeSize,
    b64(previous.rootHash),
    b64(checkpoint.rootHash),
    checkpoint.consistencyProof.map(b64),
  );
  return inconsistent && `not consistent with the previous checkpoint: ${inconsistent}`;
}
