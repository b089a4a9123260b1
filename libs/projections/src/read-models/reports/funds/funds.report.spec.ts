import { project, recorded, reportFor } from '../report-projection.spec-helper';
import { fundsReport } from './funds.report';
import { FUNDS_REPORT_COLLECTION, fundsReportProjection } from './funds-report.projection';

const register = (id: string, township = 'T01', sector = 'village') =>
  recorded('OrganizationRegistered', {
    organizationId: id,
    name: id,
    level: 'branch',
    sector,
    township,
  });
const ref = (
  allocationId: string,
  recipient: string,
  purpose: string,
  year = 2025,
  source = 'county_finance',
) => ({
  allocationId,
  budgetId: `${year}-${source}`,
  year,
  source,
  purpose,
  recipientOrganizationId: recipient,
});
const opened = (a: ReturnType<typeof ref>, amountFen: number) =>
  recorded('AllocationOpened', { ...a, amountFen, decisionRef: '党委会2025-1' });
const disbursed = (a: ReturnType<typeof ref>, amountFen: number, total: number) =>
  recorded('DisbursementRecorded', {
    ...a,
    disbursementId: `d${total}`,
    amountFen,
    on: '2025-04-01',
    ref: 'x',
    disbursedFen: total,
  });
const spent = (a: ReturnType<typeof ref>, amountFen: number, total: number) =>
  recorded('ExpenditureRecorded', {
    ...a,
    expenditureId: `e${total}`,
    amountFen,
    on: '2025-05-01',
    category: '办公',
    receiptRef: 'r',
    spentFen: total,
  });

const table = (events: ReturnType<typeof recorded>[], year = 2025, township?: string) =>
  reportFor(fundsReport, fundsReportProjection, events, { year, township });

describe('funds report read model', () => {
  const a1 = ref('a1', 'v1', 'operating_funds');
  const a2 = ref('a2', 'v2', 'operating_funds');
  const a3 = ref('a3', 'v1', 'service_center', 2025, 'org_dept_award');
  const base = [
    register('v1'),
    register('v2', 'T02'),
    register('o1', 'T00', 'organ'),
    opened(a1, 3_000_000),
    opened(a2, 1_000_000),
    opened(a3, 50_000_000),
    disbursed(a1, 1_000_000, 1_000_000),
    disbursed(a1, 500_000, 1_500_000),
    spent(a1, 700_000, 700_000),
  ];

  it('sums allocated, disbursed and spent per source × purpose, in fen and 万元', () => {
    const { rows, totals } = table(base);
    expect(rows).toEqual([
      expect.objectContaining({
        sourceLabel: '县财政',
        purposeLabel: '村级组织运转经费',
        allocatedFen: 4_000_000,
        disbursedFen: 1_500_000,
        spentFen: 700_000,
        allocatedWanYuan: 4,
        disbursedWanYuan: 1.5,
        spentWanYuan: 0.7,
      }),
      expect.objectContaining({
        source: 'org_dept_award',
        purpose: 'service_center',
        allocatedFen: 50_000_000,
      }),
    ]);
    expect(totals).toEqual(
      expect.objectContaining({ allocatedFen: 54_000_000, allocatedWanYuan: 54 }),
    );
  });

  it('assesses the local standards per recipient: operating funds ≥ 2万, a centre ≥ 60万 when funded', () => {
    const report = table(base);
    expect(report.standards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'operating_funds_min', assessed: 2, met: 1 }),
        expect.objectContaining({ key: 'service_center_min', assessed: 1, met: 0 }),
      ]),
    );
  });

  it('gives the standards as a section of their own, each assessed and met and the standard applied, with their totals', () => {
    const report = table(base);
    expect(report.sections).toEqual([
      {
        key: 'standards',
        title: '经费保障标准达标情况',
        columns: [
          { key: 'label', label: '保障标准' },
          { key: 'assessed', label: '评估对象数' },
          { key: 'met', label: '达标数' },
          { key: 'applied', label: '适用标准' },
        ],
        rows: report.standards,
        totals: {
          label: '合计',
          assessed: report.totals.standardsAssessed,
          met: report.totals.standardsMet,
        },
      },
    ]);
    expect(report.sections![0].rows).toContainEqual({
      key: 'operating_funds_min',
      label: '村级组织运转经费不低于标准',
      assessed: 2,
      met: 1,
      applied: '农村 2万元/年',
    });
    expect(report.totals).toMatchObject({ standardsAssessed: 5, standardsMet: 1 });
  });

  it('assesses a recipient only in a year it existed in, so a village registered later leaves past years alone', () => {
    const late = recorded(
      'OrganizationRegistered',
      { organizationId: 'v9', name: 'v9', level: 'branch', sector: 'village', township: 'T01' },
      { occurredAt: '2026-02-01T02:00:00.000Z' },
    );
    const assessed = (events: ReturnType<typeof recorded>[]) =>
      table(events).standards as { key: string; assessed: number }[];
    expect(assessed([...base, late])).toEqual(assessed(base));
    expect(table([...base, late], 2026).standards).toContainEqual(
      expect.objectContaining({ key: 'operating_funds_min', assessed: 3 }),
    );
  });

  it('applies reductions and cancellations, and counts an allocation in its budget year', () => {
    const events = [
      ...base,
      recorded('AllocationReduced', {
        ...a1,
        amountFen: 1_000_000,
        reason: '调整',
        allocatedFen: 2_000_000,
        releaseId: 'r1',
      }),
      recorded('AllocationCancelled', {
        ...a2,
        reason: '撤销',
        releasedFen: 1_000_000,
        releaseId: 'r2',
      }),
      opened(ref('a4', 'v1', 'training', 2026), 9_999),
    ];
    expect(table(events).totals.allocatedFen).toBe(52_000_000);
    expect(table(events, 2026).totals.allocatedFen).toBe(9_999);
  });

  it('filters by the recipient township and is unchanged when a batch is replayed', () => {
    expect(table(base, 2025, 'T02').totals.allocatedFen).toBe(1_000_000);
    const once = project(fundsReportProjection, base);
    expect([...project(fundsReportProjection, base, new Map(once)).entries()]).toEqual([
      ...once.entries(),
    ]);
  });

  it('keeps a recipient document about the same size however many allocations it receives', () => {
    const many = Array.from({ length: 200 }, (_, i) => opened(ref(`m${i}`, 'v1', 'training'), 100));
    const size = (events: ReturnType<typeof recorded>[]) =>
      JSON.stringify(project(fundsReportProjection, events).get(`${FUNDS_REPORT_COLLECTION}/v1`))
        .length;
    // Only the sums' digits grow: 200 allocations kept one by one would add kilobytes.
    expect(size([...base, ...many])).toBeLessThan(size([...base, ...many.slice(0, 1)]) + 8);
    const rows = table([...base, ...many]).rows;
    expect(rows.find((row) => row.purpose === 'training')).toMatchObject({ allocatedFen: 20_000 });
  });
});
