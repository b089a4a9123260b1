import { generateKeyPairSync, hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { hashLinkBytes, isStoredLink, portOnly, SqliteEventStore } from '@gongjian/event-store';
import { AuditAnchorService } from '../anchors/audit-anchor.service';
import { LeafIndex } from '../anchors/leaf-index';
import { eventBytes, eventLeafHash } from '../event-bytes/event-leaf';
import { verifierOf } from '../note/signed-note';
import { CompactRange } from '../merkle/compact-range';
import { EMPTY_ROOT } from '../merkle/merkle-hash';
import { ANCHOR_ACTOR, appendCountyEvents } from './audit-log.spec-fixtures';
import { AnchoredLeafCursor } from './anchored-leaf.cursor';
import { InlineLinkHasher, PackedLinks, ThreadLinkHasher } from './link-hasher';
import { verifyStore } from './store-verifier';

const signer = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };
const verifier = verifierOf(signer);
const dir = mkdtempSync(join(tmpdir(), 'gongjian-links-scan-'));
const path = join(dir, 'events.sqlite');
let leaves: LeafIndex;

beforeAll(async () => {
  const store = new SqliteEventStore(path);
  leaves = new LeafIndex(join(dir, 'leaves.sqlite'));
  await appendCountyEvents(store, { streams: 9, eventsPerStream: (i) => 10 + i * 3 });
  await new AuditAnchorService(store, leaves, signer).anchor(ANCHOR_ACTOR);
  await appendCountyEvents(store, { streams: 3, eventsPerStream: () => 4, prefix: 'late-' });
  await store.close();
});
afterAll(() => {
  leaves.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hashing stored links', () => {
  it('the hashing thread and the inline hasher agree: link hashes, the tree, the first different leaf', async () => {
    const copy = join(dir, 'hashing.sqlite');
    const source = new BetterSqlite3(path);
    await source.backup(copy);
    source.close();
    const db = new BetterSqlite3(copy);
    db.prepare("UPDATE events SET type = 'Forged' WHERE position = 5").run(); // read as an event
    db.prepare("UPDATE events SET hash = 'not a hash' WHERE position = 9").run();
    db.close();
    const store = new SqliteEventStore(copy);
    const events = await store.readAll();
    const batch = await store.readStoredLinks();
    await store.close();
    expect(isStoredLink(batch.entries[4])).toBe(false);

    const anchoredSize = 150;
    const leaves = events.map((e) => eventLeafHash(eventBytes(e)));
    const anchored = leaves.slice(0, anchoredSize).map((leaf, i) => (i === 77 ? EMPTY_ROOT : leaf));
    const expected = new CompactRange();
    leaves.slice(0, anchoredSize).forEach((leaf) => expected.append(leaf));

    const hashers = [new InlineLinkHasher(), new ThreadLinkHasher()];
    for (const hasher of hashers) {
      const packed = new PackedLinks(4096); // grown while packing
      // Two batches, the second starting mid-way, as a scan hands them over.
      const first = { entries: batch.entries.slice(0, 100), bytes: batch.bytes };
      const second = { entries: batch.entries.slice(100), bytes: batch.bytes };
      const anchoredLeaves = AnchoredLeafCursor.of(anchored);
      packed.pack(first, 0, anchoredSize, anchoredLeaves);
      await hasher.hash(packed);
      events.slice(0, 100).forEach((event, i) => {
        const claimed = event.metadata.hash;
        expect(packed.linkHash(i, claimed)).toBe(hash('sha256', eventBytes(event).link, 'hex'));
      });
      packed.pack(second, 100, anchoredSize, anchoredLeaves);
      await hasher.hash(packed);
      events.slice(100).forEach((event, i) => {
        const claimed = event.metadata.hash;
        expect(packed.linkHash(i, claimed)).toBe(hash('sha256', eventBytes(event).link, 'hex'));
      });
      const tree = await hasher.tree();
      await hasher.close();
      expect(tree).toEqual({ size: anchoredSize, root: expected.root(), firstDifferentLeaf: 77 });
    }
  });
});

describe('verifying a log many batches long from its stored bytes', () => {
  // An odd batch size: batches do not line up with the perfect subtrees of the tree.
  const verifyCopy = async (tamper: (db: BetterSqlite3.Database) => void) => {
    const copy = join(dir, `copy-${Math.random()}.sqlite`);
    const source = new BetterSqlite3(path);
    await source.backup(copy);
    source.close();
    const db = new BetterSqlite3(copy);
    tamper(db);
    db.close();
    const store = new SqliteEventStore(copy);
    const spy = jest.spyOn(ThreadLinkHasher.prototype, 'hash');
    try {
      const threaded = await verifyStore(store, verifier, leaves, {
        batchSize: 15,
        hashingThread: true,
      });
      expect(spy).toHaveBeenCalled();
      const inline = await verifyStore(store, verifier, leaves, {
        batchSize: 15,
        hashingThread: false,
      });
      const viaPort = await verifyStore(portOnly(store), verifier, leaves, { batchSize: 15 });
      expect(inline).toEqual(threaded);
      expect(viaPort).toEqual(threaded);
      return threaded;
    } finally {
      spy.mockRestore();
      await store.close();
    }
  };
  const rowAt = (db: BetterSqlite3.Database, position: number) =>
    db.prepare('SELECT * FROM events WHERE position = ?').get(position) as {
      stream_id: string;
      revision: number;
      link: string;
    };

  it('passes the untouched log, anchored and unanchored events counted', async () => {
    const result = await verifyCopy(() => undefined);
    expect(result).toMatchObject({ ok: true, unanchoredEvents: 1 + 12 });
    expect(result.checkedEvents).toBe(result.anchor!.treeSize + 1 + 12);
  });

  it('names a link edited in a late batch', async () => {
    let expected: object = {};
    const result = await verifyCopy((db) => {
      const row = rowAt(db, 150);
      expected = { streamId: row.stream_id, revision: row.revision, reason: 'hash_mismatch' };
      const edited = row.link.replace('"participants":', '"participants":9');
      db.prepare('UPDATE events SET link = ? WHERE position = 150').run(edited);
    });
    expect(result.firstBrokenLink).toMatchObject(expected);
  });

  it('names an edited column, read through the port, before a later edited link', async () => {
    let expected: object = {};
    const result = await verifyCopy((db) => {
      const row = rowAt(db, 70);
      expected = { streamId: row.stream_id, revision: row.revision, reason: 'hash_mismatch' };
      db.prepare("UPDATE events SET type = 'Forged' WHERE position = 70").run();
      const later = rowAt(db, 120).link.replace('"participants":', '"participants":9');
      db.prepare('UPDATE events SET link = ? WHERE position = 120').run(later);
    });
    expect(result.firstBrokenLink).toMatchObject(expected);
  });

  it('names a column edited to a value its bytes hold only nested, their hash made to match', async () => {
    let expected: object = {};
    const result = await verifyCopy((db) => {
      // The last event of a stream after the checkpoint: only the columns' check can tell.
      const { position } = db
        .prepare(
          "SELECT max(position) AS position FROM events WHERE stream_id LIKE '%-late-%' GROUP BY stream_id",
        )
        .get() as { position: number };
      const row = rowAt(db, position);
      expected = { streamId: row.stream_id, revision: row.revision, reason: 'hash_mismatch' };
      const link = row.link.toString().replace('"data":{', '"data":{"type":"Forged",');
      db.prepare("UPDATE events SET type = 'Forged', link = ?, hash = ? WHERE position = ?").run(
        Buffer.from(link),
        hashLinkBytes(link),
        position,
      );
    });
    expect(result.firstBrokenLink).toMatchObject(expected);
  });

  it('stops where an event is unreadable, as reading through the port does', async () => {
    let expected: object = {};
    const result = await verifyCopy((db) => {
      const row = rowAt(db, 100);
      expected = { streamId: row.stream_id, revision: row.revision, reason: 'hash_mismatch' };
      db.prepare('UPDATE events SET link = ? WHERE position = 100').run('{"data":');
    });
    expect(result.firstBrokenLink).toMatchObject(expected);
    expect(result.firstBrokenLink?.detail).toMatch(/unreadable/);
    expect(result.checkedEvents).toBe(90); // the batches before the one that cannot be read
  });

  it('names an anchored event moved across batches', async () => {
    let expected: object = {};
    const result = await verifyCopy((db) => {
      const row = rowAt(db, 40);
      expected = { streamId: row.stream_id, revision: row.revision, reason: 'event_moved' };
      const move = db.prepare('UPDATE events SET position = ? WHERE position = ?');
      move.run(-1, 40);
      move.run(40, 140);
      move.run(140, -1);
    });
    expect(result.firstBrokenLink).toMatchObject(expected);
  });
});
