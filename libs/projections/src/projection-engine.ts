import { setMaxListeners } from 'node:events';
import type { EventStore } from '@gongjian/event-store';
import type { DocumentStore } from '@gongjian/read-store';
import type { Registry } from 'prom-client';
import type { ReadModelProjection } from './projection.definition';
import {
  Build,
  buildKey,
  CheckpointDocument,
  isNewerBuild,
  ProjectionControl,
} from './projection-control';
import { ProjectionLease } from './projection-lease';
import { holderIsGoneFromThisHost, leaseHolderName } from './lease-holder';
import { ProjectionLog, SILENT_LOG } from './projection-log';
import { createProjectionMetrics, ProjectionMetrics } from './projection-metrics';
import { ProjectionRunner, RunnerSettings, RunOutcome } from './projection-runner';
import { claimFirstPointer } from './pointer-switch';
import { projectionStatuses, ProjectionStatus } from './projection-status';
import { SharedCatchUp } from './shared-catch-up';

export interface ProjectionEngineOptions {
  events: EventStore;
  store: DocumentStore;
  projections: readonly ReadModelProjection[];
  settings?: Partial<RunnerSettings>;
  /** Identifies this engine in leases (default: host, pid and a random suffix). */
  owner?: string;
  registry?: Registry;
  log?: ProjectionLog;
  /** Called when readers of a projection must look its pointer up again. */
  onSwitched?: (projection: string) => void;
  /** Called after a projection has committed documents and its checkpoint. */
  onCommitted?: (projection: string) => void;
}

export const DEFAULT_RUNNER_SETTINGS: RunnerSettings = {
  batchSize: 1000,
  batchWaitMs: 5,
  leaseMs: 15_000,
  buildCommitEvents: 2_000_000,
  buildMaxDocuments: 200_000,
  namespace: '',
};

interface Target {
  build: Build;
  building: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Keeps every projection's live build up to date (or builds a new version beside it), one
 * supervised runner per projection. A runner that fails resumes from its checkpoint after a
 * back-off; an engine that does not hold a build's lease waits for it.
 */
export class ProjectionEngine {
  readonly control: ProjectionControl;
  readonly owner: string;
  readonly settings: RunnerSettings;
  private readonly metrics?: ProjectionMetrics;
  private readonly log: ProjectionLog;
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];
  private readonly holding = new Map<string, string>();

  constructor(private readonly options: ProjectionEngineOptions) {
    this.settings = { ...DEFAULT_RUNNER_SETTINGS, ...options.settings };
    this.control = new ProjectionControl(options.store, this.settings.namespace);
    this.owner = options.owner ?? leaseHolderName();
    this.embeddedStore = options.store.engine === 'sqlite';
    // Each projection's loop listens on the engine's signal (a sleep or a run), not a leak.
    setMaxListeners(Math.max(10, 2 * options.projections.length), this.abort.signal);
    this.metrics = options.registry ? createProjectionMetrics(options.registry) : undefined;
    this.log = options.log ?? SILENT_LOG;
    const names = new Set<string>();
    const collections = new Set<string>();
    for (const projection of options.projections) {
      if (names.has(projection.name))
        throw new Error(`two projections are named "${projection.name}"`);
      names.add(projection.name);
      for (const logical of Object.keys(projection.collections)) {
        if (collections.has(logical))
          throw new Error(`collection "${logical}" belongs to two projections`);
        collections.add(logical);
      }
    }
  }

  /**
   * An embedded read store is a file on this host, so a holder that is not a live process here
   * has crashed; a server store may be shared across hosts, where only the expiry can tell.
   */
  readonly holderIsGone = (holder: string): boolean =>
    this.embeddedStore && holderIsGoneFromThisHost(holder);
  private readonly embeddedStore: boolean;

  start(): void {
    this.loops = this.options.projections.map((p) => this.supervise(p));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
  }

  /** Builds this engine is writing now (projection → build key). */
  writing(): ReadonlyMap<string, string> {
    return this.holding;
  }

  status(now = Date.now()): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.options.events, this.control, this.options.projections, now);
  }

  /** Pushes the lag of every projection into the metrics. */
  async refreshMetrics(): Promise<ProjectionStatus[]> {
    const statuses = await this.status();
    for (const s of statuses) {
      if (!this.metrics) break;
      if (s.lagEvents !== undefined)
        this.metrics.positionLag.set({ projection: s.name }, s.lagEvents);
      this.metrics.timeLag.set({ projection: s.name }, s.lagMs / 1000);
      if (s.live?.lastRecordedAt)
        this.metrics.lastAppliedAge.set(
          { projection: s.name },
          Math.max(0, (Date.now() - Date.parse(s.live.lastRecordedAt)) / 1000),
        );
    }
    return statuses;
  }

  private async resolveTarget(projection: ReadModelProjection): Promise<Target | 'superseded'> {
    const { name, version } = projection;
    const pointer = await this.control.pointer(name);
    if (!pointer) {
      const build = { name, version, generation: 0 };
      await claimFirstPointer(this.control, projection, build, this.settings.namespace);
      return this.resolveTarget(projection);
    }
    if (pointer.version > version) return 'superseded';
    if (pointer.version === version)
      return {
        build: { name, version, generation: pointer.generation },
        building: !pointer.caughtUp,
      };
    return { build: { name, version, generation: 0 }, building: true };
  }

  private async supervise(projection: ReadModelProjection): Promise<void> {
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const target = await this.resolveTarget(projection);
        if (target === 'superseded') {
          this.log.warn(
            `projection ${projection.name}@${projection.version}: a newer version is live; not running it`,
          );
          await sleep(this.settings.leaseMs, signal);
          continue;
        }
        const outcome = await this.runWithLease(projection, target, signal);
        failures = 0;
        if (outcome === 'waiting') await sleep(this.settings.leaseMs / 3, signal);
      } catch (error) {
        failures++;
        this.metrics?.errors.inc({ projection: projection.name });
        this.metrics?.resubscriptions.inc({ projection: projection.name });
        this.log.error(
          `projection ${projection.name}: ${(error as Error).message?.split('\n')[0]}; resuming from its checkpoint`,
        );
        await sleep(Math.min(5000, 250 * 2 ** Math.min(failures, 5)), signal);
      }
    }
  }

  private async runWithLease(
    projection: ReadModelProjection,
    target: Target,
    signal: AbortSignal,
  ): Promise<RunOutcome | 'waiting'> {
    const lease = new ProjectionLease(
      this.control,
      target.build,
      this.owner,
      this.settings.leaseMs,
      this.holderIsGone,
    );
    if (!(await lease.acquire())) return 'waiting';
    const key = buildKey(target.build);
    this.holding.set(projection.name, key);
    const run = new AbortController();
    const stopRun = () => run.abort();
    signal.addEventListener('abort', stopRun, { once: true });
    const renewal = setInterval(() => {
      void (async () => {
        const renewed = await lease.renew().catch(() => false);
        const pointer = await this.control.pointer(projection.name).catch(() => undefined);
        if (!renewed || (pointer && isNewerBuild(pointer, target.build))) run.abort();
      })();
    }, this.settings.leaseMs / 3);
    try {
      const runner = new ProjectionRunner({
        events: this.options.events,
        control: this.control,
        projection,
        build: target.build,
        building: target.building,
        lease,
        settings: this.settings,
        metrics: this.metrics,
        log: this.log,
        onSwitched: () => this.options.onSwitched?.(projection.name),
        onProgress: () => this.options.onCommitted?.(projection.name),
      });
      this.log.info(`projection ${key}: writing (${target.building ? 'building' : 'live'})`);
      const outcome = await runner.run(run.signal);
      if (outcome === 'lease-lost') this.log.warn(`projection ${key}: lease lost; waiting for it`);
      return outcome;
    } finally {
      clearInterval(renewal);
      signal.removeEventListener('abort', stopRun);
      this.holding.delete(projection.name);
      if (signal.aborted || run.signal.aborted) await lease.release();
    }
  }
}

/**
 * Rebuilds several projections together, reading the log once for all of them (see
 * rebuildProjection for each one's steps).
 */
export async function rebuildProjections(
  options: Omit<Parameters<typeof rebuildProjection>[0], 'name'> & { names: readonly string[] },
): Promise<Build[]> {
  const shared = new SharedCatchUp(options.events, options.names.length);
  return Promise.all(
    options.names.map((name) => {
      const participant = shared.participant();
      return rebuildProjection({ ...options, events: participant.events, name }).finally(
        participant.leave,
      );
    }),
  );
}

/** An operator's rebuild: a new generation of the current version, built beside the live one. */
export async function rebuildProjection(
  options: ProjectionEngineOptions & {
    name: string;
    onProgress?: (checkpoint: CheckpointDocument | undefined, head: string | undefined) => void;
  },
): Promise<Build> {
  const projection = options.projections.find((p) => p.name === options.name);
  if (!projection) throw new RangeError(`no projection named "${options.name}"`);
  const engine = new ProjectionEngine(options);
  const control = engine.control;
  const pointer = await control.pointer(projection.name);
  const generations = (await control.builds(projection.name))
    .filter((b) => b.version === projection.version)
    .map((b) => b.generation);
  if (pointer?.version === projection.version) generations.push(pointer.generation);
  const build: Build = {
    name: projection.name,
    version: projection.version,
    generation: generations.length ? Math.max(...generations) + 1 : 0,
  };
  if (!pointer) await claimFirstPointer(control, projection, build, engine.settings.namespace);
  const lease = new ProjectionLease(
    control,
    build,
    engine.owner,
    engine.settings.leaseMs,
    engine.holderIsGone,
  );
  if (!(await lease.acquire()))
    throw new Error(`projection ${buildKey(build)} is being built elsewhere`);
  const renewal = setInterval(
    () => void lease.renew().catch(() => undefined),
    engine.settings.leaseMs / 3,
  );
  try {
    const head = await options.events.headPosition();
    const runner = new ProjectionRunner({
      events: options.events,
      control,
      projection,
      build,
      building: true,
      lease,
      settings: engine.settings,
      log: options.log ?? SILENT_LOG,
      stopAfterSwitch: true,
      onProgress: (checkpoint) => options.onProgress?.(checkpoint, head),
      onSwitched: () => options.onSwitched?.(projection.name),
    });
    const outcome = await runner.run(new AbortController().signal);
    if (outcome !== 'switched') throw new Error(`rebuild of ${buildKey(build)} ended: ${outcome}`);
    return build;
  } finally {
    clearInterval(renewal);
    await lease.release();
  }
}
