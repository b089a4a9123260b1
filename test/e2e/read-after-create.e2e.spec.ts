import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchOperation,
  BatchResult,
  DocumentStore,
  SqliteDocumentStore,
} from '@gongjian/read-store';
import { client, Harness, KEYS, startApi } from './api-harness';

/** The SQLite read store, whose projection batches are held back `lagMs` while it is set. */
class LaggingDocumentStore implements DocumentStore {
  lagMs = 0;
  readonly engine: string;
  readonly atomicBatches: boolean;

  constructor(private readonly inner: DocumentStore) {
    this.engine = inner.engine;
    this.atomicBatches = inner.atomicBatches;
  }

  collection(name: string) {
    return this.inner.collection(name);
  }
  listCollections() {
    return this.inner.listCollections();
  }
  async writeBatch(operations: readonly BatchOperation[]): Promise<BatchResult> {
    if (this.lagMs > 0) await new Promise((resolve) => setTimeout(resolve, this.lagMs));
    return this.inner.writeBatch(operations);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

/** What a client written from API.md does: GET right away, without `minPosition`. */
async function getNow(api: Harness, path: string, key: string = KEYS.admin) {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a GET right after the command that created it, without minPosition, while read models lag', () => {
  let dir: string;
  let readStore: LaggingDocumentStore;
  let api: Harness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-lagging-read-'));
    readStore = new LaggingDocumentStore(new SqliteDocumentStore(join(dir, 'read-models.sqlite')));
    api = await startApi({ readStore });
  });
  afterAll(async () => {
    readStore.lagMs = 0;
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    readStore.lagMs = 300;
  });

  it('finds an organization just registered', async () => {
    const registered = await client(api, KEYS.admin).post('/organizations', {
      id: 'v1',
      name: 'v1 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    expect(registered.status).toBe(201);

    const read = await getNow(api, '/organizations/v1');

    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: 'v1', township: 'T01' });
  });

  it('finds an evaluation run just started', async () => {
    const start = await client(api, KEYS.scheduler).post<{ runId: string }>('/evaluations', {
      period: '2025',
    });
    expect(start.status).toBe(202);

    const run = await getNow(api, `/evaluations/${start.body.runId}`, KEYS.scheduler);

    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ runId: start.body.runId, period: '2025' });
  });

  it('still answers 404 for what no command created', async () => {
    const read = await getNow(api, '/organizations/never-registered');
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
  });

  it('records a look by an inspector once, though the lookup is asked again', async () => {
    await client(api, KEYS.admin).post('/organizations', {
      id: 'v2',
      name: 'v2 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });

    expect((await getNow(api, '/organizations/v2', KEYS.inspector)).status).toBe(200);

    const looks = (await api.store.readAll()).filter(
      (e) => e.type === 'InspectorAccessRecorded' && e.data.url === '/api/v1/organizations/v2',
    );
    expect(looks).toHaveLength(1);
  });

  it('shows the caller its own update without minPosition', async () => {
    const registered = await client(api, KEYS.admin).post<{ position: string }>('/organizations', {
      id: 'v3',
      name: 'v3 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    // Readable as registered first: the update then changes a document the read models hold.
    const before = await getNow(api, `/organizations/v3?minPosition=${registered.body.position}`);
    expect(before.body.categories).toEqual([]);
    const marked = await client(api, KEYS.admin).post('/organizations/v3/categories', {
      categories: ['weak_lax'],
      reason: '年度研判',
    });
    expect(marked.status).toBe(200);

    const read = await getNow(api, '/organizations/v3');

    expect(read.status).toBe(200);
    expect(read.body.categories).toEqual(['weak_lax']);
  });
});

describe('a report read right after its caller changed it', () => {
  let dir: string;
  let readStore: LaggingDocumentStore;
  let api: Harness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-lagging-read-'));
    readStore = new LaggingDocumentStore(new SqliteDocumentStore(join(dir, 'read-models.sqlite')));
    // Report tables are shared between readers for REPORT_CACHE_MS (1 s by default).
    api = await startApi({ readStore });
  });
  afterAll(async () => {
    readStore.lagMs = 0;
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is built afresh, not taken from a table shared from before the change', async () => {
    const registered = await client(api, KEYS.admin).post<{ position: string }>('/organizations', {
      id: 'r1',
      name: 'r1 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    const shared = await getNow(
      api,
      `/reports/collective-income?year=2025&minPosition=${registered.body.position}`,
    );
    expect(shared.body.totals).toMatchObject({ reported: 0 });
    readStore.lagMs = 300;
    const reported = await client(api, KEYS.admin).post('/organizations/r1/collective-income', {
      year: 2025,
      amountFen: 3_000_000,
    });
    expect(reported.status).toBe(200);

    const read = await getNow(api, '/reports/collective-income?year=2025');

    expect(read.status).toBe(200);
    expect(read.body.totals).toMatchObject({ reported: 1 });
  });
});

describe('a caller whose read models lag past the wait limit', () => {
  let dir: string;
  let readStore: LaggingDocumentStore;
  let api: Harness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-lagging-read-'));
    readStore = new LaggingDocumentStore(new SqliteDocumentStore(join(dir, 'read-models.sqlite')));
    api = await startApi({ readStore, config: { minPositionWaitMs: 50 } });
  });
  afterAll(async () => {
    readStore.lagMs = 0;
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is answered from the read models as they are, not refused', async () => {
    await client(api, KEYS.admin).post('/organizations', {
      id: 'w1',
      name: 'w1 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    readStore.lagMs = 1000;
    await client(api, KEYS.admin).post('/organizations/w1/categories', {
      categories: ['poor'],
      reason: '年度研判',
    });

    const list = await getNow(api, '/organizations?township=T01');

    expect(list.status).toBe(200);
  });
});
