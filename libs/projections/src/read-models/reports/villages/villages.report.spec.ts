import { project, recorded, reportFor } from '../report-projection.spec-helper';
import { collectiveIncomeReport } from './collective-income.report';
import { villagesReport } from './villages.report';
import { villagesReportProjection } from './villages-report.projection';

const at = (date: string) => ({ occurredAt: `${date}T02:00:00.000Z` });
const register = (id: string, township = 'T01', sector = 'village', date = '2024-01-10') =>
  recorded(
    'OrganizationRegistered',
    { organizationId: id, name: id, level: 'branch', sector, township },
    at(date),
  );
const categories = (id: string, list: string[], date: string) =>
  recorded(
    'VillageCategoriesSet',
    {
      organizationId: id,
      categories: list,
      previousCategories: [],
      added: list,
      removed: [],
      reason: '年度认定',
    },
    at(date),
  );
const income = (id: string, year: number, amountFen: number) =>
  recorded('CollectiveIncomeRecorded', { organizationId: id, year, amountFen });
const linked = (id: string, pairingId: string, startsOn: string, endsOn: string) =>
  recorded('PairingLinked', {
    organizationId: id,
    pairingId,
    urbanOrganizationId: 'o1',
    startsOn,
    endsOn,
  });

const villages = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(villagesReport, villagesReportProjection, events, { year, township });
const incomes = (events: ReturnType<typeof recorded>[], year: number, thresholdFen = 5_000_000) =>
  reportFor(
    collectiveIncomeReport,
    villagesReportProjection,
    events,
    { year },
    {
      hollowEconomyThresholdFen: thresholdFen,
      fundingStandards: {} as never,
    },
  );

describe('villages report read model', () => {
  it('keeps no document for organizations that are not villages or communities', () => {
    const organ = register('o1', 'T00', 'organ');
    expect(villagesReportProjection.touches(organ)).toEqual([]);
    expect([...project(villagesReportProjection, [organ, income('o1', 2025, 1)]).keys()]).toEqual(
      [],
    );
  });

  it('counts villages per category as they stood at the end of the year, paired and with a first secretary', () => {
    const events = [
      register('v1'),
      register('v2'),
      register('v3'),
      categories('v1', ['poor', 'weak_lax'], '2024-03-01'),
      categories('v2', ['poor'], '2024-03-01'),
      linked('v1', 'p1', '2024-05-01', '2026-04-30'),
      recorded('FirstSecretaryAssigned', {
        organizationId: 'v2',
        name: '李明',
        startsOn: '2024-06-01',
      }),
    ];
    const table = villages(events, 2024);
    const row = (category: string) => table.rows.find((r) => r.category === category);
    expect(row('poor')).toEqual(
      expect.objectContaining({
        villages: 2,
        paired: 1,
        withFirstSecretary: 1,
        categoryLabel: '贫困村',
      }),
    );
    expect(row('weak_lax')).toEqual(
      expect.objectContaining({ villages: 1, paired: 1, withFirstSecretary: 0 }),
    );
    expect(row('none')).toEqual(expect.objectContaining({ villages: 1, categoryLabel: '未分类' }));
    expect(table.totals).toEqual(
      expect.objectContaining({ villages: 3, paired: 1, withFirstSecretary: 1 }),
    );
  });

  it('keeps a past year when categories are changed later, and places a late entry in its own year', () => {
    const base = [register('v1'), categories('v1', ['poor'], '2024-03-01')];
    const later = [...base, categories('v1', ['industry_demo'], '2025-02-01')];
    expect(villages(later, 2024).rows.map((r) => r.category)).toEqual(['poor']);
    expect(villages(later, 2025).rows.map((r) => r.category)).toEqual(['industry_demo']);
    // Recorded after the 2025 change, dated back in 2024: 2024 changes, 2025 does not.
    const late = [...later, categories('v1', ['weak_lax'], '2024-11-01')];
    expect(villages(late, 2024).rows.map((r) => r.category)).toEqual(['weak_lax']);
    expect(villages(late, 2025).rows.map((r) => r.category)).toEqual(['industry_demo']);
  });

  it('does not count a pairing unlinked before the year began', () => {
    const events = [
      register('v1'),
      linked('v1', 'p1', '2024-05-01', '2026-04-30'),
      recorded(
        'PairingUnlinked',
        { organizationId: 'v1', pairingId: 'p1', urbanOrganizationId: 'o1' },
        at('2024-09-01'),
      ),
    ];
    expect(villages(events, 2024).totals.paired).toBe(1);
    expect(villages(events, 2025).totals.paired).toBe(0);
  });

  it('filters by township and leaves out villages registered after the year', () => {
    const events = [
      register('v1'),
      register('v2', 'T02'),
      register('v3', 'T02', 'village', '2026-01-05'),
    ];
    expect(villages(events, 2025, 'T02').totals.villages).toBe(1);
    expect(villages(events, 2026, 'T02').totals.villages).toBe(2);
  });
});

describe('collective-income report', () => {
  const events = [
    register('v1'),
    register('v2'),
    register('v3'),
    register('v4'),
    register('c1', 'T01', 'community'),
    income('v1', 2025, 4_999_999),
    income('v2', 2025, 5_000_000),
    income('v3', 2025, 60_000_000),
    income('v3', 2024, 1_000_000),
  ];

  it('puts each village in its income band; 空壳村 below the threshold; communities are left out', () => {
    const table = incomes(events, 2025);
    expect(table.rows).toEqual([
      expect.objectContaining({
        township: 'T01',
        villages: 4,
        reported: 3,
        hollow: 1,
        band1: 1,
        band3: 1,
        notReported: 1,
        incomeFen: 69_999_999,
        hollowSharePct: 33.3,
      }),
    ]);
    expect(table.columns.find((c) => c.key === 'hollow')?.label).toBe('空壳村(5万元以下)');
    expect(table.columns.find((c) => c.key === 'band3')?.label).toBe('50万元至100万元');
  });

  it('gives the income in fen as a column after the earlier ones, and the 空壳村 line below the table', () => {
    const table = incomes(events, 2025, 6_000_000);
    const keys = table.columns.map((c) => c.key);
    expect(keys.slice(-3)).toEqual(['incomeWanYuan', 'hollowSharePct', 'incomeFen']);
    expect(table.columns.find((c) => c.key === 'incomeFen')?.label).toBe('集体经济收入合计(分)');
    expect(table.totals).toEqual(
      expect.objectContaining({ incomeFen: 69_999_999, incomeWanYuan: 70 }),
    );
    expect(table.hollowEconomyThresholdFen).toBe(6_000_000);
    expect(table.sections).toEqual([
      {
        key: 'basis',
        title: '统计口径',
        columns: [
          { key: 'label', label: '项目' },
          { key: 'value', label: '数值' },
        ],
        rows: [
          {
            key: 'hollowEconomyThresholdFen',
            label: '空壳村认定线：集体经济收入低于(分)',
            value: 6_000_000,
          },
        ],
      },
    ]);
    expect(
      reportFor(villagesReport, villagesReportProjection, events, { year: 2025 }).sections,
    ).toEqual(incomes(events, 2025, 5_000_000).sections);
  });

  it('counts a village registered later in a past year it has a figure for (a late record)', () => {
    const late = [register('v9', 'T01', 'village', '2026-03-01'), income('v9', 2025, 1_000_000)];
    expect(incomes(late, 2025).totals).toEqual(expect.objectContaining({ villages: 1, hollow: 1 }));
    expect(incomes([late[0]], 2025).totals.villages).toBe(0);
  });

  it('takes the threshold from the options and a correction replaces the year\u2019s figure', () => {
    expect(incomes(events, 2025, 10_000_000).totals.hollow).toBe(2);
    const corrected = [...events, income('v1', 2025, 7_000_000)];
    expect(incomes(corrected, 2025).totals.hollow).toBe(0);
    expect(incomes(corrected, 2024).totals).toEqual(
      expect.objectContaining({ reported: 1, hollow: 1 }),
    );
  });

  it('seed 003: 空壳村 derived from a collective income below 5万 joins the category set by hand, shown as derived', () => {
    const events = [
      register('v1'),
      register('v2'),
      register('v3'),
      categories('v1', ['hollow_economy'], '2025-03-01'),
      income('v2', 2025, 4_999_999),
      income('v3', 2025, 5_000_000),
      income('v1', 2025, 1_000_000),
    ];
    const table = villages(events, 2025);
    const hollow = table.rows.find((r) => r.category === 'hollow_economy');
    expect(hollow).toEqual(
      expect.objectContaining({ township: 'T01', villages: 2, hollowByIncome: 2 }),
    );
    expect(table.rows.find((r) => r.category === 'none')).toEqual(
      expect.objectContaining({ villages: 1, hollowByIncome: null }),
    );
    expect(table.totals).toEqual(expect.objectContaining({ villages: 3, hollowByIncome: 2 }));
    expect(villages(events, 2024).totals).toEqual(expect.objectContaining({ hollowByIncome: 0 }));
  });

  it('issue 13: a first secretary whose assignment ended before the year is not counted in it', () => {
    const events = [
      register('v1'),
      recorded('FirstSecretaryAssigned', {
        organizationId: 'v1',
        name: '李明',
        startsOn: '2023-03-01',
      }),
      recorded('FirstSecretaryEnded', {
        organizationId: 'v1',
        name: '李明',
        startsOn: '2023-03-01',
        endedOn: '2024-12-31',
        reason: '任期届满',
      }),
    ];
    expect(villages(events, 2024).totals.withFirstSecretary).toBe(1);
    expect(villages(events, 2025).totals.withFirstSecretary).toBe(0);
  });

  it('seed 000: villages with a resident work team (驻村工作队) during the year', () => {
    const events = [
      register('v1'),
      register('v2'),
      recorded('ResidentWorkTeamAssigned', {
        organizationId: 'v1',
        teamId: 'wt-1',
        leaderName: '赵刚',
        startsOn: '2025-03-01',
      }),
      recorded('ResidentWorkTeamEnded', {
        organizationId: 'v1',
        teamId: 'wt-1',
        on: '2025-12-31',
        reason: '轮换',
      }),
    ];
    expect(villages(events, 2025).totals.withWorkTeam).toBe(1);
    expect(villages(events, 2026).totals.withWorkTeam).toBe(0);
  });
});
