import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { Database } from 'better-sqlite3';
import { NodeHash } from '../merkle/merkle-hash';

const LEAF_PAGE = 10_000;

/** The leaf index's file in DATA_DIR. */
export const LEAF_INDEX_FILE = 'audit-leaves.sqlite';

/** Which event a leaf of the tree was when it was anchored. */
export interface LeafEntry {
  index: number;
  position: string;
  streamId: string;
  revision: number;
  leafHash: NodeHash;
}

/** `count` leaves: 32 bytes each back to back, or, when `count` is 1, one leaf of any length. */
export interface LeafRun {
  leaves: Buffer;
  count: number;
}

/**
 * The leaves of the log's tree as the anchor service saw them, kept beside the log so that a
 * checkpoint only hashes the events since the last one, proofs need no full re-read, and a
 * verification that finds a different root can name the first leaf that differs. It is trusted
 * only as far as its leaves give the root of a signed checkpoint: editing it changes nothing an
 * inspector relies on, it only costs the precise location of a break.
 */
export class LeafIndex {
  private readonly db: Database;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new BetterSqlite3(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS leaves (
      idx INTEGER PRIMARY KEY, position TEXT NOT NULL, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, leaf BLOB NOT NULL)`);
    this.db.exec('CREATE INDEX IF NOT EXISTS leaves_by_stream ON leaves (stream_id, revision)');
  }

  size(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM leaves').get() as { n: number }).n;
  }

  last(): LeafEntry | undefined {
    const row = this.db.prepare('SELECT * FROM leaves ORDER BY idx DESC LIMIT 1').get();
    return row ? toEntry(row as LeafRow) : undefined;
  }

  /** Appends entries that must continue the index exactly (index = size, size + 1, ...). */
  append(entries: readonly LeafEntry[]): void {
    const insert = this.db.prepare(
      'INSERT INTO leaves (idx, position, stream_id, revision, leaf) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      let next = this.size();
      for (const e of entries) {
        if (e.index !== next++) throw new Error(`leaf ${e.index} does not continue the index`);
        insert.run(e.index, e.position, e.streamId, e.revision, e.leafHash);
      }
    })();
  }

  /** Leaf hashes 0 .. count-1, in order. */
  /** Read in pages, so that other statements may run on the index between two leaves. */
  *leafHashes(count = Number.MAX_SAFE_INTEGER): Generator<NodeHash> {
    for (const { leaves, count: n } of this.leafRuns(count)) {
      if (n === 1) yield leaves;
      else for (let at = 0; at < 32 * n; at += 32) yield leaves.subarray(at, at + 32);
    }
  }

  /**
   * The same leaves as runs: a page of them 32 bytes each back to back, or a single leaf where a
   * page has others (one blob per page: a million leaves would otherwise be a million Buffers).
   */
  *leafRuns(count = Number.MAX_SAFE_INTEGER): Generator<LeafRun> {
    const joined = this.db
      .prepare(
        `SELECT COUNT(*), SUM(length(leaf)), CAST(group_concat(leaf, '') AS BLOB)
         FROM (SELECT leaf FROM leaves WHERE idx >= ? AND idx < ? ORDER BY idx)`,
      )
      .raw();
    const page = this.db
      .prepare('SELECT leaf FROM leaves WHERE idx >= ? AND idx < ? ORDER BY idx')
      .raw();
    for (let from = 0; from < count; from += LEAF_PAGE) {
      const to = Math.min(count, from + LEAF_PAGE);
      const [rows, bytes, leaves] = joined.get(from, to) as [number, number | null, Buffer | null];
      if (leaves && rows > 0 && bytes === rows * 32 && leaves.length === bytes) {
        yield { leaves, count: rows };
      } else {
        for (const [leaf] of page.all(from, to) as Array<[Buffer]>)
          yield { leaves: leaf, count: 1 };
      }
      if (rows < LEAF_PAGE) return;
    }
  }

  entriesOfStream(streamId: string, belowIndex: number): LeafEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM leaves WHERE stream_id = ? AND idx < ? ORDER BY revision')
      .all(streamId, belowIndex) as LeafRow[];
    return rows.map(toEntry);
  }

  entry(index: number): LeafEntry | undefined {
    const row = this.db.prepare('SELECT * FROM leaves WHERE idx = ?').get(index);
    return row ? toEntry(row as LeafRow) : undefined;
  }

  close(): void {
    this.db.close();
  }
}

interface LeafRow {
  idx: number;
  position: string;
  stream_id: string;
  revision: number;
  leaf: Buffer;
}

const toEntry = (row: LeafRow): LeafEntry => ({
  index: row.idx,
  position: row.position,
  streamId: row.stream_id,
  revision: row.revision,
  leafHash: row.leaf,
});
