import { join } from 'node:path';
import { AppConfig, ConfigError, redactUrl } from '@gongjian/config';
import { withDeadline } from './call-deadline';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './adapters/sqlite/sqlite.event-store';

export type EventStoreSettings = Pick<
  AppConfig,
  'kurrentdbUrl' | 'dataDir' | 'storeTimeoutMs' | 'startupTimeoutMs'
>;

/**
 * Opens the configured event store and proves it answers, and that a KurrentDB server is recent
 * enough (25.1, for atomic multi-stream appends). Fails within startupTimeoutMs with a one-line
 * ConfigError naming the variable and the address, never hangs.
 */
export async function openEventStore(settings: EventStoreSettings): Promise<EventStore> {
  const { kurrentdbUrl } = settings;
  const variable = kurrentdbUrl ? 'KURRENTDB_URL' : 'DATA_DIR';
  const address = kurrentdbUrl ? redactUrl(kurrentdbUrl) : settings.dataDir;
  let store: EventStore | undefined;
  try {
    const opened = kurrentdbUrl
      ? await openKurrentDb(kurrentdbUrl, settings.storeTimeoutMs)
      : new SqliteEventStore(join(settings.dataDir, 'events.sqlite'));
    store = opened;
    const ready = async () => {
      await opened.ping();
      if ('checkServerFeatures' in opened) await opened.checkServerFeatures();
    };
    await withDeadline(store.engine, ready(), settings.startupTimeoutMs, 'startup ping');
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(variable, `event store at ${address} is not usable: ${reason}`);
  }
}

/** Loaded on demand: the gRPC client is heavy and the embedded mode never needs it. */
async function openKurrentDb(url: string, timeoutMs: number) {
  const { KurrentDbEventStore } = await import('./adapters/kurrentdb/kurrentdb.event-store');
  return new KurrentDbEventStore(url, { timeoutMs });
}
