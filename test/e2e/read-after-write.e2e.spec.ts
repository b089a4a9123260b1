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
import { addDays, addYears } from '@gongjian/domain';
import { shanghaiDate } from '@gongjian/write-side';
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

describe('each kind of resource read right after its caller changed it, without minPosition', () => {
  const setup = laggingApi();
  const admin = () => client(setup.api, KEYS.admin);
  const today = shanghaiDate(new Date().toISOString());

  beforeAll(async () => {
    const organ = await admin().post('/organizations', {
      id: 'k-organ',
      name: 'k-organ 机关党支部',
      level: 'branch',
      sector: 'organ',
      departmentKind: 'party_mass',
      township: 'T00',
    });
    expect(organ.status).toBe(201);
    expect((await registerVillage(setup.api, 'k-village')).status).toBe(201);
    const marked = await admin().post('/organizations/k-village/categories', {
      categories: ['weak_lax'],
      reason: '年度研判',
    });
    expect(marked.status).toBe(200);
  });
  beforeEach(() => {
    setup.readStore.lagMs = 300;
  });

  it('a pairing and an activity logged under it', async () => {
    const paired = await admin().post<{ id: string }>('/pairings', {
      urbanOrganizationId: 'k-organ',
      ruralOrganizationId: 'k-village',
      contactLeader: { name: '王强', title: '县委常委' },
      startsOn: `${today.slice(0, 7)}-01`,
      endsOn: addYears(today, 2),
      commitments: { fundsFen: 1_000_000, projects: 1, activists: 1 },
    });
    expect(paired.status).toBe(201);
    expect((await getNow(setup.api, `/pairings/${paired.body.id}`)).body.status).toBe('active');

    const logged = await admin().post(`/pairings/${paired.body.id}/activities`, {
      type: 'guidance_day',
      date: today,
      participants: 12,
      summary: '党建指导日',
    });
    expect(logged.status).toBe(201);
    const pairing = await getNow(setup.api, `/pairings/${paired.body.id}`);
    const months = pairing.body.activitiesByMonth as Array<Record<string, unknown>>;
    expect(months.find((m) => m.month === today.slice(0, 7))).toMatchObject({ guidanceDays: 1 });
  });

  it('an allocation and a disbursement of it', async () => {
    const year = Number(today.slice(0, 4));
    const opened = await admin().post<{ id: string }>('/budgets', {
      year,
      source: 'county_finance',
      amountFen: 10_000_000,
    });
    expect(opened.status).toBe(201);
    const allocated = await admin().post<{ id: string }>('/allocations', {
      budgetId: opened.body.id,
      recipientOrganizationId: 'k-village',
      amountFen: 2_000_000,
      purpose: 'activity_funds',
      decisionRef: '县委组织部部务会纪要',
    });
    expect(allocated.status).toBe(201);
    const id = allocated.body.id;
    expect((await getNow(setup.api, `/allocations/${id}`)).body.allocatedFen).toBe(2_000_000);

    const paid = await admin().post(`/allocations/${id}/disbursements`, {
      amountFen: 500_000,
      on: today,
      ref: '拨付凭证 001',
    });
    expect(paid.status).toBe(201);
    expect((await getNow(setup.api, `/allocations/${id}`)).body.disbursedFen).toBe(500_000);
  });

  it('a member and a step of their development', async () => {
    const applied = await admin().post<{ id: string }>('/members', {
      organizationId: 'k-village',
      appliedOn: addDays(today, -30),
      person: { name: '李梅', gender: 'female', birthDate: '1995-03-15', education: '大专' },
    });
    expect(applied.status).toBe(201);
    const id = applied.body.id;
    expect((await getNow(setup.api, `/members/${id}`)).body.stage).toBe('applicant');

    const interviewed = await admin().post(`/members/${id}/steps`, {
      step: 'interview',
      on: addDays(today, -20),
    });
    expect(interviewed.status).toBe(201);
    const member = await getNow(setup.api, `/members/${id}`);
    const steps = (member.body.history as Array<{ step: string }>).map((h) => h.step);
    expect(steps).toContain('interview');
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
