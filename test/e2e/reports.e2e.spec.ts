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
  sections?: {
    key: string;
    title: string;
    columns: { key: string; label: string }[];
    rows: Record<string, unknown>[];
    totals?: Record<string, unknown>;
  }[];
  [extra: string]: unknown;
};

/** The fields of a table that are not figures: what it is, and the table itself. */
const FRAME = ['report', 'year', 'title', 'township', 'columns', 'rows', 'totals', 'sections'];

/** Figures a report gives outside its columns, each printed in one of its sections. */
const OUTSIDE_COLUMNS: Record<string, string[]> = {
  villages: ['hollowEconomyThresholdFen'],
  funds: ['standards', 'totals.standardsAssessed', 'totals.standardsMet'],
  'collective-income': ['hollowEconomyThresholdFen'],
  activities: [
    'totals.pairingMonthsWithGuidanceOrCollective',
    'totals.pairingMonthsMeetingAllTargets',
  ],
};

/** A cell as the CSV writes it (no figure or label of these tables needs quoting). */
const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

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
  /** The CSV's lines, after the BOM, without the last line's end. */
  const csvLines = async (name: string, query: string) => {
    const response = await fetch(
      `${api.url}/api/v1/reports/${name}?${query}&minPosition=${encodeURIComponent(position)}`,
      { headers: { authorization: `Bearer ${KEYS.admin}`, accept: 'text/csv' } },
    );
    expect([name, response.status]).toEqual([name, 200]);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder().decode(bytes.slice(3)).replace(/\r\n$/, '').split('\r\n');
  };

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
    await ok('/organizations/v-weak/member-count', { year: 2025, count: 30 });
    await ok('/organizations/v-poor/collective-income', { year: 2025, amountFen: 12_000_000 });
    await ok('/pairings', pairing('p-1', 'o-pm', 'v-weak', '2025-02-01'));
    await ok('/pairings', pairing('p-2', 'o-econ', 'v-poor', '2025-02-01'));
    await ok(
      '/pairings',
      pairing('p-3', 'o-pm', 'v-far', '2025-03-01', { principleOverrideReason: '就近结对' }),
    );
    // A guidance day in each of the six weeks touching March, from Monday 24 February to Sunday 6 April.
    const march = [
      '2025-03-01',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
      '2025-03-31',
    ];
    for (const date of march) {
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
      count: 9,
      participants: 225,
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

  it('gives every column with figures its total, in JSON and in the CSV totals line, for every report', async () => {
    // The branches were registered today, so the ratings table has rows in this year only.
    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const withRows = new Set<string>();
    for (const [name, year] of REPORTS.flatMap((n) =>
      [2025, thisYear].map((y) => [n, y] as const),
    )) {
      const table = (await report(name, `year=${year}`)).body;
      const lines = await csvLines(name, `year=${year}`);
      if (table.rows.length > 0) withRows.add(name);
      const totalsLine = lines[table.rows.length + 1].split(',');
      expect([name, totalsLine[0]]).toEqual([name, '合计']);
      const keys = table.columns.map((c) => c.key);
      for (const [i, key] of keys.entries()) {
        // A column of labels (乡镇, 活动类型 …) has no total; every other one has.
        if (table.rows.every((row) => typeof row[key] === 'string')) continue;
        expect([name, key, key in table.totals]).toEqual([name, key, true]);
        expect([name, key, totalsLine[i]]).toEqual([name, key, cell(table.totals[key])]);
        if (table.totals[key] !== null)
          expect([name, key, totalsLine[i]]).not.toEqual([name, key, '']);
      }
      // Every number of a row is in a column (the other fields are the codes beside the labels).
      for (const row of table.rows) {
        const numbers = Object.keys(row).filter((k) => typeof row[k] === 'number');
        expect([name, numbers.filter((k) => !keys.includes(k))]).toEqual([name, []]);
      }
      const outside = [
        ...Object.keys(table).filter((k) => !FRAME.includes(k)),
        ...Object.keys(table.totals)
          .filter((k) => !keys.includes(k) && typeof table.totals[k] === 'number')
          .map((k) => `totals.${k}`),
      ];
      expect([name, outside.sort()]).toEqual([name, [...(OUTSIDE_COLUMNS[name] ?? [])].sort()]);
      // Each section follows the totals after an empty line: title, header, rows, totals.
      const printed = (table.sections ?? []).flatMap((section) => [
        '',
        section.title,
        section.columns.map((c) => c.label).join(','),
        ...[...section.rows, ...(section.totals ? [section.totals] : [])].map((row) =>
          section.columns.map((c) => cell(row[c.key])).join(','),
        ),
      ]);
      expect([name, lines.slice(table.rows.length + 2)]).toEqual([name, printed]);
      if (outside.length > 0) expect([name, printed.length > 0]).toEqual([name, true]);
    }
    expect([...withRows]).toEqual(REPORTS);
  });

  it('prints the funding standards in the funds CSV: each assessed and met, and their totals', async () => {
    const table = (await report('funds', 'year=2025')).body;
    const standards = table.standards as {
      key: string;
      label: string;
      assessed: number;
      met: number;
      applied: string;
    }[];
    expect(standards).toContainEqual(
      expect.objectContaining({ key: 'operating_funds_min', assessed: 1, met: 1 }),
    );
    const lines = await csvLines('funds', 'year=2025');
    const at = lines.indexOf('经费保障标准达标情况');
    expect(at).toBe(table.rows.length + 3);
    expect(lines.slice(at + 1)).toEqual([
      '保障标准,评估对象数,达标数,适用标准',
      ...standards.map((s) => `${s.label},${s.assessed},${s.met},${s.applied}`),
      `合计,${String(table.totals.standardsAssessed)},${String(table.totals.standardsMet)},`,
    ]);
    expect(lines).toContain('村级组织运转经费不低于标准,1,1,农村 2万元/年');
  });

  it('totals the months meeting the activity targets, in JSON and in the CSV totals line', async () => {
    const table = (await report('activities', 'year=2025')).body;
    // March met both targets: once in the guidance-day row and once in the collective one.
    expect(table.totals).toMatchObject({
      monthsMeetingTarget: 2,
      pairingMonthsWithGuidanceOrCollective: 1,
      pairingMonthsMeetingAllTargets: 1,
    });
    const lines = await csvLines('activities', 'year=2025');
    expect(lines.slice(0, 4)).toEqual([
      '乡镇,活动类型,活动次数,参与人次,达标月数(结对·月)',
      'T01,党建指导日,6,120,1',
      'T01,集体活动日,3,105,1',
      '合计,,9,225,2',
    ]);
    expect(lines.slice(4)).toEqual([
      '',
      '结对·月统计',
      '项目,数值',
      '开展党建指导日或集体活动日的结对·月,1',
      '党建指导日和集体活动日均达标的结对·月,1',
    ]);
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

describe('the activities report against GET /pairings/{id}, for terms covering months in part', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const ok = async (path: string, body: unknown) => {
    const reply = await admin().post(path, body);
    if (reply.status >= 300)
      throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  };
  const log = async (pairingId: string, type: string, dates: string[]) => {
    for (const date of dates) await ok(`/pairings/${pairingId}/activities`, activity(type, date));
  };

  type Month = {
    month: string;
    guidanceDays: number;
    collectiveActivityDays: number;
    guidanceWeeks: number;
    weeksWithGuidance: number;
    meetsTargets: boolean;
    prorated?: { days: number; collectiveActivityDays: number };
  };
  type PairingView = {
    activityTargets: { guidanceDaysPerWeek: number; collectiveActivityDaysPerMonth: number };
    activitiesByMonth: Month[];
  };
  const monthsOf = async (pairingId: string, year: number) => {
    const reply = await admin().get<PairingView>(`/pairings/${pairingId}`);
    expect(reply.status).toBe(200);
    const { activityTargets, activitiesByMonth } = reply.body;
    return activitiesByMonth
      .filter((m) => m.month.startsWith(`${year}-`))
      .map((m) => ({
        ...m,
        meetsGuidance: m.guidanceWeeks > 0 && m.weeksWithGuidance === m.guidanceWeeks,
        meetsCollective:
          m.collectiveActivityDays >=
          (m.prorated?.collectiveActivityDays ?? activityTargets.collectiveActivityDaysPerMonth),
      }));
  };

  beforeAll(async () => {
    api = await startApi();
    await ok('/organizations', organ('o-pm', 'party_mass'));
    for (const id of ['v-mid', 'v-end', 'v-last']) await ok('/organizations', village(id, 'T01'));
    const override = { principleOverrideReason: '就近结对' };
    // Starts on Wednesday 15 January: January (17 of 31 days) asks the weeks from the 13th, 20th
    // and 27th, and 2 collective days.
    await ok('/pairings', pairing('p-mid', 'o-pm', 'v-mid', '2025-01-15', override));
    await log('p-mid', 'guidance_day', ['2025-01-17', '2025-01-20', '2025-01-27']);
    await log('p-mid', 'collective_activity_day', ['2025-01-16', '2025-01-23']);
    await log('p-mid', 'guidance_day', ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24']);
    await log('p-mid', 'collective_activity_day', ['2025-02-05', '2025-02-12', '2025-02-19']);
    await log('p-mid', 'guidance_day', ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']);
    await log('p-mid', 'guidance_day', ['2025-03-31']);
    await log('p-mid', 'collective_activity_day', ['2025-03-05', '2025-03-12']);
    // Dissolved on Saturday 4 October: October (4 of 31 days) asks its first week and a day.
    await ok('/pairings', pairing('p-end', 'o-pm', 'v-end', '2025-01-15', override));
    await log('p-end', 'guidance_day', ['2025-10-02']);
    await log('p-end', 'collective_activity_day', ['2025-10-03']);
    await ok('/pairings/p-end/dissolve', { reason: '调整', on: '2025-10-04' });
    // Starts on Monday 31 March: a single day of March asks its week and a day too.
    await ok('/pairings', pairing('p-last', 'o-pm', 'v-last', '2025-03-31', override));
    await log('p-last', 'guidance_day', ['2025-03-31']);
    await log('p-last', 'guidance_day', ['2025-04-07', '2025-04-14', '2025-04-21', '2025-04-28']);
    await log('p-last', 'collective_activity_day', ['2025-04-02', '2025-04-09', '2025-04-16']);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows the prorated months in the pairings: January and October met, a bare 31 March not', async () => {
    const mid = await monthsOf('p-mid', 2025);
    expect(mid[0]).toMatchObject({
      month: '2025-01',
      guidanceDays: 3,
      collectiveActivityDays: 2,
      guidanceWeeks: 3,
      weeksWithGuidance: 3,
      meetsTargets: true,
      prorated: { days: 17, collectiveActivityDays: 2 },
    });
    expect((await monthsOf('p-end', 2025)).at(-1)).toMatchObject({
      month: '2025-10',
      guidanceWeeks: 1,
      meetsTargets: true,
      prorated: { days: 4, collectiveActivityDays: 1 },
    });
    expect((await monthsOf('p-last', 2025))[0]).toMatchObject({
      month: '2025-03',
      guidanceDays: 1,
      collectiveActivityDays: 0,
      guidanceWeeks: 1,
      weeksWithGuidance: 1,
      meetsTargets: false,
      prorated: { days: 1, collectiveActivityDays: 1 },
    });
  });

  it('counts in /reports/activities the pairing-months the pairings show meeting their targets', async () => {
    const months = (
      await Promise.all(['p-mid', 'p-end', 'p-last'].map((id) => monthsOf(id, 2025)))
    ).flat();
    const fromPairings = {
      guidance: months.filter((m) => m.meetsGuidance).length,
      collective: months.filter((m) => m.meetsCollective).length,
      all: months.filter((m) => m.meetsTargets).length,
    };
    const reply = await admin().get<Table>('/reports/activities?year=2025');
    expect(reply.status).toBe(200);
    const row = (type: string) => reply.body.rows.find((r) => r.type === type);
    const fromReport = {
      guidance: row('guidance_day')?.monthsMeetingTarget,
      collective: row('collective_activity_day')?.monthsMeetingTarget,
      all: reply.body.totals.pairingMonthsMeetingAllTargets,
    };
    // Guidance: January to March, October, 31 March and April; collective: January, February,
    // October and April; both: January, February, October and April.
    expect(fromPairings).toEqual({ guidance: 6, collective: 4, all: 4 });
    expect(fromReport).toEqual(fromPairings);
    expect(reply.body.totals).toMatchObject({ monthsMeetingTarget: 10 });
  });
});
