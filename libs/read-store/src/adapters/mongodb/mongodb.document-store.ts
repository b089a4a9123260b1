import { MongoClient } from 'mongodb';
import type {
  BatchOperation,
  BatchResult,
  DocumentStore,
  ReadDocument,
} from '../../document-store.port';
import { MongoCollectionSettings, MongoDocumentCollection } from './mongodb-document.collection';
import { ReplyDeadline } from './mongodb-reply.deadline';

/** Longer than any read-model operation takes on a working server. */
const DEFAULT_REPLY_TIMEOUT_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 5000;

export interface MongoDocumentStoreOptions {
  bulkChunkSize?: number;
  /** How long an operation waits for a reachable server before failing. */
  timeoutMs?: number;
  /**
   * How long a sent operation waits for its reply before its connection is dropped and the
   * operation fails (default DEFAULT_REPLY_TIMEOUT_MS), so that a server that accepts work and never answers
   * cannot hold a projection, or the shutdown that waits for it, forever. A round trip still
   * pending at this plus twice `timeoutMs` is failed by the store itself (ReplyDeadline).
   */
  replyTimeoutMs?: number;
}

/**
 * Read store on a MongoDB-wire server (MongoDB, or FerretDB in CI). No transactions are used
 * (FerretDB has none): batches run in order, and projections rely on `_pos` guards instead.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly engine = 'mongodb';
  readonly atomicBatches = false;
  private readonly collections = new Map<string, MongoDocumentCollection>();
  private readonly settings: MongoCollectionSettings;

  private constructor(
    private readonly client: MongoClient,
    options: MongoDocumentStoreOptions,
  ) {
    let queue: Promise<unknown> = Promise.resolve();
    // Past every driver timeout a round trip can meet: server selection, a new connection, the reply.
    this.settings = {
      deadline: new ReplyDeadline(
        2 * (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) +
          (options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS),
      ),
      bulkChunkSize: options.bulkChunkSize ?? 32,
      serializeUpdates: <T>(command: () => Promise<T>): Promise<T> => {
        const run = queue.then(command, command);
        queue = run.catch(() => undefined);
        return run;
      },
    };
  }

  static async connect(
    url: string,
    options: MongoDocumentStoreOptions = {},
  ): Promise<MongoDocumentStore> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      socketTimeoutMS: options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS,
      ignoreUndefined: true,
    });
    await client.connect();
    return new MongoDocumentStore(client, options);
  }

  collection(name: string): MongoDocumentCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MongoDocumentCollection(
        this.client.db().collection<ReadDocument>(name),
        this.settings,
      );
      this.collections.set(name, collection);
    }
    return collection;
  }

  async listCollections(): Promise<string[]> {
    const infos = await this.settings.deadline.all(
      'listCollections',
      this.client.db().listCollections({}, { nameOnly: true }),
    );
    return infos.map((i) => i.name).sort();
  }

  async writeBatch(operations: readonly BatchOperation[]): Promise<BatchResult> {
    const result: BatchResult = { written: 0, skippedAsNewer: 0 };
    for (const [index, operation] of operations.entries()) {
      const collection = this.collection(operation.collection);
      switch (operation.kind) {
        case 'writeGuarded': {
          const r = await collection.writeGuarded(operation.documents);
          result.written += r.written;
          result.skippedAsNewer += r.skippedAsNewer;
          break;
        }
        case 'insertMany':
          await collection.insertMany(operation.documents);
          result.written += operation.documents.length;
          break;
        case 'deleteByIds':
          await collection.deleteByIds(operation.ids);
          break;
        case 'replaceIf':
          if (!(await collection.replaceIf(operation.document, operation.expected)))
            return { ...result, failedPrecondition: index };
          result.written++;
          break;
      }
    }
    return result;
  }

  async ping(): Promise<void> {
    await this.settings.deadline.bound('ping', this.client.db().command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
