import type { EventStore } from '@gongjian/event-store';
import type { ReadModelProjection } from './projection.definition';
import {
  Build,
  buildKey,
  CheckpointDocument,
  isNewerBuild,
  ProjectionControl,
} from './projection-control';

export interface BuildProgress {
  key: string;
  checkpoint?: string;
  eventsApplied: number;
  lastRecordedAt?: string;
}

export interface ProjectionStatus {
  name: string;
  /** The version this code defines. */
  version: number;
  /** The build readers use (undefined: never built). */
  live?: BuildProgress;
  /** A newer build catching up beside the live one, if any. */
  building?: BuildProgress;
  head?: string;
  /** head - checkpoint of the live build, where positions count events (SQLite); else undefined. */
  lagEvents?: number;
  /** How long the oldest event the live build has not applied has been in the log (0: caught up). */
  lagMs: number;
}

const COUNTABLE = /^\d{20}$/;

function progress(checkpoint: CheckpointDocument | undefined, key: string): BuildProgress {
  return {
    key,
    checkpoint: checkpoint?._pos || undefined,
    eventsApplied: checkpoint?.eventsApplied ?? 0,
    lastRecordedAt: checkpoint?.lastRecordedAt,
  };
}

/** Where each projection stands against the log's head: read from the control documents. */
export async function projectionStatuses(
  events: EventStore,
  control: ProjectionControl,
  projections: readonly ReadModelProjection[],
  now = Date.now(),
): Promise<ProjectionStatus[]> {
  const head = await events.headPosition();
  const statuses: ProjectionStatus[] = [];
  for (const projection of projections) {
    const pointer = await control.pointer(projection.name);
    const status: ProjectionStatus = {
      name: projection.name,
      version: projection.version,
      head,
      lagMs: 0,
    };
    const builds = (await control.builds(projection.name)).sort((a, b) =>
      isNewerBuild(a, b) ? -1 : 1,
    );
    const liveBuild: Build | undefined = pointer
      ? { name: projection.name, version: pointer.version, generation: pointer.generation }
      : undefined;
    const liveCheckpoint = liveBuild
      ? builds.find((b) => b.version === liveBuild.version && b.generation === liveBuild.generation)
      : undefined;
    if (liveBuild) status.live = progress(liveCheckpoint, buildKey(liveBuild));
    const newer = builds.find((b) => !liveBuild || isNewerBuild(b, liveBuild));
    if (newer)
      status.building = progress(
        newer,
        buildKey({ name: projection.name, version: newer.version, generation: newer.generation }),
      );
    const position = liveCheckpoint?._pos || undefined;
    if (head !== undefined && (position === undefined || position < head)) {
      if (COUNTABLE.test(head) && (position === undefined || COUNTABLE.test(position)))
        status.lagEvents = Number(head) - Number(position ?? 0);
      const [oldest] = await events.readAll({ fromPosition: position, limit: 1 });
      status.lagMs = oldest ? Math.max(0, now - Date.parse(oldest.metadata.recordedAt)) : 0;
    } else if (head !== undefined) {
      status.lagEvents = 0;
    }
    statuses.push(status);
  }
  return statuses;
}
