import type { Database, Statement } from 'better-sqlite3';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import type { StoredLinkBatch, StoredLinkEntry } from '../../stored-link';
import { SqliteLinkColumnsMatcher } from './sqlite-link-columns.matcher';
import { decodeSqlitePosition, encodeSqlitePosition } from './sqlite-position';

/** A row as the verifier reads it: where its bytes are, and the columns they must agree with. */
type LinkRow = [
  position: number,
  streamId: string,
  revision: number,
  prevHash: string,
  hash: string,
  length: number | null,
  eventId: string,
  type: string,
  recordedAt: string,
];

/**
 * The columns readers see are compared with the bytes in JavaScript, on the bytes, so that no
 * event is parsed: SQLite's JSON functions took about twice the time for the same. Where the
 * matcher cannot show that they agree (an edited column, bytes that are not JSON, a row without
 * bytes) the row is read as the port reads it, which decides how that shows.
 */
export class SqliteStoredLinksReader {
  private readonly rows: Statement;
  private readonly bytes: Statement;
  private readonly matcher = new SqliteLinkColumnsMatcher();

  constructor(
    db: Database,
    /** The row at this position as readAll gives it. */
    private readonly readAsPort: (position: number) => RecordedEvent,
  ) {
    this.rows = db
      .prepare(
        `SELECT position, stream_id, revision, prev_hash, hash, octet_length(link), event_id, type,
           recorded_at
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
    let total = 0;
    for (const row of rows) total += row[5] ?? 0;
    if (total !== bytes.length) return undefined;
    const entries: StoredLinkEntry[] = new Array(rows.length);
    let start = 0;
    for (let i = 0; i < rows.length; i++) {
      const [position, streamId, revision, prevHash, hash, length, eventId, type, recordedAt] =
        rows[i];
      const end = start + (length ?? 0);
      const columns = { eventId, streamId, revision, type, recordedAt, prevHash };
      entries[i] =
        length !== null && this.matcher.matches(bytes, start, end, columns)
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
    return { entries, bytes };
  }
}
