import { generateKeyPairSync, hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { isStoredLink, SqliteEventStore, StoredLink } from '@gongjian/event-store';
import { AuditAnchorService } from '../anchors/audit-anchor.service';
import { LeafIndex } from '../anchors/leaf-index';
import { eventBytes, eventLeafHash } from '../event-bytes/event-leaf';
import { verifierOf } from '../note/signed-note';
import { ANCHOR_ACTOR, appendCountyEvents, portOnly } from './audit-log.spec-fixtures';
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
  it('the hashing thread and the inline hasher give each link its chain hash and leaf hash', async () => {
    const store = new SqliteEventStore(path);
    const events = await store.readAll();
    const links = (await store.readStoredLinks()).filter(isStoredLink);
    await store.close();
    expect(links).toHaveLength(events.length);
    const inline = new PackedLinks();
    const threaded = new PackedLinks();
    inline.pack(links);
    threaded.pack(links);
    await new InlineLinkHasher().hash(inline);
    const thread = new ThreadLinkHasher();
    await thread.hash(threaded);
    await thread.close();
    links.forEach((link: StoredLink, i) => {
      expect(inline.linkHash(i)).toBe(hash('sha256', link.bytes, 'hex'));
      expect(inline.leafHash(i)).toEqual(eventLeafHash(eventBytes(events[i])));
      expect(threaded.linkHash(i)).toBe(inline.linkHash(i));
      expect(threaded.leafHash(i)).toEqual(inline.leafHash(i));
    });
  });
});

describe('verifying a log many batches long from its stored bytes', () => {
  // An odd batch size leaves a leaf as a tree peak from one batch into the next.
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
