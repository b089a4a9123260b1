import { LRUCache } from 'lru-cache';
import { Position, RecordedEvent } from '@gongjian/event-store';
import { isKeyedCommandId } from './idempotency-record';

/** What a keyed command wrote on one stream: enough to answer its retry without reading it. */
export interface CommandTrace {
  eventIds: string[];
  /** Revision and position of its last event on the stream. */
  revision: number;
  position: Position;
  requestHash: unknown;
}

/** A stream folded up to `revision`, as kept between commands. */
export interface CachedStream {
  streamId: string;
  /** Last revision folded; -1 for a stream with no events. */
  revision: number;
  /** Position of the event at `revision`. */
  head: Position | null;
  state: unknown;
  /** The decider whose evolve folded `state`; another decider folds the stream anew. */
  folding: object;
  /** Keyed commands written on this stream, by command id. */
  commands: Map<string, CommandTrace>;
  /** Estimated memory, for the cache's byte bound. */
  bytes: number;
}

const ENTRY_BYTES = 512;
const TRACE_BYTES = 160;

/** Rough bytes an event adds to a folded state: its data as JSON, plus bookkeeping. */
export const estimatedBytes = (data: unknown): number => JSON.stringify(data).length * 2 + 64;

/** Adds a keyed command's events to a stream's traces, in stream order. */
export function traceCommands(
  commands: Map<string, CommandTrace>,
  events: ReadonlyArray<
    Pick<RecordedEvent, 'eventId' | 'revision' | 'position'> & {
      metadata: { commandId: string; requestHash?: unknown };
    }
  >,
): number {
  let added = 0;
  for (const event of events) {
    const { commandId } = event.metadata;
    if (!isKeyedCommandId(commandId)) continue;
    const trace = commands.get(commandId);
    if (trace) {
      trace.eventIds.push(event.eventId);
      trace.revision = event.revision;
      trace.position = event.position;
    } else {
      commands.set(commandId, {
        eventIds: [event.eventId],
        revision: event.revision,
        position: event.position,
        requestHash: event.metadata.requestHash,
      });
      added += TRACE_BYTES;
    }
  }
  return added;
}

/**
 * Folded states of recently written streams (LRU, bounded by entries and estimated bytes). A
 * command takes a stream's entry out (so that it alone may update the state in place), reads the
 * events after its revision, and puts it back once its append is through; an entry is never put
 * back after a failed append, so a stale state is dropped, not served. The expected-revision check
 * of the append stays the guard against writes of other processes.
 */
export class StreamStateCache {
  private readonly lru: LRUCache<string, CachedStream>;

  constructor(options: { maxEntries: number; maxBytes: number }) {
    this.lru = new LRUCache<string, CachedStream>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (entry) =>
        Math.max(1, Math.min(entry.bytes + ENTRY_BYTES, options.maxBytes)),
    });
  }

  /** Removes and answers a stream's entry: the caller owns its state until it puts it back. */
  take(streamId: string): CachedStream | undefined {
    const entry = this.lru.get(streamId);
    if (entry) this.lru.delete(streamId);
    return entry;
  }

  /** Keeps an entry, unless one at a later revision was put meanwhile. */
  put(entry: CachedStream): void {
    const current = this.lru.peek(entry.streamId);
    if (current && current.revision > entry.revision) return;
    this.lru.set(entry.streamId, entry);
  }

  drop(streamId: string): void {
    this.lru.delete(streamId);
  }

  get size(): number {
    return this.lru.size;
  }
}
