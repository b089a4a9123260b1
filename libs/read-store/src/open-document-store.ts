import { join } from 'node:path';
import { AppConfig, ConfigError, redactUrl } from '@gongjian/config';
import type { DocumentStore } from './document-store.port';
import { SqliteDocumentStore } from './adapters/sqlite/sqlite.document-store';

export type DocumentStoreSettings = Pick<
  AppConfig,
  'mongodbUrl' | 'dataDir' | 'storeTimeoutMs' | 'startupTimeoutMs' | 'mongodbBulkChunkSize'
>;

/**
 * Opens the configured read store and proves it answers: MongoDB when MONGODB_URL is set,
 * otherwise SQLite under DATA_DIR. Fails within startupTimeoutMs with one line naming the
 * variable and the address.
 */
export async function openDocumentStore(settings: DocumentStoreSettings): Promise<DocumentStore> {
  const { mongodbUrl } = settings;
  const variable = mongodbUrl ? 'MONGODB_URL' : 'DATA_DIR';
  const address = mongodbUrl ? redactUrl(mongodbUrl) : settings.dataDir;
  let store: DocumentStore | undefined;
  try {
    store = mongodbUrl
      ? await openMongoDb(mongodbUrl, settings)
      : new SqliteDocumentStore(join(settings.dataDir, 'read-models.sqlite'));
    await store.ping();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(variable, `read store at ${address} is not usable: ${reason}`);
  }
}

/** Loaded on demand: the embedded mode never needs the driver. */
async function openMongoDb(url: string, settings: DocumentStoreSettings): Promise<DocumentStore> {
  const { MongoDocumentStore } = await import('./adapters/mongodb/mongodb.document-store');
  return MongoDocumentStore.connect(url, {
    timeoutMs: Math.min(settings.storeTimeoutMs, settings.startupTimeoutMs),
    bulkChunkSize: settings.mongodbBulkChunkSize,
  });
}
