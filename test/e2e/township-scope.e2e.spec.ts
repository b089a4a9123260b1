import { client, Harness, KEYS, startApi } from './api-harness';

/** KEYS.operatorT01 acts in T01 only. */
const organization = (id: string, township: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 党组织`,
  level: 'branch',
  sector: 'village',
  township,
  ...extra,
});

describe('an operator keeps to its townships', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const operator = () => client(api, KEYS.operatorT01);
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      organization('t01-com', 'T01', { level: 'committee', sector: 'township' }),
      organization('t09-com', 'T09', { level: 'committee', sector: 'township' }),
      organization('sc-v1', 'T01'),
      organization('sc-v9', 'T09'),
    ]) {
      expect((await admin().post('/organizations', body)).status).toBe(201);
    }
  });
  afterAll(() => api.close());

  it('does not spend another township’s own budget', async () => {
    const budget = await admin().post('/budgets', {
      year,
      source: 'township_subsidy',
      amountFen: 1_000_000,
      issuerOrganizationId: 't09-com',
    });
    expect(budget.status).toBe(201);
    const refused = await operator().post<{ code: string }>('/allocations', {
      budgetId: budget.body.id,
      recipientOrganizationId: 'sc-v1',
      amountFen: 1_000,
      purpose: 'operating_funds',
      decisionRef: '乡镇党委会议纪要',
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await api.store.readStream(`budget-${budget.body.id as string}`)).toHaveLength(1);
  });

  it('sees the allocations of a county budget to its townships only', async () => {
    const budget = await admin().post('/budgets', {
      year,
      source: 'county_finance',
      amountFen: 10_000_000,
    });
    for (const recipient of ['sc-v1', 'sc-v9']) {
      const allocated = await admin().post('/allocations', {
        budgetId: budget.body.id,
        recipientOrganizationId: recipient,
        amountFen: 100_000,
        purpose: 'operating_funds',
        decisionRef: '县委常委会纪要',
      });
      expect(allocated.status).toBe(201);
    }
    type Budget = { allocations: { recipientOrganizationId: string }[] };
    const path = `/budgets/${budget.body.id as string}`;
    const seen = async (key: string) =>
      (await client(api, key).get<Budget>(path)).body.allocations.map(
        (a) => a.recipientOrganizationId,
      );
    expect(await seen(KEYS.operatorT01)).toEqual(['sc-v1']);
    expect(await seen(KEYS.inspector)).toEqual(['sc-v1', 'sc-v9']);
  });

  it('does not register an organization under a parent of another township', async () => {
    const refused = await operator().post<{ code: string }>(
      '/organizations',
      organization('sc-x', 'T01', { parentId: 'sc-v9' }),
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await api.store.readStream('organization-sc-x')).toHaveLength(0);
    const inside = await operator().post('/organizations', {
      ...organization('sc-y', 'T01'),
      parentId: 't01-com',
    });
    expect(inside.status).toBe(201);
  });
});
