import type { Database } from 'better-sqlite3';

/**
 * One row per event. `position` is the global log order and is never reused. `link` holds the
 * exact bytes (UTF-8 text, as SQLite stores text) the chain hash is over (RFC 8785 JSON of stream, revision, id, type, data and
 * metadata): rows that have it are read from it, and their `data` and `metadata` columns are
 * left empty; rows written before it existed keep their data there.
 */
export function migrateSqliteEventStore(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id    TEXT    NOT NULL UNIQUE,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      prev_hash   TEXT    NOT NULL,
      hash        TEXT    NOT NULL,
      link        BLOB,
      UNIQUE (stream_id, revision)
    );
  `);
  const columns = db.prepare('PRAGMA table_info(events)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'link')) db.exec('ALTER TABLE events ADD COLUMN link BLOB');
}
