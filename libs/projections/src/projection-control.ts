import type { DocumentCollection, DocumentStore, ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from './projection.definition';

/**
 * The engine's own documents, in one control collection of the read store: per build a
 * checkpoint and a lease, per projection a pointer to the build readers use.
 *
 * A build is one version of a projection (`<name>@<version>`, collections `<collection>_v<version>`);
 * an operator's rebuild of the same version is a further generation (`<name>@<version>g<n>`,
 * collections `<collection>_v<version>g<n>`), built beside the live one in the same way.
 */
export interface Build {
  name: string;
  version: number;
  generation: number;
}

export interface CheckpointDocument extends ReadDocument {
  kind: 'checkpoint';
  /** `_pos`: the position of the last event applied ('' before the first). */
  projection: string;
  version: number;
  generation: number;
  /** recordedAt of the last event applied, for the time lag. */
  lastRecordedAt?: string;
  eventsApplied: number;
  updatedAt: string;
}

export interface PointerDocument extends ReadDocument {
  kind: 'pointer';
  projection: string;
  version: number;
  generation: number;
  /** Logical collection name → physical collection of the build readers use. */
  collections: Record<string, string>;
  /** False while the first build of a projection is still catching up. */
  caughtUp: boolean;
  switchedAt: string;
}

export interface LeaseDocument extends ReadDocument {
  kind: 'lease';
  owner: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export const CONTROL_COLLECTION = 'projection_control';

export function buildKey(build: Build): string {
  return `${build.name}@${build.version}${build.generation ? `g${build.generation}` : ''}`;
}

export function physicalCollection(build: Build, logical: string, namespace = ''): string {
  return `${namespace}${logical}_v${build.version}${build.generation ? `g${build.generation}` : ''}`;
}

export function collectionsOf(
  projection: ReadModelProjection,
  build: Build,
  namespace = '',
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(projection.collections).map((logical) => [
      logical,
      physicalCollection(build, logical, namespace),
    ]),
  );
}

export function isNewerBuild(a: Omit<Build, 'name'>, b: Omit<Build, 'name'>): boolean {
  return a.version > b.version || (a.version === b.version && a.generation > b.generation);
}

export function isSameBuild(a: Omit<Build, 'name'>, b: Omit<Build, 'name'>): boolean {
  return a.version === b.version && a.generation === b.generation;
}

export const checkpointId = (build: Build) => `checkpoint:${buildKey(build)}`;
export const leaseId = (build: Build) => `lease:${buildKey(build)}`;
export const pointerId = (name: string) => `pointer:${name}`;

/** Typed access to the control collection. */
export class ProjectionControl {
  readonly collection: DocumentCollection;

  constructor(
    readonly store: DocumentStore,
    readonly namespace = '',
  ) {
    this.collection = store.collection(`${namespace}${CONTROL_COLLECTION}`);
  }

  async pointer(name: string): Promise<PointerDocument | undefined> {
    return (await this.collection.findById(pointerId(name))) as PointerDocument | undefined;
  }

  async checkpoint(build: Build): Promise<CheckpointDocument | undefined> {
    return (await this.collection.findById(checkpointId(build))) as CheckpointDocument | undefined;
  }

  async checkpoints(builds: readonly Build[]): Promise<Map<string, CheckpointDocument>> {
    const found = (await this.collection.findByIds(
      builds.map(checkpointId),
    )) as CheckpointDocument[];
    return new Map(found.map((c) => [c._id, c]));
  }

  /** Every generation of a projection that has a checkpoint (for the next generation number). */
  async builds(name: string): Promise<CheckpointDocument[]> {
    return (await this.collection.find({
      kind: 'checkpoint',
      projection: name,
    })) as CheckpointDocument[];
  }
}
