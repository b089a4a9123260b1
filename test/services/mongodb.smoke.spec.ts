import { Collection, MongoClient, MongoServerError, ObjectId } from 'mongodb';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';

interface Branch {
  _id: string;
  name: string;
  township: string;
  members: number;
  score: number;
  tags: string[];
}

/** Proves the MongoDB-wire server (FerretDB in CI, MongoDB elsewhere) through the official driver. */
describeWithService('mongodb', 'MONGODB_URL', (url) => {
  let client: MongoClient;
  let branches: Collection<Branch>;

  beforeAll(async () => {
    client = new MongoClient(url, { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 });
    await client.connect();
    branches = client.db().collection<Branch>(uniqueResourceName('smoke_branches'));
  });

  afterAll(async () => {
    await branches?.drop().catch(() => undefined);
    await client?.close();
  });

  it('answers ping', async () => {
    await expect(client.db().command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  it('inserts many and finds by filter with sort and limit', async () => {
    const docs: Branch[] = Array.from({ length: 20 }, (_, i) => ({
      _id: `branch-${String(i).padStart(2, '0')}`,
      name: `第${i + 1}村党支部`,
      township: i % 2 === 0 ? '东镇' : '西镇',
      members: 10 + i,
      score: (i * 7) % 13,
      tags: i % 3 === 0 ? ['paired'] : [],
    }));
    const inserted = await branches.insertMany(docs);
    expect(inserted.insertedCount).toBe(20);

    const top = await branches
      .find({ township: '东镇', members: { $gte: 12 } })
      .sort({ score: -1, _id: 1 })
      .limit(3)
      .toArray();
    const expected = docs
      .filter((d) => d.township === '东镇' && d.members >= 12)
      .sort((a, b) => b.score - a.score || a._id.localeCompare(b._id))
      .slice(0, 3);
    expect(top).toEqual(expected);

    expect(await branches.countDocuments({ tags: 'paired' })).toBe(7);
  });

  it('replaceOne with upsert inserts, then replaces', async () => {
    const doc: Branch = {
      _id: 'upserted',
      name: '新村党支部',
      township: '南镇',
      members: 5,
      score: 1,
      tags: [],
    };
    const first = await branches.replaceOne({ _id: 'upserted' }, doc, { upsert: true });
    expect(first.upsertedCount).toBe(1);
    expect(first.upsertedId).toBe('upserted');

    const second = await branches.replaceOne(
      { _id: 'upserted' },
      { ...doc, members: 6, tags: ['paired'] },
      { upsert: true },
    );
    expect(second.matchedCount).toBe(1);
    expect(second.modifiedCount).toBe(1);
    expect(second.upsertedCount).toBe(0);
    expect(await branches.findOne({ _id: 'upserted' })).toEqual({
      ...doc,
      members: 6,
      tags: ['paired'],
    });
  });

  it('reports a unique index violation as error 11000', async () => {
    const coll = client.db().collection(uniqueResourceName('smoke_unique'));
    try {
      await coll.createIndex({ code: 1 }, { unique: true, name: 'code_unique' });
      await coll.insertOne({ code: 'A-1' });
      const error = await coll.insertOne({ code: 'A-1' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(11000);
      expect(await coll.countDocuments({ code: 'A-1' })).toBe(1);
    } finally {
      await coll.drop().catch(() => undefined);
    }
  });

  it('round-trips values of every type the read models store', async () => {
    const id = new ObjectId();
    const at = new Date('2026-03-01T08:30:00.123Z');
    const value = {
      _id: id,
      text: '城乡结对共建 — “党建引领”',
      int: 42,
      negative: -7,
      float: 3.25,
      big: 2 ** 40,
      yes: true,
      no: false,
      nothing: null,
      at,
      nested: { level: { deep: ['a', 1, { x: 'y' }] } },
      list: [
        { kind: 'activity', count: 2 },
        { kind: 'project', count: 0 },
      ],
      empty: {},
      emptyList: [],
    };
    const coll = client.db().collection(uniqueResourceName('smoke_roundtrip'));
    try {
      await coll.insertOne(value);
      const back = await coll.findOne({ _id: id });
      expect(back).toEqual(value);
      expect(back?.at).toBeInstanceOf(Date);
      expect((back?.at as Date).getTime()).toBe(at.getTime());
    } finally {
      await coll.drop().catch(() => undefined);
    }
  });
});
