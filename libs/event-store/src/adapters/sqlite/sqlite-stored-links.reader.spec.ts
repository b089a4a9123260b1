import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { UnreadableEventError } from '../../event-store.errors';
import { hashedBytesOf } from '../../hashed-bytes';
import { RecordedEvent } from '../../event-store.port';
import { isStoredLink, StoredLink, StoredLinkEntry, storedLinkBytes } from '../../stored-link';
import { SqliteEventStore } from './sqlite.event-store';

const event = (n: number) =>
  testEvent({ n, text: '村党支部 "引号" \\ 反斜杠', nested: { list: [n, 'x'] } });

describe('SqliteEventStore.readStoredLinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-links-'));
  let path: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    path = join(dir, `${randomUUID()}.sqlite`);
    store = new SqliteEventStore(path);
    for (let i = 0; i < 12; i++) await store.append(`s-${i % 3}`, [event(i)], 'any');
  });
  afterEach(() => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Edits the file behind the store's back, as the tamper specs do. */
  const edit = (sql: string, ...args: unknown[]) => {
    const db = new BetterSqlite3(path);
    db.prepare(sql).run(...args);
    db.close();
  };
  const links = (entries: StoredLinkEntry[]) => entries.filter(isStoredLink);

  it('gives every row as its stored bytes and columns, in log order, paged as readAll', async () => {
    const events = await store.readAll();
    const batch = await store.readStoredLinks();
    const { entries } = batch;
    expect(links(entries)).toHaveLength(events.length);
    entries.forEach((entry, i) => {
      const { position, streamId, revision, metadata } = events[i];
      expect(entry).toMatchObject({
        position,
        streamId,
        revision,
        prevHash: metadata.prevHash,
        hash: metadata.hash,
      });
      expect(storedLinkBytes(batch, entry as StoredLink)).toEqual(hashedBytesOf(events[i]));
    });
    expect(batch.bytes.length).toBe((entries[11] as StoredLink).end);
    const page = await store.readStoredLinks({ fromPosition: events[4].position, limit: 3 });
    expect(page.entries.map((e) => e.position)).toEqual(events.slice(5, 8).map((e) => e.position));
    expect(storedLinkBytes(page, page.entries[0] as StoredLink)).toEqual(hashedBytesOf(events[5]));
  });

  it.each([
    ['type', 'Other'],
    ['event_id', randomUUID()],
    ['recorded_at', '2020-01-01T00:00:00.000Z'],
    ['prev_hash', 'f'.repeat(64)],
    ['stream_id', 's-9'],
    ['revision', 41],
  ])(
    'a row whose %s column no longer agrees with its bytes comes as readAll gives it',
    async (column, value) => {
      const target = (await store.readAll())[7];
      edit(`UPDATE events SET ${column} = ? WHERE position = ?`, value, Number(target.position));
      const [asPort] = await store.readAll({
        fromPosition: (await store.readAll())[6].position,
        limit: 1,
      });
      const { entries } = await store.readStoredLinks();
      expect(isStoredLink(entries[7])).toBe(false);
      expect(entries[7]).toEqual(asPort);
      expect(hashedBytesOf(entries[7] as RecordedEvent)).toBeUndefined();
      expect(links(entries)).toHaveLength(11);
    },
  );

  it('a row whose column agrees only with a value nested in its bytes comes as readAll gives it', async () => {
    const target = (await store.readAll())[7];
    const bytes = (hashedBytesOf(target) as Buffer).toString('utf8');
    const decoy = bytes.replace('"data":{', '"data":{"type":"Other",');
    edit(
      "UPDATE events SET type = 'Other', link = ? WHERE position = ?",
      Buffer.from(decoy, 'utf8'),
      Number(target.position),
    );
    const [asPort] = await store.readAll({
      fromPosition: (await store.readAll())[6].position,
      limit: 1,
    });
    expect(asPort.type).toBe('Other');
    const { entries } = await store.readStoredLinks();
    expect(isStoredLink(entries[7])).toBe(false);
    expect(entries[7]).toEqual(asPort);
    expect(hashedBytesOf(entries[7] as RecordedEvent)).toBeUndefined();
  });

  it('a row without stored bytes (written before they were kept) comes as readAll gives it', async () => {
    const target = (await store.readAll())[2];
    const { eventId: _e, ...rest } = { eventId: 1, data: target.data, metadata: target.metadata };
    const { hash: _h, prevHash: _p, recordedAt: _r, ...metadata } = rest.metadata;
    edit(
      'UPDATE events SET link = NULL, data = ?, metadata = ? WHERE position = ?',
      JSON.stringify(rest.data),
      JSON.stringify(metadata),
      Number(target.position),
    );
    const batch = await store.readStoredLinks();
    const { entries } = batch;
    expect(isStoredLink(entries[2])).toBe(false);
    expect(entries[2]).toEqual(target);
    // The rows after it still find their bytes.
    const events = await store.readAll();
    expect(storedLinkBytes(batch, entries[3] as StoredLink)).toEqual(hashedBytesOf(events[3]));
    expect(storedLinkBytes(batch, entries[11] as StoredLink)).toEqual(hashedBytesOf(events[11]));
  });

  it('bytes that still hash but are not JSON are unreadable, as through readAll', async () => {
    const target = (await store.readAll())[5];
    edit('UPDATE events SET link = ? WHERE position = ?', '{"data":', Number(target.position));
    await expect(store.readAll()).rejects.toBeInstanceOf(UnreadableEventError);
    await expect(store.readStoredLinks()).rejects.toMatchObject({
      streamId: target.streamId,
      revision: target.revision,
    });
  });

  it('bytes edited inside a string are handed out as they are now (the hash then differs)', async () => {
    const target = (await store.readAll())[3];
    const bytes = hashedBytesOf(target) as Buffer;
    const edited = Buffer.from(bytes.toString('utf8').replace('tester', 'tested'), 'utf8');
    edit('UPDATE events SET link = ? WHERE position = ?', edited, Number(target.position));
    const batch = await store.readStoredLinks();
    const entry = batch.entries[3] as StoredLink;
    expect(isStoredLink(entry)).toBe(true);
    expect(storedLinkBytes(batch, entry).equals(edited)).toBe(true);
    expect(entry.hash).toBe(target.metadata.hash);
  });
});
