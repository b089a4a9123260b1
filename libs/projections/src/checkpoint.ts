import type { BatchOperation } from '@gongjian/read-store';
import { Build, CheckpointDocument, checkpointId, ProjectionControl } from './projection-control';

/**
 * Outcome of moving a checkpoint (after emmett's storeProcessorCheckpoint): stored; ignored
 * (it already is there); ahead (another writer went further); mismatch (it is not where this
 * writer last left it).
 */
export type CheckpointOutcome = 'stored' | 'ignored' | 'ahead' | 'mismatch';

export function checkpointDocument(
  build: Build,
  position: string,
  lastRecordedAt: string | undefined,
  eventsApplied: number,
): CheckpointDocument {
  return {
    _id: checkpointId(build),
    _pos: position,
    kind: 'checkpoint',
    projection: build.name,
    version: build.version,
    generation: build.generation,
    ...(lastRecordedAt ? { lastRecordedAt } : {}),
    eventsApplied,
    updatedAt: new Date().toISOString(),
  };
}

/** The compare-and-set that moves a checkpoint from `expected` to the new document, forward only. */
export function moveCheckpoint(
  control: ProjectionControl,
  expected: CheckpointDocument | undefined,
  next: CheckpointDocument,
): BatchOperation {
  if (expected !== undefined && !(next._pos > expected._pos))
    throw new RangeError(
      `checkpoint ${next._id} may only move forward (${expected._pos} → ${next._pos})`,
    );
  return {
    kind: 'replaceIf',
    collection: control.collection.name,
    document: next,
    expected: expected === undefined ? null : { _pos: expected._pos },
  };
}

/** Why a checkpoint move was refused, from what is stored now. */
export async function classifyRefusedMove(
  control: ProjectionControl,
  build: Build,
  target: string,
): Promise<CheckpointOutcome> {
  const stored = await control.checkpoint(build);
  if (stored?._pos === target) return 'ignored';
  if (stored !== undefined && stored._pos > target) return 'ahead';
  return 'mismatch';
}
