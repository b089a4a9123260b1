import type { ReadModelProjection } from './projection.definition';
import {
  Build,
  checkpointId,
  collectionsOf,
  isNewerBuild,
  isSameBuild,
  leaseId,
  PointerDocument,
  pointerId,
  ProjectionControl,
} from './projection-control';

/** The pointer that sends readers to `build`'s collections. */
export function pointerDocument(
  projection: ReadModelProjection,
  build: Build,
  namespace: string,
  caughtUp: boolean,
): PointerDocument {
  return {
    _id: pointerId(build.name),
    _pos: '',
    kind: 'pointer',
    projection: build.name,
    version: build.version,
    generation: build.generation,
    collections: collectionsOf(projection, build, namespace),
    caughtUp,
    switchedAt: new Date().toISOString(),
  };
}

/** The very first build of a projection: readers use it while it fills (there is nothing older). */
export async function claimFirstPointer(
  control: ProjectionControl,
  projection: ReadModelProjection,
  build: Build,
  namespace: string,
): Promise<void> {
  await control.collection.replaceIf(pointerDocument(projection, build, namespace, false), null);
}

/**
 * Points readers at `build` (compare-and-set on the pointer, atomic on every store), then drops
 * the build they used before: its collections, checkpoint and lease.
 */
export async function switchPointer(
  control: ProjectionControl,
  projection: ReadModelProjection,
  build: Build,
  namespace: string,
): Promise<'switched' | 'superseded'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await control.pointer(build.name);
    if (previous && isNewerBuild(previous, build)) return 'superseded';
    if (previous && isSameBuild(previous, build) && previous.caughtUp) return 'switched';
    const next = pointerDocument(projection, build, namespace, true);
    const expected = previous
      ? { version: previous.version, generation: previous.generation, caughtUp: previous.caughtUp }
      : null;
    if (!(await control.collection.replaceIf(next, expected))) continue;
    if (previous && !isSameBuild(previous, build)) {
      for (const collection of Object.values(previous.collections))
        await control.store.collection(collection).drop();
      const old = { name: build.name, version: previous.version, generation: previous.generation };
      await control.collection.deleteByIds([checkpointId(old), leaseId(old)]);
    }
    return 'switched';
  }
  throw new Error(`projection ${build.name}: the pointer keeps changing under this switch`);
}
