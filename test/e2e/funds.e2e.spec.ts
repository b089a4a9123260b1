import { client, Harness, KEYS, startApi } from './api-harness';
import { shanghaiDate, shanghaiMidnight } from '@gongjian/write-side';

const TODAY = shanghaiDate(new Date().toISOString());
const YEAR = Number(TODAY.slice(0, 4));

const organ = (id: string, township = 'T01') => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township,
});
const village = (id: string, township = 'T01') => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});

type Allocation = {
  id: string;
  budgetId: string;
  year: number;
  source: string;
  recipientOrganizationId: string;
  purpose: string;
  decisionRef: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  status: string;
};
type Budget = {
  id: string;
  poolFen: number;
  reservedFen: number;
  availableFen: number;
  revision: number;
};

describe('funds over HTTP (allocate-funds)', () => {
  let api: Harness;
  let admin: ReturnType<typeof client>;
  let operator: ReturnType<typeof client>;
  const budgetId = (source: string) => `${YEAR}-${source}`;

  beforeAll(async () => {
    api = await startApi();
    admin = client(api, KEYS.admin);
    operator = client(api, KEYS.operatorT01);
    for (const body of [
      organ('fd-organ'),
      village('fd-v1'),
      village('fd-v2'),
      village('fd-v9', 'T09'),
    ]) {
      expect((await admin.post('/organizations', body)).status).toBe(201);
    }
    const pools: Record<string, number> = {
      county_finance: 1_000_000_00,
      org_dept_award: 200_000_00,
      township_subsidy: 50_000_00,
      party_dues: 30_000_00,
    };
    for (const [source, amountFen] of Object.entries(pools)) {
      const reply = await admin.post('/budgets', { year: YEAR, source, amountFen });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({
        id: budgetId(source),
        streamId: `budget-${budgetId(source)}`,
      });
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const allocate = (body: Record<string, unknown>, key = operator) =>
    key.post<Record<string, unknown>>('/allocations', {
      budgetId: budgetId('county_finance'),
      recipientOrganizationId: 'fd-v1',
      purpose: 'service_center',
      decisionRef: '县委组织部部务会纪要 2026-03',
      ...body,
    });

  describe('budgets (county level)', () => {
    it('only admins open and increase budgets; the id names year, source and issuer', async () => {
      const refused = await operator.post('/budgets', {
        year: YEAR,
        source: 'partner_unit',
        amountFen: 1,
      });
      expect(refused.status).toBe(403);
      const withIssuer = await admin.post('/budgets', {
        year: YEAR,
        source: 'partner_unit',
        amountFen: 10_000_00,
        issuerOrganizationId: 'fd-organ',
      });
      expect(withIssuer.status).toBe(201);
      expect(withIssuer.body.id).toBe(`${YEAR}-partner_unit-fd-organ`);
      const increased = await admin.post(`/budgets/${YEAR}-partner_unit-fd-organ/increase`, {
        amountFen: 5_000_00,
        reason: '年中追加',
      });
      expect(increased.status).toBe(200);
      expect(
        (
          await operator.post(`/budgets/${YEAR}-partner_unit-fd-organ/increase`, {
            amountFen: 1,
            reason: 'x',
          })
        ).status,
      ).toBe(403);
      const budget = await client(api, KEYS.inspector).get<Budget>(
        `/budgets/${YEAR}-partner_unit-fd-organ`,
      );
      expect(budget.status).toBe(200);
      expect(budget.body).toMatchObject({ poolFen: 15_000_00, reservedFen: 0 });
    });

    it('a budget opened twice: 422 BUDGET_ALREADY_OPENED; an unknown issuer: 404', async () => {
      const again = await admin.post('/budgets', {
        year: YEAR,
        source: 'county_finance',
        amountFen: 1,
      });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('BUDGET_ALREADY_OPENED');
      const unknownIssuer = await admin.post('/budgets', {
        year: YEAR,
        source: 'department_project',
        amountFen: 1,
        issuerOrganizationId: 'no-such-org',
      });
      expect(unknownIssuer.status).toBe(404);
      expect(unknownIssuer.body.code).toBe('ORGANIZATION_NOT_FOUND');
      expect((await admin.get('/budgets/1999-county_finance')).status).toBe(404);
    });

    it('invalid input: 400 listing each field', async () => {
      const reply = await admin.post<{ errors: { field: string }[] }>('/budgets', {
        year: 1800,
        source: 'lottery',
        amountFen: 1.5,
        extra: 1,
      });
      expect(reply.status).toBe(400);
      expect([...new Set(reply.body.errors.map((e) => e.field))].sort()).toEqual([
        'amountFen',
        'extra',
        'source',
        'year',
      ]);
    });
  });

  describe('allocate, disburse, spend', () => {
    it('allocates from four sources, disburses and spends, and reads the allocation back', async () => {
      const cases = [
        {
          id: 'fd-a-county',
          source: 'county_finance',
          purpose: 'service_center',
          amountFen: 600_000_00,
        },
        {
          id: 'fd-a-award',
          source: 'org_dept_award',
          purpose: 'activity_funds',
          amountFen: 50_000_00,
        },
        {
          id: 'fd-a-township',
          source: 'township_subsidy',
          purpose: 'operating_funds',
          amountFen: 20_000_00,
        },
        {
          id: 'fd-a-dues',
          source: 'party_dues',
          purpose: 'hardship_support',
          amountFen: 10_000_00,
        },
      ];
      for (const c of cases) {
        const created = await allocate({
          id: c.id,
          budgetId: budgetId(c.source),
          purpose: c.purpose,
          amountFen: c.amountFen,
          recipientOrganizationId: c.source === 'township_subsidy' ? 'fd-v2' : 'fd-v1',
        });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          id: c.id,
          streamId: `allocation-${c.id}`,
          revision: 0,
        });
        expect(created.headers.get('etag')).toBe('"0"');
      }

      const disbursed = await operator.post('/allocations/fd-a-county/disbursements', {
        amountFen: 400_000_00,
        on: TODAY,
        ref: '拨款单 017',
      });
      expect(disbursed.status).toBe(201);
      const spent = await operator.post('/allocations/fd-a-county/expenditures', {
        amountFen: 150_000_00,
        on: TODAY,
        category: 'construction',
        receiptRef: 'FP-0042',
      });
      expect(spent.status).toBe(201);

      const view = await client(api, KEYS.inspector).get<Allocation>('/allocations/fd-a-county');
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({
        id: 'fd-a-county',
        budgetId: budgetId('county_finance'),
        year: YEAR,
        source: 'county_finance',
        recipientOrganizationId: 'fd-v1',
        purpose: 'service_center',
        decisionRef: '县委组织部部务会纪要 2026-03',
        allocatedFen: 600_000_00,
        disbursedFen: 400_000_00,
        spentFen: 150_000_00,
        status: 'active',
      });
      const budget = await admin.get<Budget>(`/budgets/${budgetId('county_finance')}`);
      expect(budget.body).toMatchObject({ poolFen: 1_000_000_00, reservedFen: 600_000_00 });
    });

    it('records who acted and the business date in the event metadata', async () => {
      const [disbursement] = (await api.store.readStream('allocation-fd-a-county')).filter(
        (e) => e.type === 'DisbursementRecorded',
      );
      expect(disbursement.metadata.actor).toEqual({
        id: 'operator:e2e operator',
        role: 'operator',
      });
      expect(disbursement.metadata.occurredAt).toBe(shanghaiMidnight(TODAY));
      expect(disbursement.data).toMatchObject({ amountFen: 400_000_00, disbursedFen: 400_000_00 });
      const [reserved] = await api.store.readStream(`budget-${budgetId('county_finance')}`, {
        from: 1,
        limit: 1,
      });
      expect(reserved).toMatchObject({
        type: 'AllocationReserved',
        data: { allocationId: 'fd-a-county', amountFen: 600_000_00 },
      });
      expect(reserved.metadata.commandId).toBe(
        (await api.store.readStream('allocation-fd-a-county'))[0].metadata.commandId,
      );
    });

    it('over the pool: 422 BUDGET_EXCEEDED, and nothing is written', async () => {
      const reply = await allocate({ id: 'fd-a-over', amountFen: 400_000_01 });
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'BUDGET_EXCEEDED' });
      expect(reply.body.details).toMatchObject({ availableFen: 400_000_00 });
      expect(await api.store.readStream('allocation-fd-a-over')).toEqual([]);
    });

    it('disbursed > allocated: 422; spent > disbursed: 422', async () => {
      const over = await operator.post('/allocations/fd-a-county/disbursements', {
        amountFen: 200_000_01,
        on: TODAY,
        ref: '拨款单 018',
      });
      expect(over.status).toBe(422);
      expect(over.body.code).toBe('DISBURSEMENT_EXCEEDS_ALLOCATION');
      const overspent = await operator.post('/allocations/fd-a-county/expenditures', {
        amountFen: 250_000_01,
        on: TODAY,
        category: 'construction',
        receiptRef: 'FP-0043',
      });
      expect(overspent.status).toBe(422);
      expect(overspent.body.code).toBe('EXPENDITURE_EXCEEDS_DISBURSED');
    });

    it('a disbursement dated in the future: 422 DATE_IN_FUTURE', async () => {
      const reply = await operator.post('/allocations/fd-a-county/disbursements', {
        amountFen: 1,
        on: `${YEAR + 1}-12-31`,
        ref: 'x',
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('DATE_IN_FUTURE');
    });

    it('party dues for a purpose they may not fund: 422, before anything is reserved', async () => {
      const before = await admin.get<Budget>(`/budgets/${budgetId('party_dues')}`);
      const reply = await allocate({
        id: 'fd-a-dues-ops',
        budgetId: budgetId('party_dues'),
        purpose: 'operating_funds',
        amountFen: 1_000_00,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('PARTY_DUES_PURPOSE_NOT_PERMITTED');
      const after = await admin.get<Budget>(`/budgets/${budgetId('party_dues')}`);
      expect(after.body.reservedFen).toBe(before.body.reservedFen);
      expect(after.body).toMatchObject({
        revision: (before.body as { revision: number }).revision,
      });
    });

    it('a blank decision reference: 422 DECISION_REF_REQUIRED; unknown budget or recipient: 404', async () => {
      const blank = await allocate({ id: 'fd-a-blank', amountFen: 1, decisionRef: '  ' });
      expect(blank.status).toBe(422);
      expect(blank.body.code).toBe('DECISION_REF_REQUIRED');
      const noBudget = await allocate({ amountFen: 1, budgetId: '1999-county_finance' });
      expect(noBudget.status).toBe(404);
      expect(noBudget.body.code).toBe('BUDGET_NOT_FOUND');
      const noRecipient = await allocate({ amountFen: 1, recipientOrganizationId: 'fd-nobody' });
      expect(noRecipient.status).toBe(404);
      expect(noRecipient.body.code).toBe('ORGANIZATION_NOT_FOUND');
      expect((await admin.get('/allocations/fd-nothing')).status).toBe(404);
      const unknown = await operator.post('/allocations/fd-nothing/disbursements', {
        amountFen: 1,
        on: TODAY,
        ref: 'x',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ALLOCATION_NOT_FOUND');
    });

    it('an operator outside the recipient township: 403 on allocate, on commands and on reads', async () => {
      const outside = await allocate({
        id: 'fd-a-t09',
        recipientOrganizationId: 'fd-v9',
        amountFen: 1,
      });
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('OUT_OF_SCOPE');
      expect(await api.store.readStream('allocation-fd-a-t09')).toEqual([]);
      const byAdmin = await allocate(
        {
          id: 'fd-a-t09',
          budgetId: budgetId('org_dept_award'),
          recipientOrganizationId: 'fd-v9',
          amountFen: 1_000_00,
        },
        admin,
      );
      expect(byAdmin.status).toBe(201);
      const disburse = await operator.post('/allocations/fd-a-t09/disbursements', {
        amountFen: 1,
        on: TODAY,
        ref: 'x',
      });
      expect(disburse.status).toBe(403);
      expect((await operator.get('/allocations/fd-a-t09')).status).toBe(403);
      expect((await client(api, KEYS.inspector).get('/allocations/fd-a-t09')).status).toBe(200);
    });

    it('an inspector may not allocate: 403', async () => {
      const reply = await allocate({ amountFen: 1 }, client(api, KEYS.inspector));
      expect(reply.status).toBe(403);
    });

    it('the same Idempotency-Key twice allocates once', async () => {
      const headers = { 'idempotency-key': 'fd-alloc-once' };
      const body = {
        budgetId: budgetId('org_dept_award'),
        recipientOrganizationId: 'fd-v2',
        purpose: 'training',
        decisionRef: 'D-7',
        amountFen: 1_000_00,
      };
      const first = await operator.post('/allocations', body, headers);
      const again = await operator.post('/allocations', body, headers);
      expect(first.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const budget = await admin.get<Budget & { allocations: { allocationId: string }[] }>(
        `/budgets/${budgetId('org_dept_award')}`,
      );
      expect(budget.body.allocations.filter((a) => a.allocationId === first.body.id)).toHaveLength(
        1,
      );
    });
  });

  describe('reduce and cancel give money back to the pool', () => {
    it('reduce below what was disbursed: 422 REDUCTION_BELOW_DISBURSED', async () => {
      const reply = await operator.post('/allocations/fd-a-county/reduce', {
        amountFen: 200_000_01,
        reason: '核减',
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('REDUCTION_BELOW_DISBURSED');
    });

    it('reduce, then the freed amount can be allocated again', async () => {
      const pool = `/budgets/${budgetId('county_finance')}`;
      const before = await admin.get<Budget>(pool);
      expect(before.body.availableFen).toBe(400_000_00);
      expect((await allocate({ id: 'fd-a-more', amountFen: 500_000_00 })).body.code).toBe(
        'BUDGET_EXCEEDED',
      );

      const reduced = await operator.post('/allocations/fd-a-county/reduce', {
        amountFen: 100_000_00,
        reason: '项目调整核减',
      });
      expect(reduced.status).toBe(200);
      expect(reduced.body).toMatchObject({ id: 'fd-a-county', streamId: 'allocation-fd-a-county' });
      const after = await admin.get<Budget>(pool);
      expect(after.body).toMatchObject({ reservedFen: 500_000_00, availableFen: 500_000_00 });
      expect((await admin.get<Allocation>('/allocations/fd-a-county')).body.allocatedFen).toBe(
        500_000_00,
      );

      const again = await allocate({ id: 'fd-a-more', amountFen: 500_000_00 });
      expect(again.status).toBe(201);
      expect((await admin.get<Budget>(pool)).body).toMatchObject({
        reservedFen: 1_000_000_00,
        availableFen: 0,
      });
    });

    it('cancel releases the whole allocation; a disbursed one cannot be cancelled', async () => {
      const refused = await operator.post('/allocations/fd-a-county/cancel', { reason: '取消' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('CANCEL_AFTER_DISBURSEMENT');

      const pool = `/budgets/${budgetId('township_subsidy')}`;
      expect((await admin.get<Budget>(pool)).body.reservedFen).toBe(20_000_00);
      const cancelled = await operator.post('/allocations/fd-a-township/cancel', {
        reason: '项目取消',
      });
      expect(cancelled.status).toBe(200);
      expect((await admin.get<Budget>(pool)).body.reservedFen).toBe(0);
      expect((await admin.get<Allocation>('/allocations/fd-a-township')).body).toMatchObject({
        status: 'cancelled',
        allocatedFen: 0,
      });
      const afterCancel = await operator.post('/allocations/fd-a-township/disbursements', {
        amountFen: 1,
        on: TODAY,
        ref: 'x',
      });
      expect(afterCancel.status).toBe(422);
      expect(afterCancel.body.code).toBe('ALLOCATION_CANCELLED');
    });

    it('a retried reduction (same Idempotency-Key) releases once', async () => {
      const headers = { 'idempotency-key': 'fd-reduce-once' };
      const pool = `/budgets/${budgetId('party_dues')}`;
      const before = (await admin.get<Budget>(pool)).body.reservedFen;
      const body = { amountFen: 1_000_00, reason: '核减' };
      const first = await operator.post('/allocations/fd-a-dues/reduce', body, headers);
      const again = await operator.post('/allocations/fd-a-dues/reduce', body, headers);
      expect(first.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect((await admin.get<Budget>(pool)).body.reservedFen).toBe(before - 1_000_00);
      const released = (await api.store.readStream(`budget-${budgetId('party_dues')}`)).filter(
        (e) => e.type === 'AllocationReleased',
      );
      expect(released).toHaveLength(1);
      expect(released[0].data).toMatchObject({ releaseId: 'fd-a-dues-r1', amountFen: 1_000_00 });
    });
  });
});
