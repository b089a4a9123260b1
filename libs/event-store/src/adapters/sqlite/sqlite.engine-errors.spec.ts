import { randomUUID } from 'node:crypto';
import { testEvent } from '../../../../../test/support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../../event-store.errors';
import { AppendResult, StreamAppend } from '../../event-store.port';
import { SqliteEventStore } from './sqlite.event-store';

/**
 * Engine errors in the middle of a group commit (SQLite rolls the whole transaction back on
 * SQLITE_FULL): what each caller is told must be exactly what is on disk.
 */

// About one page of data per event, so that a few appends fill the quota.
const bulky = () => testEvent({ text: 'x'.repeat(3000) }, 'Bulky');

describe('SQLite group commit under SQLITE_FULL', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-full-'));
    path = join(dir, 'events.sqlite');
    const seeding = new SqliteEventStore(path);
    await seeding.append('seed', [bulky()], 'no_stream');
    await seeding.close();
    const probe = new BetterSqlite3(path);
    const pages = probe.pragma('page_count', { simple: true }) as number;
    probe.close();
    // Room for a few more events, not for all of the group below.
    store = new SqliteEventStore(path, { maxPageCount: pages + 6 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every caller of the group is told what is on disk', async () => {
    const calls: StreamAppend[][] = [
      ...Array.from({ length: 8 }, () => [
        { streamId: `one-${randomUUID()}`, events: [bulky()], expected: 'no_stream' as const },
      ]),
      [
        { streamId: `many-${randomUUID()}`, events: [bulky()], expected: 'no_stream' },
        { streamId: `many-${randomUUID()}`, events: [bulky()], expected: 'no_stream' },
      ],
      [{ streamId: `one-${randomUUID()}`, events: [bulky()], expected: 'no_stream' }],
      // Refused on its own merits, whatever happens to the group.
      [{ streamId: 'seed', events: [bulky()], expected: 5 }],
    ];
    // Made in one tick: one group commit.
    const outcomes = await Promise.allSettled(
      calls.map((appends) =>
        appends.length === 1
          ? store
              .append(appends[0].streamId, appends[0].events, appends[0].expected)
              .then((r) => [r])
          : store.appendMany(appends),
      ),
    );

    for (const [i, outcome] of outcomes.entries()) {
      const appends = calls[i];
      const stored = await Promise.all(appends.map((a) => store.readStream(a.streamId)));
      if (appends[0].streamId === 'seed') {
        expect(outcome).toMatchObject({ status: 'rejected', reason: { actual: 0 } });
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(stored[0]).toHaveLength(1);
      } else if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(StoreUnavailableError);
        expect(stored.map((events) => events.length)).toEqual(appends.map(() => 0));
      } else {
        const results = outcome.value as AppendResult[];
        stored.forEach((events, k) => {
          expect(events.map((e) => e.eventId)).toEqual(appends[k].events.map((e) => e.eventId));
          expect(results[k]).toMatchObject({ revision: 0, position: events[0].position });
        });
      }
    }
    // The quota was reached in the middle of the group, and the group went on.
    const told = outcomes.map((o) => o.status);
    expect(told).toContain('fulfilled');
    expect(told).toContain('rejected');
  });

  it('a full store refuses further appends and keeps what it had', async () => {
    const refused: unknown[] = [];
    for (let i = 0; i < 20 && refused.length === 0; i++) {
      await store
        .append(`fill-${i}`, [bulky()], 'no_stream')
        .catch((e: unknown) => refused.push(e));
    }
    expect(refused[0]).toBeInstanceOf(StoreUnavailableError);
    expect(await store.readStream('seed')).toHaveLength(1);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
