import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchOperation,
  BatchResult,
  DocumentStore,
  SqliteDocumentStore,
} from '@gongjian/read-store';
import type { AppConfig } from '@gongjian/config';
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

/** The API over a lagging read store, started before the suite's tests and closed after them. */
function laggingApi(config: Partial<AppConfig> = {}) {
  const setup = {} as { api: Harness; readStore: LaggingDocumentStore };
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-lagging-read-'));
    const readStore = new LaggingDocumentStore(
      new SqliteDocumentStore(join(dir, 'read-models.sqlite')),
    );
    setup.readStore = readStore;
    setup.api = await startApi({ readStore, config });
  });
  afterAll(async () => {
    setup.readStore.lagMs = 0;
    await setup.api.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return setup;
}

/** A village branch in T01, registered by the admin key. */
const registerVillage = (api: Harness, id: string) =>
  client(api, KEYS.admin).post<{ position: string }>('/organizations', {
    id,
    name: `${id} 村党支部`,
    level: 'branch',
    sector: 'village',
    township: 'T01',
  });

describe('a GET right after the command that created it, without minPosition, while read models lag', () => {
  const setup = laggingApi();
  beforeEach(() => {
    setup.readStore.lagMs = 300;
  });

  it('finds an organization another key just registered', async () => {
    const registered = await registerVillage(setup.api, 'v1');
    expect(registered.status).toBe(201);

    const read = await getNow(setup.api, '/organizations/v1', KEYS.operatorT01);

    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: 'v1', township: 'T01' });
  });

  it('answers a HEAD for an organization another key just registered', async () => {
    expect((await registerVillage(setup.api, 'h1')).status).toBe(201);

    const head = await fetch(`${setup.api.url}/api/v1/organizations/h1`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${KEYS.operatorT01}` },
    });

    expect(head.status).toBe(200);
  });

  it('finds an evaluation run another key just started', async () => {
    const start = await client(setup.api, KEYS.scheduler).post<{ runId: string }>('/evaluations', {
      period: '2025',
    });
    expect(start.status).toBe(202);

    const run = await getNow(setup.api, `/evaluations/${start.body.runId}`, KEYS.operatorT01);

    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ runId: start.body.runId, period: '2025' });
  });

  it('still answers 404 for what no command created', async () => {
    const read = await getNow(setup.api, '/organizations/never-registered');
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ status: 404, code: 'ORGANIZATION_NOT_FOUND' });
  });

  it('records a look by an inspector once, though the lookup is asked again', async () => {
    await registerVillage(setup.api, 'v2');

    expect((await getNow(setup.api, '/organizations/v2', KEYS.inspector)).status).toBe(200);

    const looks = (await setup.api.store.readAll()).filter(
      (e) => e.type === 'InspectorAccessRecorded' && e.data.url === '/api/v1/organizations/v2',
    );
    expect(looks).toHaveLength(1);
  });

  it('shows the caller its own update without minPosition', async () => {
    const registered = await registerVillage(setup.api, 'v3');
    // Readable as registered first: the update then changes a document the read models hold.
    const before = await getNow(
      setup.api,
      `/organizations/v3?minPosition=${registered.body.position}`,
    );
    expect(before.body.categories).toEqual([]);
    const marked = await client(setup.api, KEYS.admin).post('/organizations/v3/categories', {
      categories: ['weak_lax'],
      reason: '年度研判',
    });
    expect(marked.status).toBe(200);

    const read = await getNow(setup.api, '/organizations/v3');

    expect(read.status).toBe(200);
    expect(read.body.categories).toEqual(['weak_lax']);
  });
});

describe('a report read right after its caller changed it', () => {
  const setup = laggingApi();

  it('is built afresh, not taken from a table shared from before the change', async () => {
    const registered = await registerVillage(setup.api, 'r1');
    const shared = await getNow(
      setup.api,
      `/reports/collective-income?year=2025&minPosition=${registered.body.position}`,
    );
    expect(shared.body.totals).toMatchObject({ reported: 0 });
    setup.readStore.lagMs = 300;
    const reported = await client(setup.api, KEYS.admin).post(
      '/organizations/r1/collective-income',
      {
        year: 2025,
        amountFen: 3_000_000,
      },
    );
    expect(reported.status).toBe(200);

    const read = await getNow(setup.api, '/reports/collective-income?year=2025');

    expect(read.status).toBe(200);
    expect(read.body.totals).toMatchObject({ reported: 1 });
  });
});

describe('a caller whose read models lag past the wait limit', () => {
  const setup = laggingApi({ minPositionWaitMs: 50 });

  it('is answered from the read models as they are, not refused', async () => {
    await registerVillage(setup.api, 'w1');
    setup.readStore.lagMs = 1000;
    await client(setup.api, KEYS.admin).post('/organizations/w1/categories', {
      categories: ['poor'],
      reason: '年度研判',
    });

    const list = await getNow(setup.api, '/organizations?township=T01');

    expect(list.status).toBe(200);
  });
});
