import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { BatchOperation, BatchResult, DocumentStore } from '../../document-store.port';
import { SqliteDocumentCollection } from './sqlite-document.collection';

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,100}$/;

class PreconditionFailed extends Error {
  constructor(readonly index: number) {
    super('precondition failed');
  }
}

/**
 * Embedded read store: one SQLite file (WAL). synchronous=NORMAL is enough here: a read store
 * is rebuilt from the log, and WAL keeps every transaction atomic (documents + checkpoint).
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly engine = 'sqlite';
  readonly atomicBatches = true;
  private readonly db: Database;
  private readonly cache = new LRUCache<string, Statement>({ max: 1000 });
  private readonly collections = new Map<string, SqliteDocumentCollection>();
  private closed = false;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new BetterSqlite3(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS _document_indexes (collection TEXT NOT NULL, field TEXT NOT NULL, PRIMARY KEY (collection, field)) WITHOUT ROWID',
    );
  }

  private readonly statements = {
    prepare: (sql: string): Statement => {
      let statement = this.cache.get(sql);
      if (!statement) {
        statement = this.db.prepare(sql);
        this.cache.set(sql, statement);
      }
      return statement;
    },
  };

  collection(name: string): SqliteDocumentCollection {
    if (!COLLECTION_NAME.test(name) || name.endsWith('__elements'))
      throw new RangeError(`not a valid collection name: "${name}"`);
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new SqliteDocumentCollection(this.db, this.statements, name);
      this.collections.set(name, collection);
    }
    return collection;
  }

  async listCollections(): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE '%\\_\\_elements' ESCAPE '\\' ORDER BY name`,
      )
      .all() as { name: string }[];
    return rows.map((r) => r.name);
  }

  async writeBatch(operations: readonly BatchOperation[]): Promise<BatchResult> {
    const run = this.db.transaction(() => {
      const result: BatchResult = { written: 0, skippedAsNewer: 0 };
      operations.forEach((operation, index) => {
        const collection = this.collection(operation.collection);
        switch (operation.kind) {
          case 'writeGuarded': {
            const r = collection.writeGuardedNow(operation.documents);
            result.written += r.written;
            result.skippedAsNewer += r.skippedAsNewer;
            break;
          }
          case 'insertMany':
            collection.insertManyNow(operation.documents);
            result.written += operation.documents.length;
            break;
          case 'deleteByIds':
            collection.deleteByIdsNow(operation.ids);
            break;
          case 'replaceIf':
            if (!collection.replaceIfNow(operation.document, operation.expected))
              throw new PreconditionFailed(index);
            result.written++;
            break;
        }
      });
      return result;
    });
    try {
      return run.immediate();
    } catch (error) {
      if (error instanceof PreconditionFailed)
        return { written: 0, skippedAsNewer: 0, failedPrecondition: error.index };
      throw error;
    }
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('read store is closed');
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
