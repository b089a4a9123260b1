import { client, Harness, KEYS, startApi } from './api-harness';

/** Past-year dates only, so every command is accepted whatever today is. */
const organ = (id: string, departmentKind: string) => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind,
  township: 'T00',
});
const village = (id: string, township: string) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});
const pairing = (id: string, urban: string, rural: string, startsOn: string, extra = {}) => ({
  id,
  urbanOrganizationId: urban,
  ruralOrganizationId: rural,
  contactLeader: { name: '王强', title: '副部长' },
  startsOn,
  endsOn: '2027-12-31',
  commitments: { fundsFen: 10_000_000, projects: 1, activists: 1 },
  ...extra,
});
const activity = (type: string, date: string, participants = 20) => ({
  type,
  date,
  participants,
  summary: `${type} ${date}`,
});

type Table = {
  report: string;
  year: number;
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, unknown>[];
  totals: Record<string, unknown>;
};

const REPORTS = [
  'pairings',
  'villages',
  'funds',
  'projects',
  'collective-income',
  'member-development',
  'activities',
  'ratings',
];

describe('yearly reports over HTTP', () => {
  let api: Harness;
  let position = '';
  const admin = () => client(api, KEYS.admin);

  /** Posts a command that must succeed and remembers the latest position. */
  const ok = async (path: string, body: unknown) => {
    const reply = await admin().post(path, body);
    if (reply.status >= 300)
      throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    const p = String(reply.body.position);
    if (p > position) position = p;
    return reply;
  };
  const report = (name: string, query: string, key: string = KEYS.admin) =>
    client(api, key).get<Table>(
      `/reports/${name}?${query}&minPosition=${encodeURIComponent(position)}`,
    );

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      organ('o-pm', 'party_mass'),
      organ('o-econ', 'economic'),
      village('v-weak', 'T01'),
      village('v-poor', 'T01'),
      village('v-far', 'T02'),
    ]) {
      await ok('/organizations', body);
    }
    await ok('/organizations/v-weak/categories', { categories: ['weak_lax'], reason: '年度认定' });
    await ok('/organizations/v-poor/categories', { categories: ['poor'], reason: '年度认定' });
    await ok('/organizations/v-weak/collective-income', { year: 2025, amountFen: 3_000_000 });
    await ok('/organizations/v-poor/collective-income', { year: 2025, amountFen: 12_000_000 });
    await ok('/pairings', pairing('p-1', 'o-pm', 'v-weak', '2025-02-01'));
    await ok('/pairings', pairing('p-2', 'o-econ', 'v-poor', '2025-02-01'));
    await ok(
      '/pairings',
      pairing('p-3', 'o-pm', 'v-far', '2025-03-01', { principleOverrideReason: '就近结对' }),
    );
    for (const date of ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']) {
      await ok('/pairings/p-1/activities', activity('guidance_day', date));
    }
    for (const date of ['2025-03-05', '2025-03-12', '2025-03-19']) {
      await ok('/pairings/p-1/activities', activity('collective_activity_day', date, 35));
    }
    await ok('/budgets', { year: 2025, source: 'county_finance', amountFen: 100_000_000 });
    await ok('/allocations', {
      id: 'al-1',
      budgetId: '2025-county_finance',
      recipientOrganizationId: 'v-weak',
      amountFen: 2_500_000,
      purpose: 'operating_funds',
      decisionRef: '党委会〔2025〕1号',
    });
    await ok('/allocations/al-1/disbursements', {
      amountFen: 2_000_000,
      on: '2025-04-01',
      ref: 'x',
    });
    await ok('/projects', {
      id: 'pj-1',
      pairingId: 'p-2',
      name: '村道硬化',
      category: 'infrastructure',
      plannedInvestmentFen: 30_000_000,
      startsOn: '2025-05-01',
    });
    await ok('/projects/pj-1/investments', {
      amountFen: 10_000_000,
      on: '2025-06-01',
      source: 'partner_unit',
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers the pairings table from the read models: cells, distinct organizations, overrides', async () => {
    const reply = await report('pairings', 'year=2025');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ report: 'pairings', year: 2025 });
    expect(reply.body.columns).toContainEqual({ key: 'pairings', label: '结对数' });
    expect(reply.body.totals).toMatchObject({
      pairings: 3,
      urbanOrganizations: 2,
      villages: 3,
      principleMatched: 2,
      overridden: 1,
    });
  });

  it('answers every report for the year', async () => {
    const index = await admin().get<{ items: { name: string; title: string }[] }>('/reports');
    expect(index.body.items.map((i) => i.name)).toEqual(REPORTS);
    for (const name of REPORTS) {
      const reply = await report(name, 'year=2025');
      expect([name, reply.status]).toEqual([name, 200]);
      expect(reply.body.columns.length).toBeGreaterThan(1);
    }
    expect((await report('activities', 'year=2025')).body.totals).toMatchObject({
      count: 7,
      participants: 185,
      pairingMonthsMeetingAllTargets: 1,
    });
    expect((await report('funds', 'year=2025')).body.totals).toMatchObject({
      allocatedFen: 2_500_000,
      disbursedFen: 2_000_000,
      allocatedWanYuan: 2.5,
    });
    expect((await report('collective-income', 'year=2025')).body.totals).toMatchObject({
      hollow: 1,
      reported: 2,
    });
    expect((await report('projects', 'year=2025')).body.totals).toMatchObject({
      launched: 1,
      investedFen: 10_000_000,
    });
  });

  it('exports the same table as CSV: UTF-8 with a BOM and Chinese column labels', async () => {
    const response = await fetch(
      `${api.url}/api/v1/reports/pairings?year=2025&minPosition=${encodeURIComponent(position)}`,
      { headers: { authorization: `Bearer ${KEYS.admin}`, accept: 'text/csv' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '乡镇,城市单位类别,部门类别,结对数,城市党组织数,结对村(社区)数,符合结对原则,说明理由的例外结对',
    );
    expect(lines.at(-1)).toMatch(/^合计,,,3,2,3,2,1$/);
  });

  it('keeps a past year the same after events dated in a later year are added', async () => {
    const before: Record<string, Table> = {};
    for (const name of REPORTS) before[name] = (await report(name, 'year=2025')).body;

    await ok('/organizations', village('v-new', 'T01'));
    await ok('/organizations/v-weak/categories', { categories: ['industry_demo'], reason: '复评' });
    await ok('/organizations/v-weak/collective-income', { year: 2026, amountFen: 9_000_000 });
    await ok(
      '/pairings',
      pairing('p-4', 'o-econ', 'v-new', '2026-02-01', { principleOverrideReason: '新建村' }),
    );
    await ok('/pairings/p-1/activities', activity('fellowship', '2026-01-15'));
    await ok('/pairings/p-1/dissolve', { reason: '调整', on: '2026-03-01' });
    await ok('/budgets', { year: 2026, source: 'county_finance', amountFen: 100_000_000 });
    await ok('/allocations', {
      id: 'al-2',
      budgetId: '2026-county_finance',
      recipientOrganizationId: 'v-poor',
      amountFen: 3_000_000,
      purpose: 'operating_funds',
      decisionRef: '党委会〔2026〕1号',
    });
    await ok('/projects/pj-1/investments', {
      amountFen: 5_000_000,
      on: '2026-02-01',
      source: 'partner_unit',
    });

    for (const name of REPORTS) {
      expect([name, (await report(name, 'year=2025')).body]).toEqual([name, before[name]]);
    }
    const later = await report('pairings', 'year=2026');
    expect(later.body.totals).toMatchObject({ pairings: 4, overridden: 2 });
    expect((await report('projects', 'year=2026')).body.totals).toMatchObject({
      investedFen: 5_000_000,
    });
  });

  it('filters by township and keeps operators to their townships', async () => {
    const t02 = await report('pairings', 'year=2025&township=T02');
    expect(t02.body.rows.map((r) => r.township)).toEqual(['T02']);
    const scoped = await report('villages', 'year=2025', KEYS.operatorT01);
    expect(scoped.status).toBe(200);
    expect(new Set(scoped.body.rows.map((r) => r.township))).toEqual(new Set(['T01']));
    const outside = await report('villages', 'year=2025&township=T02', KEYS.operatorT01);
    expect(outside.status).toBe(403);
    expect((await report('funds', 'year=2025', KEYS.inspector)).status).toBe(200);
    expect((await report('funds', 'year=2025', KEYS.scheduler)).status).toBe(403);
  });

  it('answers problems for an unknown report and a missing or invalid year, changing nothing', async () => {
    const head = await api.store.headPosition();
    const unknown = await admin().get<Record<string, unknown>>('/reports/unknown?year=2025');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('REPORT_NOT_FOUND');
    for (const query of ['', 'year=', 'year=abc', 'year=2025.5', 'year=1800', 'year=2025&x=1']) {
      const reply = await admin().get<Record<string, unknown>>(`/reports/pairings?${query}`);
      expect([query, reply.status]).toEqual([query, 400]);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect(await api.store.headPosition()).toBe(head);
  });
});
