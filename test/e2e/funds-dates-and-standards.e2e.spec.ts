import { client, Harness, KEYS, startApi } from './api-harness';
import { shanghaiDate } from '@gongjian/write-side';

const TODAY = shanghaiDate(new Date().toISOString());
const YEAR = Number(TODAY.slice(0, 4));
const LAST_YEAR = YEAR - 1;

const village = (id: string, township = 'T01') => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});

type Standard = { key: string; requiredFen: number; actualFen: number; met: boolean };
type RecipientItem = {
  key: string;
  township?: string;
  sector?: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  remainingFen: number;
  standards: Standard[];
};
type Summary = { year: number; groupBy: string; items: RecipientItem[] };
type FundsReport = { standards: { key: string; assessed: number; met: number }[] };

/** Per standard, how many items are assessed against it and how many meet it. */
function tally(items: RecipientItem[]) {
  const counts = new Map<string, { assessed: number; met: number }>();
  for (const item of items) {
    for (const standard of item.standards) {
      const count = counts.get(standard.key) ?? { assessed: 0, met: 0 };
      count.assessed++;
      if (standard.met) count.met++;
      counts.set(standard.key, count);
    }
  }
  return Object.fromEntries([...counts.entries()].sort());
}
const reported = (report: FundsReport) =>
  Object.fromEntries(
    report.standards
      .map(({ key, assessed, met }) => [key, { assessed, met }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('funds over HTTP: expenditures by date, and the standards of unfunded recipients', () => {
  let api: Harness;
  let admin: ReturnType<typeof client>;
  let operator: ReturnType<typeof client>;

  const allocate = (body: Record<string, unknown>) =>
    operator.post<Record<string, unknown>>('/allocations', {
      decisionRef: '县委组织部部务会纪要',
      ...body,
    });
  const spend = (allocationId: string, amountFen: number, on: string) =>
    operator.post<{ code: string; details: Record<string, unknown> }>(
      `/allocations/${allocationId}/expenditures`,
      { amountFen, on, category: '办公', receiptRef: `FP-${on}` },
    );

  beforeAll(async () => {
    api = await startApi();
    admin = client(api, KEYS.admin);
    operator = client(api, KEYS.operatorT01);
    for (const body of [
      village('fs-v1'),
      village('fs-v2'),
      village('fs-v3'),
      village('fs-v4'),
      village('fs-v9', 'T09'),
      {
        id: 'fs-organ',
        name: 'fs-organ 机关党支部',
        level: 'branch',
        sector: 'organ',
        departmentKind: 'party_mass',
        township: 'T01',
      },
    ]) {
      expect((await admin.post('/organizations', body)).status).toBe(201);
    }
    for (const year of [LAST_YEAR, YEAR]) {
      const opened = await admin.post('/budgets', {
        year,
        source: 'county_finance',
        amountFen: 1_000_000_00,
      });
      expect(opened.status).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('an expenditure is dated within the budget period and after the money was paid out', () => {
    it("refuses money of this year's budget spent before its year, as its disbursements are", async () => {
      const opened = await allocate({
        id: 'fs-a2',
        budgetId: `${YEAR}-county_finance`,
        recipientOrganizationId: 'fs-v3',
        purpose: 'training',
        amountFen: 5_000_00,
      });
      expect(opened.status).toBe(201);
      const early = await operator.post('/allocations/fs-a2/disbursements', {
        amountFen: 1_000_00,
        on: `${LAST_YEAR}-12-31`,
        ref: '拨款单 1',
      });
      expect([early.status, early.body.code]).toEqual([422, 'DISBURSEMENT_OUTSIDE_BUDGET_PERIOD']);
      const paid = await operator.post('/allocations/fs-a2/disbursements', {
        amountFen: 1_000_00,
        on: `${YEAR}-01-01`,
        ref: '拨款单 2',
      });
      expect(paid.status).toBe(201);

      const beforeYear = await spend('fs-a2', 1_000_00, `${LAST_YEAR}-12-15`);
      expect(beforeYear.status).toBe(422);
      expect(beforeYear.body).toMatchObject({
        code: 'EXPENDITURE_OUTSIDE_BUDGET_PERIOD',
        details: { on: `${LAST_YEAR}-12-15`, year: YEAR, from: `${YEAR}-01-01` },
      });
      const yearsBefore = await spend('fs-a2', 1, '2020-01-01');
      expect([yearsBefore.status, yearsBefore.body.code]).toEqual([
        422,
        'EXPENDITURE_OUTSIDE_BUDGET_PERIOD',
      ]);
      expect((await admin.get('/allocations/fs-a2')).body).toMatchObject({
        disbursedFen: 1_000_00,
        spentFen: 0,
      });
    });

    it('refuses money spent before it was disbursed and accepts it dated after', async () => {
      const opened = await allocate({
        id: 'fs-a1',
        budgetId: `${LAST_YEAR}-county_finance`,
        recipientOrganizationId: 'fs-v3',
        purpose: 'training',
        amountFen: 5_000_00,
      });
      expect(opened.status).toBe(201);
      const paid = await operator.post('/allocations/fs-a1/disbursements', {
        amountFen: 3_000_00,
        on: `${LAST_YEAR}-06-01`,
        ref: '拨款单 3',
      });
      expect(paid.status).toBe(201);

      const beforePaid = await spend('fs-a1', 1_000_00, `${LAST_YEAR}-05-20`);
      expect(beforePaid.status).toBe(422);
      expect(beforePaid.body).toMatchObject({
        code: 'EXPENDITURE_BEFORE_DISBURSEMENT',
        details: {
          on: `${LAST_YEAR}-05-20`,
          disbursedByThenFen: 0,
          spentByThenFen: 0,
          requestedFen: 1_000_00,
        },
      });
      const afterPaid = await spend('fs-a1', 1_000_00, `${LAST_YEAR}-06-02`);
      expect(afterPaid.status).toBe(201);
      expect((await admin.get('/allocations/fs-a1')).body).toMatchObject({
        disbursedFen: 3_000_00,
        spentFen: 1_000_00,
      });
      const events = await api.store.readStream('allocation-fs-a1');
      expect(events.filter((e) => e.type === 'ExpenditureRecorded').map((e) => e.data.on)).toEqual([
        `${LAST_YEAR}-06-02`,
      ]);
    });
  });

  describe('the summary by recipient assesses every organization a standard applies to', () => {
    beforeAll(async () => {
      for (const [id, recipient, amountFen] of [
        ['fs-ops-1', 'fs-v1', 20_000_00],
        ['fs-ops-2', 'fs-v2', 10_000_00],
      ] as const) {
        const opened = await allocate({
          id,
          budgetId: `${YEAR}-county_finance`,
          recipientOrganizationId: recipient,
          purpose: 'operating_funds',
          amountFen,
        });
        expect(opened.status).toBe(201);
      }
    });

    it('lists an unfunded village with zero amounts and its standards not met', async () => {
      const summary = await client(api, KEYS.inspector).get<Summary>(
        `/funds/summary?year=${YEAR}&groupBy=recipient`,
      );
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ year: YEAR, groupBy: 'recipient' });
      const keys = summary.body.items.map((item) => item.key);
      // fs-organ: no standard applies to an organ without its Party members counted.
      expect(keys).toEqual(['fs-v1', 'fs-v2', 'fs-v3', 'fs-v4', 'fs-v9']);
      const unfunded = summary.body.items.find((item) => item.key === 'fs-v4');
      expect(unfunded).toEqual({
        key: 'fs-v4',
        township: 'T01',
        sector: 'village',
        allocatedFen: 0,
        disbursedFen: 0,
        spentFen: 0,
        remainingFen: 0,
        standards: [
          { key: 'operating_funds_min', requiredFen: 20_000_00, actualFen: 0, met: false },
          { key: 'special_benefit_min', requiredFen: 50_000_00, actualFen: 0, met: false },
        ],
      });
      expect(summary.body.items.find((item) => item.key === 'fs-v1')).toMatchObject({
        allocatedFen: 20_000_00,
        standards: expect.arrayContaining([
          expect.objectContaining({ key: 'operating_funds_min', met: true }),
        ]),
      });
    });

    it('agrees with the funds report on who is assessed and who meets each standard', async () => {
      for (const year of [YEAR, LAST_YEAR]) {
        const summary = await admin.get<Summary>(`/funds/summary?year=${year}&groupBy=recipient`);
        const report = await admin.get<FundsReport>(`/reports/funds?year=${year}`);
        expect(report.status).toBe(200);
        expect([year, tally(summary.body.items)]).toEqual([year, reported(report.body)]);
      }
      const thisYear = await admin.get<Summary>(`/funds/summary?year=${YEAR}&groupBy=recipient`);
      expect(tally(thisYear.body.items).operating_funds_min).toEqual({ assessed: 5, met: 1 });
      // Registered this year, so only the village funded last year is assessed for it.
      const lastYear = await admin.get<Summary>(
        `/funds/summary?year=${LAST_YEAR}&groupBy=recipient`,
      );
      expect(lastYear.body.items.map((item) => item.key)).toEqual(['fs-v3']);
    });

    it("keeps to an operator's townships, as the report does", async () => {
      const summary = await operator.get<Summary>(`/funds/summary?year=${YEAR}&groupBy=recipient`);
      expect(summary.status).toBe(200);
      expect(summary.body.items.map((item) => item.key)).toEqual([
        'fs-v1',
        'fs-v2',
        'fs-v3',
        'fs-v4',
      ]);
      const report = await operator.get<FundsReport>(`/reports/funds?year=${YEAR}`);
      expect(tally(summary.body.items)).toEqual(reported(report.body));
      const byTownship = await operator.get<Summary>(
        `/funds/summary?year=${YEAR}&groupBy=township`,
      );
      expect(byTownship.body.items).toEqual([
        expect.objectContaining({ key: 'T01', allocatedFen: 5_000_00 + 20_000_00 + 10_000_00 }),
      ]);
    });
  });
});
