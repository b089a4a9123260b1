import type { Database } from 'better-sqlite3';

/** One row per event. `position` is the global log order and is never reused. */
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
      UNIQUE (stream_id, revision)
    );
  `);
}
