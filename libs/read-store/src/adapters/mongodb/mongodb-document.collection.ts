import type { AbstractCursor, AnyBulkWriteOperation, Collection } from 'mongodb';
import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import type {
  DocumentCollection,
  DocumentId,
  DocumentVersion,
  Filter,
  FindOptions,
  GuardedWriteResult,
  IndexSpec,
  ReadDocument,
} from '../../document-store.port';
import { assertSort, parseFilter } from '../../document-filter';
import type { ReplyDeadline } from './mongodb-reply.deadline';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const ID_CHUNK = 500;
const INSERT_CHUNK = 1000;

export interface MongoCollectionSettings {
  /** Most updates sent in one command (FerretDB hangs past its connection pool). */
  bulkChunkSize: number;
  /**
   * Runs one bulk update command at a time for the whole store: two concurrent commands of
   * `bulkChunkSize` updates would hold twice as many of FerretDB's pooled connections.
   */
  serializeUpdates<T>(command: () => Promise<T>): Promise<T>;
  deadline: ReplyDeadline;
}

/** One read-model collection through the official driver. */
export class MongoDocumentCollection implements DocumentCollection {
  constructor(
    private readonly collection: Collection<ReadDocument>,
    private readonly settings: MongoCollectionSettings,
  ) {}

  get name(): string {
    return this.collection.collectionName;
  }

  private bound<T>(operation: string, pending: Promise<T>): Promise<T> {
    return this.settings.deadline.bound(`${operation} on ${this.name}`, pending);
  }

  private all<T>(operation: string, cursor: AbstractCursor<T>): Promise<T[]> {
    return this.settings.deadline.all(`${operation} on ${this.name}`, cursor);
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    for (const index of indexes) {
      assertSort(index.fields);
      const keys = Object.fromEntries(index.fields.map(([f, d]) => [f, d]));
      const name = index.fields.map(([f, d]) => `${f}_${d}`).join('_') + (index.unique ? '_u' : '');
      await this.bound(
        'createIndex',
        this.collection.createIndex(keys, { name, unique: index.unique ?? false }),
      );
    }
  }

  async findById(id: DocumentId): Promise<ReadDocument | undefined> {
    return (await this.bound('findOne', this.collection.findOne({ _id: id }))) ?? undefined;
  }

  async findByIds(ids: readonly DocumentId[]): Promise<ReadDocument[]> {
    const unique = [...new Set(ids)];
    const found: ReadDocument[] = [];
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      found.push(
        ...(await this.all(
          'find',
          this.collection.find({ _id: { $in: unique.slice(i, i + ID_CHUNK) } }),
        )),
      );
    }
    return found;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<ReadDocument[]> {
    parseFilter(filter);
    assertSort(options.sort);
    let cursor = this.collection.find(filter);
    if (options.sort?.length)
      cursor = cursor.sort(options.sort.map(([f, d]) => [f, d] as [string, 1 | -1]));
    if (options.limit !== undefined) cursor = cursor.limit(Math.max(0, Math.floor(options.limit)));
    return this.all('find', cursor);
  }

  async findVersions(filter: Filter, options: FindOptions = {}): Promise<DocumentVersion[]> {
    parseFilter(filter);
    assertSort(options.sort);
    let cursor = this.collection.find(filter, { projection: { _id: 1, _pos: 1 } });
    if (options.sort?.length)
      cursor = cursor.sort(options.sort.map(([f, d]) => [f, d] as [string, 1 | -1]));
    if (options.limit !== undefined) cursor = cursor.limit(Math.max(0, Math.floor(options.limit)));
    return (await this.all('find', cursor)) as DocumentVersion[];
  }

  async count(filter: Filter): Promise<number> {
    parseFilter(filter);
    return this.bound('countDocuments', this.collection.countDocuments(filter));
  }

  /**
   * Guarded upserts: `{_id, _pos: {$lt: n}}` matches only an older document; when a newer (or
   * the same) one is stored, the upsert's insert collides on _id (11000): already newer, skipped.
   * Stored positions are read first so that only documents that need writing are sent: FerretDB
   * stops an unordered bulk at its first error and misreports which one it was, so after a
   * duplicate-key error the positions are read again and what did not land is sent again.
   * The positions are read for up to ID_CHUNK documents at once, not per bulk command: a server
   * that does not index `$in` (FerretDB 1.24) scans the collection for each read.
   */
  async writeGuarded(documents: readonly ReadDocument[]): Promise<GuardedWriteResult> {
    let written = 0;
    let skippedAsNewer = 0;
    for (let i = 0; i < documents.length; i += ID_CHUNK) {
      const part = documents.slice(i, i + ID_CHUNK);
      const pending = olderThanStored(part, await this.storedPositions(part));
      skippedAsNewer += part.length - pending.length;
      for (let j = 0; j < pending.length; j += this.settings.bulkChunkSize) {
        const result = await this.sendGuarded(pending.slice(j, j + this.settings.bulkChunkSize));
        written += result.written;
        skippedAsNewer += result.skippedAsNewer;
      }
    }
    return { written, skippedAsNewer };
  }

  /** One bulk command of documents older than stored when their positions were read. */
  private async sendGuarded(chunk: readonly ReadDocument[]): Promise<GuardedWriteResult> {
    let written = 0;
    let skippedAsNewer = 0;
    let pending = chunk;
    while (pending.length > 0) {
      try {
        await this.settings.serializeUpdates(() =>
          this.bound(
            'bulkWrite',
            this.collection.bulkWrite(pending.map(guardedReplace), { ordered: false }),
          ),
        );
        written += pending.length;
        break;
      } catch (error) {
        assertDuplicatesOnly(error);
        const stored = await this.storedPositions(pending);
        const remaining = olderThanStored(pending, stored);
        if (remaining.length === pending.length) throw error;
        const landed = pending.filter((d) => stored.get(d._id) === d._pos).length;
        written += landed;
        skippedAsNewer += pending.length - remaining.length - landed;
        pending = remaining;
      }
    }
    return { written, skippedAsNewer };
  }

  private async storedPositions(documents: readonly ReadDocument[]): Promise<Map<string, string>> {
    const stored = await this.all(
      'find',
      this.collection.find(
        { _id: { $in: documents.map((d) => d._id) } },
        { projection: { _pos: 1 } },
      ),
    );
    return new Map(stored.map((d) => [d._id, d._pos]));
  }

  async insertMany(documents: readonly ReadDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += INSERT_CHUNK) {
      await this.bound(
        'insertMany',
        this.collection.insertMany(documents.slice(i, i + INSERT_CHUNK) as ReadDocument[], {
          ordered: false,
        }),
      );
    }
  }

  async deleteByIds(ids: readonly DocumentId[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      await this.bound(
        'deleteMany',
        this.collection.deleteMany({ _id: { $in: ids.slice(i, i + ID_CHUNK) as string[] } }),
      );
    }
  }

  async replaceIf(document: ReadDocument, expected: Filter | null): Promise<boolean> {
    if (expected === null) {
      try {
        await this.bound('insertOne', this.collection.insertOne(document));
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
        throw error;
      }
    }
    parseFilter(expected);
    // One update holds one pooled connection: it need not queue behind bulk updates (a lease
    // renewal stuck there for longer than the lease would lose it).
    const result = await this.bound(
      'replaceOne',
      this.collection.replaceOne({ ...expected, _id: document._id }, document),
    );
    return result.matchedCount === 1;
  }

  async drop(): Promise<void> {
    try {
      await this.bound('drop', this.collection.drop());
    } catch (error) {
      if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return;
      throw error;
    }
  }
}

function guardedReplace(document: ReadDocument): AnyBulkWriteOperation<ReadDocument> {
  return {
    replaceOne: {
      filter: { _id: document._id, _pos: { $lt: document._pos } },
      replacement: document,
      upsert: true,
    },
  };
}

function olderThanStored(
  documents: readonly ReadDocument[],
  stored: Map<string, string>,
): ReadDocument[] {
  return documents.filter((d) => {
    const position = stored.get(d._id);
    return position === undefined || position < d._pos;
  });
}

/** A bulk error made only of duplicate-key failures ("already newer"); anything else is rethrown. */
function assertDuplicatesOnly(error: unknown): void {
  if (!(error instanceof MongoBulkWriteError)) throw error;
  const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (failures.length === 0 || failures.some((f) => f.code !== DUPLICATE_KEY)) throw error;
}
