import { join } from 'node:path';
import { ConfigError, redactUrl } from '@gongjian/config';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './adapters/sqlite/sqlite.event-store';

export interface EventStoreSettings {
  kurrentdbUrl?: string;
  dataDir: string;
  timeoutMs: number;
  startupTimeoutMs: number;
}

/**
 * Opens the configured event store and proves it answers. Fails within startupTimeoutMs with a
 * ConfigError naming the variable and the address, never hangs.
 */
export async function openEventStore(settings: EventStoreSettings): Promise<EventStore> {
  const { kurrentdbUrl } = settings;
  const variable = kurrentdbUrl ? 'KURRENTDB_URL' : 'DATA_DIR';
  const address = kurrentdbUrl ? redactUrl(kurrentdbUrl) : settings.dataDir;
  let store: EventStore | undefined;
  try {
    store = kurrentdbUrl
      ? await openKurrentDb(kurrentdbUrl, settings.timeoutMs)
      : new SqliteEventStore(join(settings.dataDir, 'events.sqlite'));
    await withDeadline(store.ping(), settings.startupTimeoutMs);
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(variable, `event store at ${address} is not usable: ${reason}`);
  }
}

/** Loaded on demand: the gRPC client is heavy and the embedded mode never needs it. */
async function openKurrentDb(url: string, timeoutMs: number): Promise<EventStore> {
  const { KurrentDbEventStore } = await import('./adapters/kurrentdb/kurrentdb.event-store');
  return new KurrentDbEventStore(url, { timeoutMs });
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
