import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { Database } from 'better-sqlite3';
import { migrateSqliteEventStore } from './sqlite.schema';

export interface SqliteConnectionOptions {
  busyTimeoutMs?: number;
  /** SQLite's max_page_count: appends that would grow the file beyond it write nothing. */
  maxPageCount?: number;
}

/** A connection to the event log at the store's durability (WAL, synchronous=FULL), migrated. */
export function openSqliteConnection(path: string, options: SqliteConnectionOptions): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    migrateSqliteEventStore(db);
    if (options.maxPageCount !== undefined) {
      db.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
