import { Query } from 'mingo';
import {
  DocumentCollection,
  DocumentStore,
  Filter,
  ReadDocument,
  SortSpec,
  UnsupportedFilterError,
} from '@gongjian/read-store';

export interface OpenedDocumentStore {
  store: DocumentStore;
  /** A collection name no other test (or engineer on a shared server) uses. */
  freshName(prefix: string): string;
  cleanup: () => Promise<void>;
}

const pos = (n: number) => String(n).padStart(20, '0');

/** Villages as a read model keeps them: scalars, arrays of scalars, nested objects, gaps. */
function villages(): ReadDocument[] {
  const townships = ['T01', 'T02', 'T03'];
  const categories = ['weak_lax', 'poor', 'industry_demo', 'disorderly'];
  return Array.from({ length: 40 }, (_, i) => {
    const doc: ReadDocument = {
      _id: `village-${String(i).padStart(3, '0')}`,
      _pos: pos(100 + i),
      name: `第${i + 1}村党支部`,
      township: townships[i % 3],
      members: (i * 7) % 23,
      incomeFen: i % 5 === 0 ? 0 : i * 125_000,
      paired: i % 4 === 0,
      categories: categories.filter((_, k) => (i + k) % 3 === 0),
      leader: { name: `书记${i}`, title: i % 2 ? '支部书记' : '第一书记' },
    };
    if (i % 6 === 0) doc.firstSecretary = null;
    else if (i % 6 === 1) doc.firstSecretary = `派驻${i}`;
    return doc;
  });
}

const FILTERS: Filter[] = [
  {},
  { township: 'T02' },
  { township: { $eq: 'T01' } },
  { township: { $ne: 'T01' } },
  { members: 7 },
  { members: { $gt: 10 } },
  { members: { $gte: 10, $lt: 20 } },
  { members: { $lte: 3 } },
  { incomeFen: { $in: [0, 125_000, 1_250_000] } },
  { township: { $in: ['T01', 'T03'] }, paired: true },
  { township: { $nin: ['T01', 'T03'] } },
  { paired: false },
  { categories: 'poor' },
  { categories: { $in: ['weak_lax', 'disorderly'] } },
  { categories: { $ne: 'poor' } },
  { categories: { $nin: ['poor', 'weak_lax'] } },
  { 'leader.title': '第一书记' },
  { 'leader.name': { $gt: '书记3' } },
  { firstSecretary: null },
  { firstSecretary: { $ne: null } },
  { firstSecretary: { $exists: true } },
  { firstSecretary: { $exists: false } },
  { missingField: { $exists: false } },
  { _id: 'village-007' },
  { _id: { $in: ['village-001', 'village-039', 'nobody'] } },
  { _id: { $gt: 'village-030' } },
  { _pos: { $gte: pos(130) } },
  { $or: [{ township: 'T01', paired: true }, { members: { $gt: 20 } }] },
  { $and: [{ members: { $gt: 2 } }, { members: { $lt: 9 } }], township: 'T03' },
  { name: '没有这个村' },
];

const SORTS: { sort: SortSpec; limit?: number }[] = [
  { sort: [['_id', 1]] },
  {
    sort: [
      ['members', -1],
      ['_id', 1],
    ],
    limit: 5,
  },
  {
    sort: [
      ['township', 1],
      ['incomeFen', -1],
      ['_id', -1],
    ],
  },
  {
    sort: [
      ['leader.name', 1],
      ['_id', 1],
    ],
    limit: 3,
  },
];

function mingoFind(all: ReadDocument[], filter: Filter, sort: SortSpec, limit?: number) {
  const found = new Query(filter).find<ReadDocument>(all).all();
  const sorted = [...found].sort((a, b) => {
    for (const [field, direction] of sort) {
      const av = field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], a);
      const bv = field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], b);
      if (av === bv) continue;
      return ((av as number) < (bv as number) ? -1 : 1) * direction;
    }
    return 0;
  });
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

/** The behaviour every DocumentStore adapter must show. One suite, run once per adapter. */
export function describeDocumentStoreContract(
  adapterName: string,
  open: () => Promise<OpenedDocumentStore>,
) {
  describe(`DocumentStore contract: ${adapterName}`, () => {
    let opened: OpenedDocumentStore;
    let store: DocumentStore;
    const created: DocumentCollection[] = [];
    const fresh = (prefix = 'contract') => {
      const collection = store.collection(opened.freshName(prefix));
      created.push(collection);
      return collection;
    };

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => {
      for (const collection of created) await collection.drop().catch(() => undefined);
      await opened?.cleanup();
    });

    it('answers ping and lists the collections it holds', async () => {
      await store.ping();
      const collection = fresh();
      await collection.insertMany([{ _id: 'a', _pos: pos(1) }]);
      expect(await store.listCollections()).toContain(collection.name);
      await collection.drop();
      expect(await store.listCollections()).not.toContain(collection.name);
      expect(await collection.findById('a')).toBeUndefined();
    });

    it('round-trips documents with every kind of value read models keep', async () => {
      const collection = fresh();
      const doc: ReadDocument = {
        _id: 'org-县委组织部',
        _pos: pos(42),
        text: '城乡结对共建 — “党建引领”',
        int: 42,
        negative: -7,
        big: 2 ** 40,
        float: 3.25,
        yes: true,
        no: false,
        nothing: null,
        nested: { level: { deep: ['a', 1, { x: 'y' }] } },
        list: [{ kind: 'activity', count: 2 }],
        empty: {},
        emptyList: [],
      };
      await collection.insertMany([doc, { _id: 'other', _pos: pos(1) }]);
      expect(await collection.findById(doc._id)).toEqual(doc);
      expect(await collection.findById('nobody')).toBeUndefined();
      const both = await collection.findByIds(['other', doc._id, 'nobody', 'other']);
      expect(both.map((d) => d._id).sort()).toEqual(['org-县委组织部', 'other'].sort());
    });

    it('finds exactly what MongoDB semantics select, sorted and limited, with indexes or without', async () => {
      const docs = villages();
      const plain = fresh();
      const indexed = fresh();
      await indexed.ensureIndexes([
        {
          fields: [
            ['township', 1],
            ['members', -1],
          ],
        },
        { fields: [['categories', 1]] },
        { fields: [['leader.title', 1]] },
        { fields: [['incomeFen', 1]] },
      ]);
      await plain.insertMany(docs);
      await indexed.insertMany(docs.slice(0, 20));
      await indexed.writeGuarded(docs.slice(20));
      for (const collection of [plain, indexed]) {
        for (const filter of FILTERS) {
          const expected = mingoFind(docs, filter, [['_id', 1]]).map((d) => d._id);
          const found = await collection.find(filter, { sort: [['_id', 1]] });
          expect({ filter, ids: found.map((d) => d._id) }).toEqual({ filter, ids: expected });
          const versions = await collection.findVersions(filter, { sort: [['_id', 1]] });
          expect({ filter, versions }).toEqual({
            filter,
            versions: found.map(({ _id, _pos }) => ({ _id, _pos })),
          });
          expect({ filter, count: await collection.count(filter) }).toEqual({
            filter,
            count: expected.length,
          });
        }
        for (const { sort, limit } of SORTS) {
          const expected = mingoFind(docs, { members: { $gte: 0 } }, sort, limit);
          expect(await collection.find({ members: { $gte: 0 } }, { sort, limit })).toEqual(
            expected,
          );
          expect(await collection.findVersions({ members: { $gte: 0 } }, { sort, limit })).toEqual(
            expected.map(({ _id, _pos }) => ({ _id, _pos })),
          );
        }
      }
    });

    it('keeps the array index right when documents are replaced and deleted', async () => {
      const collection = fresh();
      await collection.ensureIndexes([{ fields: [['categories', 1]] }]);
      await collection.writeGuarded([
        { _id: 'v1', _pos: pos(1), categories: ['poor', 'weak_lax'] },
        { _id: 'v2', _pos: pos(1), categories: 'poor' },
      ]);
      await collection.writeGuarded([{ _id: 'v1', _pos: pos(2), categories: ['industry_demo'] }]);
      expect((await collection.find({ categories: 'poor' })).map((d) => d._id)).toEqual(['v2']);
      expect((await collection.find({ categories: 'industry_demo' })).map((d) => d._id)).toEqual([
        'v1',
      ]);
      await collection.deleteByIds(['v1']);
      expect(await collection.count({ categories: 'industry_demo' })).toBe(0);
      expect(await collection.count({})).toBe(1);
    });

    it('writeGuarded replaces only older documents; the same batch twice changes nothing', async () => {
      const collection = fresh();
      await collection.insertMany([
        { _id: 'old', _pos: pos(5), n: 1 },
        { _id: 'newer', _pos: pos(50), n: 1 },
        { _id: 'same', _pos: pos(10), n: 1 },
      ]);
      const batch: ReadDocument[] = [
        { _id: 'old', _pos: pos(10), n: 2 },
        { _id: 'newer', _pos: pos(10), n: 2 },
        { _id: 'same', _pos: pos(10), n: 2 },
        { _id: 'fresh', _pos: pos(10), n: 2 },
      ];
      expect(await collection.writeGuarded(batch)).toEqual({ written: 2, skippedAsNewer: 2 });
      const after = await collection.find({}, { sort: [['_id', 1]] });
      expect(after).toEqual([
        { _id: 'fresh', _pos: pos(10), n: 2 },
        { _id: 'newer', _pos: pos(50), n: 1 },
        { _id: 'old', _pos: pos(10), n: 2 },
        { _id: 'same', _pos: pos(10), n: 1 },
      ]);
      expect(await collection.writeGuarded(batch)).toEqual({ written: 0, skippedAsNewer: 4 });
      expect(await collection.find({}, { sort: [['_id', 1]] })).toEqual(after);
    });

    it('writeGuarded handles batches larger than one bulk command', async () => {
      const collection = fresh();
      const docs = Array.from({ length: 150 }, (_, i) => ({ _id: `d${i}`, _pos: pos(2), i }));
      await collection.insertMany(docs.slice(0, 70).map((d) => ({ ...d, _pos: pos(1) })));
      expect(await collection.writeGuarded(docs)).toEqual({ written: 150, skippedAsNewer: 0 });
      expect(await collection.count({ _pos: pos(2) })).toBe(150);
    });

    it('a unique index refuses a second document with the same key', async () => {
      const collection = fresh();
      await collection.ensureIndexes([{ fields: [['code', 1]], unique: true }]);
      await collection.ensureIndexes([{ fields: [['code', 1]], unique: true }]);
      await collection.insertMany([{ _id: 'a', _pos: pos(1), code: 'A-1' }]);
      // Not `rejects.toThrow()`: a native driver's error may come from another realm under Jest.
      const refused = await collection.insertMany([{ _id: 'b', _pos: pos(1), code: 'A-1' }]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(String((refused as Error | undefined)?.message)).toMatch(/UNIQUE|duplicate key/i);
      expect(await collection.count({})).toBe(1);
    });

    it('replaceIf is a compare-and-set: insert when absent, replace only when the stored one matches', async () => {
      const collection = fresh();
      const lease = (owner: string, expiresAt: number): ReadDocument => ({
        _id: 'lease',
        _pos: '',
        owner,
        expiresAt,
      });
      expect(await collection.replaceIf(lease('a', 100), null)).toBe(true);
      expect(await collection.replaceIf(lease('b', 100), null)).toBe(false);
      expect(await collection.replaceIf(lease('b', 200), { owner: 'b' })).toBe(false);
      expect(
        await collection.replaceIf(lease('b', 200), { owner: 'a', expiresAt: { $lt: 150 } }),
      ).toBe(true);
      expect(await collection.replaceIf(lease('c', 300), { owner: 'a' })).toBe(false);
      expect(await collection.findById('lease')).toEqual(lease('b', 200));
    });

    it('writeBatch runs in order and stops at a failed precondition', async () => {
      const docs = fresh();
      const control = fresh();
      await control.insertMany([{ _id: 'checkpoint', _pos: pos(10) }]);
      const ok = await store.writeBatch([
        { kind: 'insertMany', collection: docs.name, documents: [{ _id: 'a', _pos: pos(11) }] },
        { kind: 'writeGuarded', collection: docs.name, documents: [{ _id: 'b', _pos: pos(12) }] },
        {
          kind: 'replaceIf',
          collection: control.name,
          document: { _id: 'checkpoint', _pos: pos(12) },
          expected: { _pos: pos(10) },
        },
      ]);
      expect(ok).toEqual({ written: 3, skippedAsNewer: 0 });
      const refused = await store.writeBatch([
        { kind: 'deleteByIds', collection: docs.name, ids: ['a'] },
        {
          kind: 'replaceIf',
          collection: control.name,
          document: { _id: 'checkpoint', _pos: pos(20) },
          expected: { _pos: pos(10) },
        },
        { kind: 'writeGuarded', collection: docs.name, documents: [{ _id: 'c', _pos: pos(20) }] },
      ]);
      expect(refused.failedPrecondition).toBe(1);
      expect(await docs.findById('c')).toBeUndefined();
      expect((await control.findById('checkpoint'))?._pos).toBe(pos(12));
      // Atomic stores keep nothing of a refused batch; the others keep what ran before.
      expect((await docs.findById('a')) !== undefined).toBe(store.atomicBatches);
    });

    it('refuses filters outside the subset instead of guessing', async () => {
      const collection = fresh();
      for (const filter of [
        { name: { $regex: '^第' } },
        { $where: 'true' },
        { leader: { name: '书记1' } },
        { 'bad field': 1 },
        { members: { $in: 3 } },
      ] as Filter[]) {
        await expect(collection.find(filter)).rejects.toBeInstanceOf(UnsupportedFilterError);
      }
    });
  });
}
