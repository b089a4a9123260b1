import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Query } from 'mingo';
import type { RecordedEvent } from '@gongjian/event-store';
import {
  DEFAULT_REPORT_OPTIONS,
  REPORT_DEFINITIONS,
  ReportFilter,
  ReportTable,
} from '@gongjian/projections';
import { REPORT_READ_MODELS } from '../../libs/projections/src/read-models/report-read-models';
import {
  documentsOf,
  project,
} from '../../libs/projections/src/read-models/reports/report-projection.spec-helper';
import { DocumentStore, ReadDocument, SqliteDocumentStore } from '@gongjian/read-store';
import { MongoDocumentStore } from '../../libs/read-store/src/adapters/mongodb/mongodb.document-store';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { planDemoCounty } from '../../scripts/demo/demo-plan';
import { DEMO_SCALES } from '../../scripts/demo/demo-plan.types';
import { runDemoPlan } from '../../scripts/demo/demo-runner';
import { Harness, KEYS, startApi } from './api-harness';

/**
 * Every report's find, run by each read store on the documents of a small demo county, gives the
 * same table as the same find evaluated in memory: the filters stay inside what every store
 * answers identically.
 */
let events: RecordedEvent[] = [];
let year = 0;
const documents = new Map<string, ReadDocument[]>();

const filtersOf = (y: number): ReportFilter[] => [
  { year: y },
  { year: y - 1 },
  { year: y, township: 'T01' },
  { year: y, townships: ['T02'] },
  { year: y, townships: ['T01', 'T02'] },
];

function inMemory(name: string, filter: ReportFilter): ReportTable {
  const definition = REPORT_DEFINITIONS.find((d) => d.name === name)!;
  const all = documents.get(`${definition.projection}/${definition.collection}`)!;
  const selected = new Query(definition.filterFor(filter)).find<ReadDocument>(all).all();
  return definition.build(selected, filter, DEFAULT_REPORT_OPTIONS);
}

beforeAll(async () => {
  let api: Harness | undefined;
  try {
    api = await startApi();
    const plan = planDemoCounty(3, DEMO_SCALES.tiny);
    year = plan.year;
    const result = await runDemoPlan(
      plan,
      { url: api.url, apiKey: KEYS.admin },
      { concurrency: 4 },
    );
    expect(result.refused).toEqual([]);
    events = await api.store.readAll({ limit: 100_000 });
  } finally {
    await api?.close();
  }
  for (const projection of REPORT_READ_MODELS) {
    const projected = project(projection, events);
    for (const collection of Object.keys(projection.collections)) {
      documents.set(`${projection.name}/${collection}`, documentsOf(projected, collection));
    }
  }
}, 60_000);

function sameAnswers(open: () => Promise<{ store: DocumentStore; prefix: string }>) {
  let store: DocumentStore;
  let prefix: string;
  beforeAll(async () => {
    ({ store, prefix } = await open());
    for (const projection of REPORT_READ_MODELS) {
      for (const [collection, indexes] of Object.entries(projection.collections)) {
        const target = store.collection(`${prefix}${collection}`);
        await target.ensureIndexes(indexes);
        const docs = documents.get(`${projection.name}/${collection}`)!;
        if (docs.length) await target.insertMany(docs);
      }
    }
  });
  afterAll(async () => {
    if (!store) return;
    for (const projection of REPORT_READ_MODELS) {
      for (const collection of Object.keys(projection.collections)) {
        await store.collection(`${prefix}${collection}`).drop();
      }
    }
    await store.close();
  });

  it.each(REPORT_DEFINITIONS.map((d) => d.name))(
    '%s: the store answers as in memory',
    async (name) => {
      const definition = REPORT_DEFINITIONS.find((d) => d.name === name)!;
      const collection = store.collection(`${prefix}${definition.collection}`);
      for (const filter of filtersOf(year)) {
        const found = await collection.find(definition.filterFor(filter));
        const table = definition.build(found, filter, DEFAULT_REPORT_OPTIONS);
        expect([filter, table]).toEqual([filter, inMemory(name, filter)]);
      }
      expect(inMemory(name, { year }).rows.length).toBeGreaterThan(0);
    },
  );
}

describe('report finds on the embedded read store (sqlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-report-stores-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  sameAnswers(async () => ({
    store: new SqliteDocumentStore(join(dir, 'read-models.sqlite')),
    prefix: '',
  }));
});

describeWithService('mongodb', 'MONGODB_URL', (url) => {
  sameAnswers(async () => ({
    store: await MongoDocumentStore.connect(url, { timeoutMs: 5000 }),
    prefix: `${uniqueResourceName('reports')}_`,
  }));
});
