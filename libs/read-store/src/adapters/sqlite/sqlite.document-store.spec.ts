import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDocumentStoreContract } from '../../../../../test/contract/document-store.contract';
import { SqliteDocumentStore } from './sqlite.document-store';

let counter = 0;
describeDocumentStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-read-store-'));
  const store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  return {
    store,
    freshName: (prefix) => `${prefix}_${++counter}`,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteDocumentStore query plans', () => {
  let dir: string;
  let store: SqliteDocumentStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-read-store-'));
    store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    const villages = store.collection('villages');
    await villages.ensureIndexes([
      {
        fields: [
          ['township', 1],
          ['members', -1],
        ],
      },
      { fields: [['categories', 1]] },
    ]);
    await villages.insertMany(
      Array.from({ length: 200 }, (_, i) => ({
        _id: `v${i}`,
        _pos: String(i).padStart(20, '0'),
        township: `T0${i % 9}`,
        members: i % 31,
        categories: i % 2 ? ['poor'] : ['weak_lax', 'industry_demo'],
      })),
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (filter: Record<string, unknown>, sort?: [string, 1 | -1][]) => {
    const villages = store.collection('villages');
    const { sql, params } = villages.selectSql('doc', filter, { sort, limit: 10 });
    const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
  };

  it.each([
    [{ township: 'T03' }, [['members', -1]]],
    [{ township: { $in: ['T01', 'T02'] }, members: { $gt: 3 } }, undefined],
    [{ categories: 'poor' }, undefined],
    [{ categories: { $in: ['poor', 'weak_lax'] } }, undefined],
    [{ _id: { $in: ['v1', 'v2'] } }, undefined],
  ] as [Record<string, unknown>, [string, 1 | -1][] | undefined][])(
    'filter %j uses an index, never a scan of the collection',
    (filter, sort) => {
      const detail = plan(filter, sort);
      expect(detail).not.toMatch(/SCAN villages(?! USING)/);
      expect(detail).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY|SEARCH villages/);
    },
  );

  it('sorting by an indexed field needs no temporary sort', () => {
    expect(plan({ township: 'T03' }, [['members', -1]])).not.toContain('TEMP B-TREE');
  });
});
