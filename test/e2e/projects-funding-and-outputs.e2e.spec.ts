import { addDays } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('project funding and outputs over HTTP (issue 13, seed 001)', () => {
  let api: Harness;
  const operator = () => client(api, KEYS.operatorT01);
  let projectId: string;

  beforeAll(async () => {
    api = await startApi();
    const admin = client(api, KEYS.admin);
    for (const body of [
      {
        id: 'o-x',
        name: '县商务局机关党支部',
        level: 'branch',
        sector: 'organ',
        departmentKind: 'other',
        township: 'T01',
      },
      { id: 'v-x', name: '石桥村党支部', level: 'branch', sector: 'village', township: 'T01' },
    ]) {
      expect((await admin.post('/organizations', body)).status).toBe(201);
    }
    const pairing = await admin.post('/pairings', {
      urbanOrganizationId: 'o-x',
      ruralOrganizationId: 'v-x',
      contactLeader: { name: '李明', title: '局长' },
      startsOn: addDays(today, -90),
      endsOn: addDays(today, 700),
      commitments: { fundsFen: 0, projects: 1, activists: 0 },
    });
    const launched = await operator().post('/projects', {
      pairingId: pairing.body.id,
      name: '村组道路硬化及亮化',
      category: 'infrastructure',
      plannedInvestmentFen: 80_000_000,
      startsOn: addDays(today, -60),
    });
    expect(launched.status).toBe(201);
    projectId = launched.body.id as string;
  });
  afterAll(() => api.close());

  it('records money secured and arrived by source; more arrived than secured is refused', async () => {
    const fund = (body: Record<string, unknown>) =>
      operator().post(`/projects/${projectId}/funding`, { on: addDays(today, -30), ...body });
    expect(
      (await fund({ source: 'enterprise', stage: 'secured', amountFen: 20_000_000 })).status,
    ).toBe(200);
    expect(
      (await fund({ source: 'higher_level', stage: 'secured', amountFen: 30_000_000 })).status,
    ).toBe(200);
    const arrived = await fund({
      source: 'enterprise',
      stage: 'arrived',
      amountFen: 15_000_000,
      ref: '到账凭证 7',
    });
    expect(arrived.status).toBe(200);
    expect(arrived.body).toHaveProperty('fundingId');
    const tooMuch = await fund({ source: 'enterprise', stage: 'arrived', amountFen: 5_000_001 });
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'FUNDING_ARRIVED_EXCEEDS_SECURED' });
    const unknown = await fund({ source: 'lottery', stage: 'secured', amountFen: 1 });
    expect(unknown.status).toBe(400);
    expect((await operator().get(`/projects/${projectId}`)).body).toMatchObject({
      securedFen: 50_000_000,
      arrivedFen: 15_000_000,
      fundingBySource: {
        enterprise: { securedFen: 20_000_000, arrivedFen: 15_000_000 },
        higher_level: { securedFen: 30_000_000, arrivedFen: 0 },
      },
    });
  });

  it('records physical outputs with their units; a unit the kind is not counted in is refused', async () => {
    const output = (body: Record<string, unknown>) =>
      operator().post(`/projects/${projectId}/outputs`, { on: today, ...body });
    expect((await output({ kind: 'road', quantity: 1_500, unit: 'metre' })).status).toBe(200);
    expect((await output({ kind: 'street_light', quantity: 45, unit: 'item' })).status).toBe(200);
    const wrongUnit = await output({ kind: 'toilet', quantity: 2, unit: 'metre' });
    expect(wrongUnit.body).toMatchObject({ status: 422, code: 'OUTPUT_UNIT_NOT_APPLICABLE' });
    const fraction = await output({ kind: 'road', quantity: 1.5, unit: 'metre' });
    expect(fraction.status).toBe(400);
    expect((await operator().get(`/projects/${projectId}`)).body).toMatchObject({
      outputs: [
        { kind: 'road', unit: 'metre', quantity: 1_500 },
        { kind: 'street_light', unit: 'item', quantity: 45 },
      ],
    });
  });
});
