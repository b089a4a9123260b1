import type { Database, Statement } from 'better-sqlite3';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import type { StoredLinkBatch, StoredLinkEntry } from '../../stored-link';
import { decodeSqlitePosition, encodeSqlitePosition } from './sqlite-position';

/** A row as the verifier reads it: where its bytes are, and whether the columns agree with them. */
type LinkRow = [
  position: number,
  streamId: string,
  revision: number,
  prevHash: string,
  hash: string,
  length: number | null,
  agrees: number,
];

/**
 * The columns readers see are compared with the bytes by SQLite's JSON functions, in C, so no
 * event is parsed in JavaScript. Where they differ (an edited column, bytes that are not JSON, a
 * row without bytes) the row is read as the port reads it, which decides how that shows. On a
 * key given twice SQLite takes the first and JSON.parse the last; canonical JSON never repeats
 * one, and bytes rewritten that way must also match their hash and the anchored leaf.
 */
const AGREES = `CASE WHEN json_valid(link) THEN
  link ->> '$.eventId' IS event_id
  AND link ->> '$.streamId' IS stream_id
  AND link ->> '$.revision' IS revision
  AND link ->> '$.type' IS type
  AND link ->> '$.metadata.recordedAt' IS recorded_at
  AND link ->> '$.metadata.prevHash' IS prev_hash
  ELSE 0 END`;

export class SqliteStoredLinksReader {
  private readonly rows: Statement;
  private readonly bytes: Statement;

  constructor(
    db: Database,
    /** The row at this position as readAll gives it. */
    private readonly readAsPort: (position: number) => RecordedEvent,
  ) {
    this.rows = db
      .prepare(
        `SELECT position, stream_id, revision, prev_hash, hash, octet_length(link), ${AGREES}
         FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
      )
      .raw(true);
    this.bytes = db
      .prepare(
        `SELECT CAST(group_concat(link, '') AS BLOB)
         FROM (SELECT link FROM events WHERE position > ? AND position <= ? ORDER BY position)`,
      )
      .pluck(true);
  }

  read(options: ReadAllOptions = {}): StoredLinkBatch {
    const after =
      options.fromPosition === undefined ? 0 : decodeSqlitePosition(options.fromPosition);
    // Another connection may write between the two statements: the rows are read again then.
    for (let attempt = 0; ; attempt++) {
      const batch = this.readOnce(after, options.limit ?? -1);
      if (batch) return batch;
      if (attempt === 2) throw new Error('the log kept changing while it was read');
    }
  }

  private readOnce(after: number, limit: number): StoredLinkBatch | undefined {
    const rows = this.rows.all(after, limit) as LinkRow[];
    if (rows.length === 0) return { entries: [], bytes: Buffer.alloc(0) };
    const bytes =
      (this.bytes.get(after, rows[rows.length - 1][0]) as Buffer | null) ?? Buffer.alloc(0);
    const entries: StoredLinkEntry[] = new Array(rows.length);
    let start = 0;
    for (let i = 0; i < rows.length; i++) {
      const [position, streamId, revision, prevHash, hash, length, agrees] = rows[i];
      const end = start + (length ?? 0);
      entries[i] =
        agrees === 1
          ? {
              position: encodeSqlitePosition(position),
              streamId,
              revision,
              prevHash,
              hash,
              start,
              end,
            }
          : this.readAsPort(position);
      start = end;
    }
    return start === bytes.length ? { entries, bytes } : undefined;
  }
}
