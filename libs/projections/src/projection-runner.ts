import type { EventStore, RecordedEvent } from '@gongjian/event-store';
import type { BatchOperation, ReadDocument } from '@gongjian/read-store';
import { foldBatch } from './batch-folder';
import {
  checkpointDocument,
  classifyRefusedMove,
  CheckpointOutcome,
  moveCheckpoint,
} from './checkpoint';
import { DocumentCache } from './document-cache';
import { eventBatches } from './event-batches';
import type { ReadModelProjection } from './projection.definition';
import {
  Build,
  buildKey,
  CheckpointDocument,
  collectionsOf,
  isNewerBuild,
  ProjectionControl,
} from './projection-control';
import { ProjectionLease } from './projection-lease';
import type { ProjectionLog } from './projection-log';
import type { ProjectionMetrics } from './projection-metrics';
import { switchPointer } from './pointer-switch';
import { WrittenIdTracker } from './written-id-tracker';

/** Most ids a build remembers having written (about 100 MB); past it, lookups as on a resume. */
const WRITTEN_ID_LIMIT = 1_000_000;

export interface RunnerSettings {
  batchSize: number;
  batchWaitMs: number;
  leaseMs: number;
  /** While building: events folded in memory between writes (a crash replays at most these). */
  buildCommitEvents: number;
  /** While building: most documents held in memory before a write. */
  buildMaxDocuments: number;
  namespace: string;
}

export type RunOutcome =
  'stopped' | 'superseded' | 'lease-lost' | 'checkpoint-refused' | 'switched';

export interface RunnerDependencies {
  events: EventStore;
  control: ProjectionControl;
  projection: ReadModelProjection;
  build: Build;
  /** Building: a build readers do not use yet; new documents are inserted, not upserted. */
  building: boolean;
  lease: ProjectionLease;
  settings: RunnerSettings;
  metrics?: ProjectionMetrics;
  log: ProjectionLog;
  /** Stop after switching readers to this build (an operator's rebuild). */
  stopAfterSwitch?: boolean;
  onProgress?: (checkpoint: CheckpointDocument | undefined) => void;
  onSwitched?: (build: Build) => void;
}

/**
 * Runs one build of one projection while it holds the lease: one `for await` loop over the
 * log from the checkpoint (catch-up, then live), folding batches in memory and writing each
 * touched document once per commit, the checkpoint last (in the same transaction on SQLite).
 */
export class ProjectionRunner {
  private readonly cache = new DocumentCache();
  private written = WrittenIdTracker.unknown();
  private readonly physical: Record<string, string>;
  private checkpoint: CheckpointDocument | undefined;
  private building: boolean;
  private uncommitted = 0;
  private lastEvent: RecordedEvent | undefined;
  private knownHead: string | undefined;
  private readonly label: string;

  constructor(private readonly deps: RunnerDependencies) {
    this.physical = collectionsOf(deps.projection, deps.build, deps.settings.namespace);
    this.building = deps.building;
    this.label = deps.projection.name;
  }

  get checkpointPosition(): string | undefined {
    return this.checkpoint?._pos;
  }

  async run(signal: AbortSignal): Promise<RunOutcome> {
    const { events, control, projection, settings } = this.deps;
    const store = control.store;
    for (const [logical, indexes] of Object.entries(projection.collections))
      await store.collection(this.physical[logical]).ensureIndexes(indexes);
    this.checkpoint = await control.checkpoint(this.deps.build);
    this.written = await WrittenIdTracker.forStart(
      store,
      Object.values(this.physical),
      this.checkpoint !== undefined,
    );
    this.deps.onProgress?.(this.checkpoint);
    if (this.building && (await this.caughtUp())) {
      const switched = await this.switchReaders();
      if (switched !== undefined) return switched;
    }

    const subscription = events.subscribeAll({
      fromPosition: this.checkpoint?._pos || undefined,
      onStatus: (status) => {
        if (status.state === 'live' && status.attempt > 0)
          this.deps.metrics?.resubscriptions.inc({ projection: this.label });
      },
    });
    const abort = () => void subscription.close();
    signal.addEventListener('abort', abort, { once: true });
    try {
      for await (const batch of eventBatches(
        subscription,
        settings.batchSize,
        settings.batchWaitMs,
      )) {
        if (signal.aborted) return 'stopped';
        if (batch.length === 0) continue;
        await foldBatch(store, projection, this.physical, this.cache, batch, this.written);
        // A fold with nothing to look up and a log read without waiting never let timers and
        // I/O run: the lease renewal would not either, and the lease would run out mid-build.
        await new Promise((resolve) => setImmediate(resolve));
        this.uncommitted += batch.length;
        this.lastEvent = batch[batch.length - 1];
        this.deps.metrics?.eventsApplied.inc({ projection: this.label }, batch.length);
        const atHead = batch.length < settings.batchSize || (await this.reachedKnownHead());
        if (this.building && !atHead && !this.commitDue()) continue;
        const outcome = await this.commit();
        if (outcome !== 'stored')
          return outcome === 'lease-lost' ? 'lease-lost' : 'checkpoint-refused';
        if (await this.superseded()) return 'superseded';
        if (this.building && (await this.caughtUp())) {
          const switched = await this.switchReaders();
          if (switched !== undefined) return switched;
        }
      }
      return 'stopped';
    } finally {
      signal.removeEventListener('abort', abort);
      await subscription.close();
    }
  }

  private commitDue(): boolean {
    const { buildCommitEvents, buildMaxDocuments } = this.deps.settings;
    return this.uncommitted >= buildCommitEvents || this.cache.size >= buildMaxDocuments;
  }

  /** Cheap: asks the store for its head only once the batches pass the head seen last. */
  private async reachedKnownHead(): Promise<boolean> {
    const last = this.lastEvent?.position ?? '';
    if (this.knownHead !== undefined && last < this.knownHead) return false;
    this.knownHead = await this.deps.events.headPosition();
    return this.knownHead === undefined || last >= this.knownHead;
  }

  private async caughtUp(): Promise<boolean> {
    const head = await this.deps.events.headPosition();
    this.knownHead = head;
    return head === undefined || (this.checkpoint !== undefined && this.checkpoint._pos >= head);
  }

  /** Writes the dirty documents and moves the checkpoint: lease first, checkpoint last. */
  private async commit(): Promise<CheckpointOutcome | 'lease-lost'> {
    const last = this.lastEvent as RecordedEvent;
    const { control, lease, build } = this.deps;
    const now = Date.now();
    if (!lease.heldAt(now)) return 'lease-lost';
    const operations: BatchOperation[] = [lease.renewal(now)];
    const inserts = new Map<string, ReadDocument[]>();
    const replaces = new Map<string, ReadDocument[]>();
    const deletes = new Map<string, string[]>();
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const [collection, ids] of this.cache.dirty())
      for (const id of ids) {
        const entry = this.cache.get(collection, id);
        if (!entry) continue;
        if (entry.doc === null) {
          if (entry.stored) push(deletes, collection, id);
        } else if (!entry.stored && this.building) push(inserts, collection, entry.doc);
        else push(replaces, collection, entry.doc);
      }
    for (const [kind, byCollection] of [
      ['insertMany', inserts],
      ['writeGuarded', replaces],
    ] as const)
      for (const [collection, documents] of byCollection) {
        const ids = documents.map((d) => d._id);
        this.written.recordSending(collection, ids, WRITTEN_ID_LIMIT);
        operations.push({ kind, collection, documents });
      }
    for (const [collection, ids] of deletes)
      operations.push({ kind: 'deleteByIds', collection, ids });
    const next = checkpointDocument(
      build,
      last.position,
      last.metadata.recordedAt,
      (this.checkpoint?.eventsApplied ?? 0) + this.uncommitted,
    );
    operations.push(moveCheckpoint(control, this.checkpoint, next));

    let result;
    try {
      result = await control.store.writeBatch(operations);
    } catch (error) {
      this.cache.clear(); // what landed is unknown: reload from the store
      throw error;
    }
    if (result.failedPrecondition === 0) {
      this.cache.clear();
      return 'lease-lost';
    }
    if (result.failedPrecondition !== undefined) {
      this.cache.clear();
      const outcome = await classifyRefusedMove(control, build, next._pos);
      this.deps.log.warn(
        `projection ${buildKey(build)}: checkpoint move to ${next._pos} refused (${outcome}); resuming from the stored checkpoint`,
      );
      return outcome;
    }
    lease.confirmRenewed(now);
    for (const [collection, ids] of this.cache.dirty())
      for (const id of ids) {
        const entry = this.cache.get(collection, id);
        if (entry) entry.stored = entry.doc !== null;
      }
    this.cache.clearDirty();
    if (this.cache.size >= this.deps.settings.buildMaxDocuments) this.cache.clear();
    this.deps.metrics?.documentsWritten.inc({ projection: this.label }, result.written);
    this.checkpoint = next;
    this.uncommitted = 0;
    this.deps.onProgress?.(next);
    return 'stored';
  }

  private async superseded(): Promise<boolean> {
    const pointer = await this.deps.control.pointer(this.deps.build.name);
    return pointer !== undefined && isNewerBuild(pointer, this.deps.build);
  }

  /** Caught up: readers move to this build, the previous one is dropped. */
  private async switchReaders(): Promise<RunOutcome | undefined> {
    const { control, projection, build, log } = this.deps;
    const switched = await switchPointer(control, projection, build, this.deps.settings.namespace);
    if (switched === 'superseded') return 'superseded';
    this.building = false;
    log.info(
      `projection ${buildKey(build)}: caught up at ${this.checkpoint?._pos ?? '(empty log)'}; readers use it now`,
    );
    this.deps.onSwitched?.(build);
    return this.deps.stopAfterSwitch ? 'switched' : undefined;
  }
}
