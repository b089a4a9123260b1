import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { testEvent } from '../../../../../test/support';
import { SqliteCheckpointer } from './sqlite-checkpointer';
import { openSqliteConnection } from './sqlite-connection';
import { SqliteEventStore } from './sqlite.event-store';

/** Rows of `events` in the database file alone, as a copy of it without its write-ahead log. */
function rowsInDatabaseFile(path: string, dir: string): number {
  const copy = join(dir, 'file-only.sqlite');
  rmSync(`${copy}-wal`, { force: true });
  copyFileSync(path, copy);
  const db = new BetterSqlite3(copy, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number) ?? 0;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

async function eventually<T>(probe: () => T, done: (value: T) => boolean): Promise<T> {
  let value = probe();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = probe();
  }
  return value;
}

const autocheckpoint = (db: BetterSqlite3.Database) =>
  db.pragma('wal_autocheckpoint', { simple: true }) as number;

describe('SQLite checkpoints in a thread of its own', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gongjian-checkpoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a store that keeps writing has its log copied into the database file while it writes', async () => {
    const path = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(path);
    try {
      // Sequential appends: one group commit each, a few pages of log each, far below the 1,000
      // pages at which SQLite would checkpoint on the writing connection.
      for (let revision = 0; revision < 150; revision++) {
        await store.append(
          's',
          [testEvent({ revision })],
          revision === 0 ? 'no_stream' : revision - 1,
        );
      }
      const rows = await eventually(
        () => rowsInDatabaseFile(path, dir),
        (n) => n === 150,
      );
      expect(rows).toBe(150);
      expect((await store.readStream('s')).map((e) => e.data.revision)).toEqual(
        Array.from({ length: 150 }, (_, i) => i),
      );
    } finally {
      await store.close();
    }
  });

  it('under steady writes the log is started over long before the backstop', async () => {
    const path = join(dir, 'events.sqlite');
    const store = new SqliteEventStore(path);
    const pageSize = 4096;
    const appends = 16_000;
    try {
      // About a page of log per event, 16,000 pages in all (past the 10,000 at which the thread
      // starts the log over): without starting over, the log would hold them all.
      for (let i = 0; i < appends; i += 20) {
        await Promise.all(
          Array.from({ length: 20 }, (_, k) =>
            store.append(`s-${i + k}`, [testEvent({ text: 'x'.repeat(3000) })], 'no_stream'),
          ),
        );
      }
      // Started over at 10,000 pages, the log stays near that size; kept whole, it would be more
      // than the 16,000 appends' pages (about 34,000 measured).
      expect(statSync(`${path}-wal`).size).toBeLessThan(15_000 * pageSize);
    } finally {
      await store.close();
    }
  });

  it('the writing connection checkpoints only past a backstop while the thread runs', async () => {
    const path = join(dir, 'events.sqlite');
    const writer = openSqliteConnection(path, {});
    const checkpointer = new SqliteCheckpointer(writer, path);
    try {
      expect(
        await eventually(
          () => autocheckpoint(writer),
          (n) => n === 40_000,
        ),
      ).toBe(40_000);
      await checkpointer.close();
      expect(autocheckpoint(writer)).toBe(1000);
    } finally {
      await checkpointer.close();
      writer.close();
    }
  });

  it('a thread that cannot open the log leaves checkpointing to SQLite', async () => {
    const writer = openSqliteConnection(join(dir, 'events.sqlite'), {});
    writer.pragma('wal_autocheckpoint = 4000');
    const checkpointer = new SqliteCheckpointer(writer, join(dir, 'missing', 'events.sqlite'));
    try {
      expect(
        await eventually(
          () => autocheckpoint(writer),
          (n) => n === 1000,
        ),
      ).toBe(1000);
    } finally {
      await checkpointer.close();
      writer.close();
    }
  });
});
