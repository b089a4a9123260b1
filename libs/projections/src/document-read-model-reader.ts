import type { DocumentCollection, DocumentStore } from '@gongjian/read-store';
import { LRUCache } from 'lru-cache';
import type { ReadModelProjection } from './projection.definition';
import {
  Build,
  checkpointId,
  physicalCollection,
  PointerDocument,
  ProjectionControl,
} from './projection-control';
import { ReadModelLagError, ReadModelReader } from './read-model-reader';

export interface DocumentReadModelReaderOptions {
  namespace?: string;
  /** How long a pointer lookup is reused (a switch reaches readers within this). */
  pointerTtlMs?: number;
  /** Default wait of waitForPosition. */
  waitMs?: number;
  /** How often waiting queries look at the checkpoints (one lookup shared by all waiters). */
  pollMs?: number;
}

interface Waiter {
  position: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Readers reach the build a projection's pointer names (cached briefly). Before the first build
 * has a pointer, they read its collections, which are empty or filling, never missing.
 */
export class DocumentReadModelReader implements ReadModelReader {
  private readonly control: ProjectionControl;
  private readonly byName: Map<string, ReadModelProjection>;
  private readonly pointers: LRUCache<string, PointerDocument | false>;
  private readonly waiters = new Set<Waiter>();
  private polling = false;
  /** Ends the poll loop's pause early. */
  private wake: (() => void) | undefined;
  private nudged = false;

  constructor(
    private readonly store: DocumentStore,
    projections: readonly ReadModelProjection[],
    private readonly options: DocumentReadModelReaderOptions = {},
  ) {
    this.control = new ProjectionControl(store, options.namespace);
    this.byName = new Map(projections.map((p) => [p.name, p]));
    this.pointers = new LRUCache({
      max: 1000,
      ttl: options.pointerTtlMs ?? 1000,
      fetchMethod: async (name) => (await this.control.pointer(name)) ?? false,
    });
  }

  async collection(projection: string, name: string): Promise<DocumentCollection> {
    const definition = this.byName.get(projection);
    if (!definition) throw new RangeError(`unknown projection "${projection}"`);
    if (!(name in definition.collections))
      throw new RangeError(`projection "${projection}" has no collection "${name}"`);
    const pointer = await this.pointer(projection);
    const physical = pointer
      ? pointer.collections[name]
      : physicalCollection(
          { name: projection, version: definition.version, generation: 0 },
          name,
          this.options.namespace,
        );
    return this.store.collection(physical);
  }

  /**
   * A switch (invalidate) while a lookup is under way abandons that lookup, which would hold the
   * pointer from before the switch; the read then looks the pointer up again.
   */
  private async pointer(name: string): Promise<PointerDocument | false> {
    for (;;) {
      const status: LRUCache.Status<string, PointerDocument | false> = {};
      try {
        return (await this.pointers.fetch(name, { status })) as PointerDocument | false;
      } catch (error) {
        if (!status.fetchAborted) throw error;
      }
    }
  }

  /** Forget cached pointers (the in-process engine calls it when it switches one). */
  invalidate(projection?: string): void {
    if (projection) this.pointers.delete(projection);
    else this.pointers.clear();
  }

  /** The position every projection's live build has reached (undefined: some has none yet). */
  async reachedPosition(): Promise<string | undefined> {
    if (this.byName.size === 0) return '\uffff';
    const builds: Build[] = [];
    for (const [name, definition] of this.byName) {
      const pointer = await this.pointer(name);
      builds.push(
        pointer
          ? { name, version: pointer.version, generation: pointer.generation }
          : { name, version: definition.version, generation: 0 },
      );
    }
    const checkpoints = await this.control.checkpoints(builds);
    let lowest: string | undefined;
    for (const build of builds) {
      const checkpoint = checkpoints.get(checkpointId(build));
      if (!checkpoint) return undefined;
      if (lowest === undefined || checkpoint._pos < lowest) lowest = checkpoint._pos;
    }
    return lowest;
  }

  waitForPosition(position: string, timeoutMs = this.options.waitMs ?? 5000): Promise<void> {
    const started = Date.now();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        this.reachedPosition().then(
          (reached) => reject(new ReadModelLagError(position, reached, Date.now() - started)),
          () => reject(new ReadModelLagError(position, undefined, Date.now() - started)),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  /**
   * Waiting queries look at the checkpoints again now instead of at the next poll (the in-process
   * engine calls it when a projection has committed).
   */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Until the next poll, or sooner when nudged (also while the last look was under way). */
  private pause(ms: number): Promise<void> {
    if (this.nudged) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = undefined;
    });
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0) {
        let reached: string | undefined;
        this.nudged = false;
        try {
          reached = await this.reachedPosition();
        } catch {
          reached = undefined; // the read store is unreachable: keep waiting until the limit
        }
        for (const waiter of this.waiters) {
          if (reached !== undefined && reached >= waiter.position) {
            this.waiters.delete(waiter);
            waiter.resolve();
          }
        }
        if (this.waiters.size > 0) await this.pause(this.options.pollMs ?? 20);
      }
    } finally {
      this.polling = false;
    }
  }
}
