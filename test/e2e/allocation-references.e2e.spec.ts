import { addYears } from '@gongjian/domain';
import { shanghaiDate } from '@gongjian/write-side';
import { client, Harness, KEYS, startApi } from './api-harness';

const today = shanghaiDate(new Date().toISOString());
const YEAR = Number(today.slice(0, 4));
const BUDGET = `${YEAR}-county_finance`;

const organization = (id: string, sector: string, township: string) => ({
  id,
  name: `${id} 党支部`,
  level: 'branch',
  sector,
  ...(sector === 'organ' && { departmentKind: 'economic' }),
  township,
});
const pairing = (id: string, rural: string) => ({
  id,
  urbanOrganizationId: 'ref-organ',
  ruralOrganizationId: rural,
  contactLeader: { name: '王强', title: '部长' },
  startsOn: today,
  endsOn: addYears(today, 2),
  commitments: { fundsFen: 1_000, projects: 1, activists: 1 },
  principleOverrideReason: '县委统筹安排',
});

describe("what an allocation names must exist and lie in the operator's scope", () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const operator = () => client(api, KEYS.operatorT01);
  const allocate = (extra: Record<string, unknown>) =>
    operator().post('/allocations', {
      budgetId: BUDGET,
      recipientOrganizationId: 'ref-v-t01',
      amountFen: 100,
      purpose: 'project',
      decisionRef: '部务会',
      ...extra,
    });
  const reservedFen = async () => (await admin().get(`/budgets/${BUDGET}`)).body.reservedFen;

  beforeAll(async () => {
    api = await startApi();
    const setup: [string, unknown][] = [
      ['/organizations', organization('ref-organ', 'organ', 'T00')],
      ['/organizations', organization('ref-v-t01', 'village', 'T01')],
      ['/organizations', organization('ref-v-t09', 'village', 'T09')],
      ['/pairings', pairing('ref-p-t01', 'ref-v-t01')],
      ['/pairings', pairing('ref-p-t09', 'ref-v-t09')],
      [
        '/projects',
        {
          id: 'ref-prj-t09',
          pairingId: 'ref-p-t09',
          name: '村道硬化',
          category: 'infrastructure',
          plannedInvestmentFen: 1_000,
          startsOn: today,
        },
      ],
      ['/budgets', { year: YEAR, source: 'county_finance', amountFen: 10_000 }],
    ];
    for (const [path, body] of setup) expect((await admin().post(path, body)).status).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  it('an unknown pairing or project: 404 with its code, nothing reserved', async () => {
    const pairingReply = await allocate({ pairingId: 'no-such-pairing' });
    expect([pairingReply.status, pairingReply.body.code]).toEqual([404, 'PAIRING_NOT_FOUND']);
    const projectReply = await allocate({ projectId: 'no-such-project' });
    expect([projectReply.status, projectReply.body.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    expect(await reservedFen()).toBe(0);
  });

  it("a pairing or project of a village outside the operator's townships: 403, nothing reserved", async () => {
    const pairingReply = await allocate({ pairingId: 'ref-p-t09' });
    expect([pairingReply.status, pairingReply.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const projectReply = await allocate({ projectId: 'ref-prj-t09' });
    expect([projectReply.status, projectReply.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(await reservedFen()).toBe(0);
  });

  it('a project of another pairing than the one named: 422', async () => {
    const reply = await admin().post('/allocations', {
      budgetId: BUDGET,
      recipientOrganizationId: 'ref-v-t01',
      amountFen: 100,
      purpose: 'project',
      decisionRef: '部务会',
      pairingId: 'ref-p-t01',
      projectId: 'ref-prj-t09',
    });
    expect([reply.status, reply.body.code]).toEqual([422, 'ALLOCATION_PROJECT_PAIRING_MISMATCH']);
    expect(await reservedFen()).toBe(0);
  });

  it('a pairing in scope: 201', async () => {
    const reply = await allocate({ pairingId: 'ref-p-t01' });
    expect(reply.status).toBe(201);
    expect(await reservedFen()).toBe(100);
  });
});
