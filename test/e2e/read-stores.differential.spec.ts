import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectInMemory, QUERY_READ_MODELS, type ReadModelReader } from '@gongjian/projections';
import { SqliteDocumentStore, type DocumentStore } from '@gongjian/read-store';
import { MongoDocumentStore } from '../../libs/read-store/src/adapters/mongodb/mongodb.document-store';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { PersonalDataCipher } from '../../apps/api/src/personal-data/personal-data.cipher';
import { countyEvents } from './county-events.fixture';
import { answerEveryQuery } from './every-query.fixture';
import { inMemoryReader } from './in-memory-read-models.fixture';

const cipher = new PersonalDataCipher(randomBytes(32));
const events = countyEvents(cipher);

/** Projects the county into `store` (collections named `<prefix>_<name>`), as the engine writes a batch. */
async function projectInto(store: DocumentStore, prefix: string): Promise<ReadModelReader> {
  for (const projection of QUERY_READ_MODELS) {
    const projected = projectInMemory(projection, events);
    for (const [name, indexes] of Object.entries(projection.collections)) {
      const collection = store.collection(`${prefix}_${name}`);
      await collection.ensureIndexes(indexes);
      await collection.writeGuarded([...(projected.get(name)?.values() ?? [])]);
    }
  }
  return {
    collection: async (_projection, name) => store.collection(`${prefix}_${name}`),
    waitForPosition: async () => undefined,
  };
}

async function dropAll(store: DocumentStore, prefix: string): Promise<void> {
  for (const projection of QUERY_READ_MODELS) {
    for (const name of Object.keys(projection.collections)) {
      await store.collection(`${prefix}_${name}`).drop();
    }
  }
}

function expectSameAnswers(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) {
    expect([key, actual[key]]).toEqual([key, expected[key]]);
  }
}

describe('the embedded read store answers every query as MongoDB semantics do', () => {
  let dir: string;
  let sqlite: DocumentStore;
  let expected: Record<string, unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-differential-'));
    sqlite = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    expected = await answerEveryQuery(inMemoryReader(events), cipher);
  });

  afterAll(async () => {
    await sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same answers to every filter of every GET endpoint', async () => {
    const reader = await projectInto(sqlite, 'diff');
    expectSameAnswers(await answerEveryQuery(reader, cipher), expected);
  });
});

describeWithService('mongodb', 'MONGODB_URL', (url) => {
  const prefix = uniqueResourceName('diff');
  let dir: string;
  let sqlite: DocumentStore;
  let mongo: DocumentStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-differential-'));
    sqlite = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    mongo = await MongoDocumentStore.connect(url);
  });

  afterAll(async () => {
    if (mongo) await dropAll(mongo, prefix);
    await mongo?.close();
    await sqlite?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('the same events projected into sqlite and into the MongoDB-wire store answer every query alike', async () => {
    const fromSqlite = await answerEveryQuery(await projectInto(sqlite, prefix), cipher);
    const fromMongo = await answerEveryQuery(await projectInto(mongo, prefix), cipher);
    expectSameAnswers(fromMongo, fromSqlite);
  }, 300_000);
});
