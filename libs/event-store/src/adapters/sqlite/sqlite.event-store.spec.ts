import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../../../../test/contract/event-store.contract';
import BetterSqlite3 from 'better-sqlite3';
import {
  DuplicateEventIdError,
  UnreadableEventError,
  WrongExpectedRevisionError,
} from '../../event-store.errors';
import { hashLinkBytes, linkBytes, verifyChain } from '../../hash-chain';
import { hashedBytesOf } from '../../hashed-bytes';
import { SqliteEventStore } from './sqlite.event-store';

describeEventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-es-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 50 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore: event ids are unique in the whole log', () => {
  it('an event id stored in one stream is refused in another, by append and appendMany', async () => {
    const store = new SqliteEventStore(':memory:');
    try {
      const stored = testEvent({});
      await store.append('a', [stored], 'no_stream');
      await expect(store.append('b', [stored], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(
        store.appendMany([
          { streamId: 'c', events: [{ ...stored, eventId: randomUUID() }], expected: 'any' },
          { streamId: 'b', events: [stored], expected: 'any' },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('b')).toEqual([]);
      expect(await store.readStream('c')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('SqliteEventStore: the exact hashed bytes are kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-es-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const event = (n: number) => testEvent({ zeta: n, alpha: '党建', nested: { b: 1, a: [2, 'x'] } });

  it('reads events from the bytes their hash is over, and hands those bytes on', async () => {
    const store = new SqliteEventStore(join(dir, 'kept.sqlite'));
    await store.append('s', [event(1), event(2)], 'no_stream');
    const stored = await store.readStream('s');
    for (const e of stored) {
      const { hash, ...metadata } = e.metadata;
      const bytes = linkBytes({
        streamId: e.streamId,
        revision: e.revision,
        eventId: e.eventId,
        type: e.type,
        data: e.data,
        metadata,
      });
      expect(hashedBytesOf(e)?.toString('utf8')).toBe(bytes);
      expect(hashLinkBytes(bytes)).toBe(hash);
    }
    expect(verifyChain(stored)).toBeUndefined();
    await store.close();
  });

  it('keeps no bytes for a row whose columns disagree with them, so the chain shows the edit', async () => {
    const path = join(dir, 'edited.sqlite');
    const store = new SqliteEventStore(path);
    await store.append('s', [event(1)], 'no_stream');
    await store.close();
    const db = new BetterSqlite3(path);
    db.prepare("UPDATE events SET type = 'Forged'").run();
    db.close();
    const reopened = new SqliteEventStore(path);
    const [forged] = await reopened.readStream('s');
    expect(forged.type).toBe('Forged');
    expect(hashedBytesOf(forged)).toBeUndefined();
    expect(verifyChain([forged])).toMatchObject({ reason: 'hash_mismatch' });
    await reopened.close();
  });

  it('reads rows written before the bytes were kept, and names a row whose bytes cannot be read', async () => {
    const path = join(dir, 'legacy.sqlite');
    const store = new SqliteEventStore(path);
    await store.append('s', [event(1), event(2)], 'no_stream');
    const [first] = await store.readStream('s');
    await store.close();
    const db = new BetterSqlite3(path);
    const { hash: _hash, prevHash: _prevHash, recordedAt: _recordedAt, ...rest } = first.metadata;
    db.prepare('UPDATE events SET link = NULL, data = ?, metadata = ? WHERE revision = 0').run(
      JSON.stringify(first.data),
      JSON.stringify(rest),
    );
    db.prepare("UPDATE events SET link = '{broken' WHERE revision = 1").run();
    db.close();
    const reopened = new SqliteEventStore(path);
    const [legacy] = await reopened.readStream('s', { limit: 1 });
    expect(legacy).toEqual(first);
    expect(hashedBytesOf(legacy)).toBeUndefined();
    expect(verifyChain([legacy])).toBeUndefined();
    await expect(reopened.readStream('s')).rejects.toThrow(UnreadableEventError);
    await reopened.close();
  });
});

describe('SqliteEventStore: appends sealed before their transaction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-es-preseal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const event = () => testEvent({ n: randomUUID() });

  it('chain onto the head another process wrote since, not the head this process remembers', async () => {
    const path = join(dir, 'two-writers.sqlite');
    const here = new SqliteEventStore(path);
    const there = new SqliteEventStore(path);
    try {
      await here.append('s', [event()], 'no_stream');
      await there.append('s', [event(), event()], 0);
      await here.append('s', [event()], 'any');
      await expect(here.append('s', [event()], 1)).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(here.append('fresh', [event()], 'no_stream')).resolves.toMatchObject({
        revision: 0,
      });
      await there.append('other', [event()], 'no_stream');
      await expect(here.append('other', [event()], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      const stored = await here.readStream('s');
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(verifyChain(stored)).toBeUndefined();
    } finally {
      await here.close();
      await there.close();
    }
  });

  it('one group holding two appends on one stream writes the second onto the first', async () => {
    const store = new SqliteEventStore(join(dir, 'same-group.sqlite'));
    try {
      await store.append('s', [event()], 'no_stream');
      const [a, b] = await Promise.all([
        store.append('s', [event()], 'any'),
        store.append('s', [event()], 'any'),
      ]);
      expect([a.revision, b.revision]).toEqual([1, 2]);
      expect(verifyChain(await store.readStream('s'))).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

describe('SqliteEventStore: a group commit with refused appends in it', () => {
  const event = () => testEvent({});
  it('keeps the others, and nothing of an appendMany refused after its first stream', async () => {
    const store = new SqliteEventStore(':memory:');
    try {
      await store.append('taken', [event()], 'no_stream');
      // Called together, before any of them runs: one group. The appendMany writes 'm-1', then is refused on 'taken'.
      const [before, refusedEarly, refusedLate, after] = await Promise.allSettled([
        store.append('a', [event()], 'no_stream'),
        store.append('taken', [event()], 'no_stream'),
        store.appendMany([
          { streamId: 'm-1', events: [event()], expected: 'no_stream' },
          { streamId: 'taken', events: [event()], expected: 5 },
        ]),
        store.append('b', [event()], 'no_stream'),
      ]);
      expect(before.status).toBe('fulfilled');
      expect(after.status).toBe('fulfilled');
      for (const refused of [refusedEarly, refusedLate]) {
        expect(refused).toMatchObject({ status: 'rejected' });
        expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(
          WrongExpectedRevisionError,
        );
      }
      expect(await store.readStream('m-1')).toEqual([]);
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['taken', 'a', 'b']);
      // The heads it remembers are those on disk: the next appends chain onto them.
      await store.append('m-1', [event()], 'no_stream');
      await store.append('a', [event()], 0);
      expect(verifyChain(await store.readStream('a'))).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});

describe('SqliteEventStore: subscriptions share the page they all read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-es-page-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const event = () => testEvent({});

  it('every subscription at the head sees what another connection commits next', async () => {
    const path = join(dir, 'shared-page.sqlite');
    const here = new SqliteEventStore(path, { pollIntervalMs: 20 });
    const there = new SqliteEventStore(path);
    const subscriptions = [here.subscribeAll(), here.subscribeAll()];
    try {
      await here.append('s', [event()], 'no_stream');
      const iterators = subscriptions.map((s) => s[Symbol.asyncIterator]());
      for (const it of iterators) expect((await it.next()).value.revision).toBe(0);
      const waiting = iterators.map((it) => it.next());
      // Both have read the empty page after the head by now, and wait.
      await new Promise((r) => setTimeout(r, 60));
      const written = await there.append('s', [event()], 0);
      const seen = await Promise.all(waiting);
      expect(seen.map((r) => r.value.position)).toEqual([written.position, written.position]);
    } finally {
      await Promise.all(subscriptions.map((s) => s.close()));
      await here.close();
      await there.close();
    }
  });
});
