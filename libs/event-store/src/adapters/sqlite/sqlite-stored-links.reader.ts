import type { Database, Statement } from 'better-sqlite3';
import type { ReadAllOptions, RecordedEvent } from '../../event-store.port';
import type { StoredLinkEntry } from '../../stored-link';
import { decodeSqlitePosition, encodeSqlitePosition } from './sqlite-position';

/** A row as the verifier reads it: the bytes, and whether the columns agree with them. */
type LinkRow = [
  position: number,
  streamId: string,
  revision: number,
  prevHash: string,
  hash: string,
  bytes: Buffer | null,
  agrees: number | null,
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
  private readonly page: Statement;

  constructor(
    db: Database,
    /** The row at this position as readAll gives it. */
    private readonly readAsPort: (position: number) => RecordedEvent,
  ) {
    this.page = db
      .prepare(
        `SELECT position, stream_id, revision, prev_hash, hash, CAST(link AS BLOB), ${AGREES}
         FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
      )
      .raw(true);
  }

  read(options: ReadAllOptions = {}): StoredLinkEntry[] {
    const after =
      options.fromPosition === undefined ? 0 : decodeSqlitePosition(options.fromPosition);
    const rows = this.page.all(after, options.limit ?? -1) as LinkRow[];
    const entries: StoredLinkEntry[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [position, streamId, revision, prevHash, hash, bytes, agrees] = rows[i];
      entries[i] =
        agrees === 1 && bytes !== null
          ? { position: encodeSqlitePosition(position), streamId, revision, prevHash, hash, bytes }
          : this.readAsPort(position);
    }
    return entries;
  }
}
