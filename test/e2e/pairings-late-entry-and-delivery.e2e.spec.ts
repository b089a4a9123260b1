import { addDays } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

/** Business dates are Asia/Shanghai dates (UTC+8), as the server's. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

const register = (id: string, sector: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 党支部`,
  level: 'branch',
  sector,
  township: 'T01',
  ...extra,
});
const pairing = (urban: string, rural: string, startsOn: string, endsOn: string) => ({
  urbanOrganizationId: urban,
  ruralOrganizationId: rural,
  contactLeader: { name: '王强', title: '部长' },
  startsOn,
  endsOn,
  commitments: { fundsFen: 10_000_000, projects: 1, activists: 2 },
});

describe('late entry and delivery against commitments over HTTP (issue 13)', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const activitiesOf = async (pairingId: string) =>
    (await api.store.readStream(`pairing-${pairingId}`)).filter((e) => e.type === 'ActivityLogged');

  let endedRecently: string;
  let endedLongAgo: string;
  let running: string;

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      register('o-econ', 'organ', { departmentKind: 'other' }),
      register('v-a', 'village'),
      register('v-b', 'village'),
      register('v-c', 'village'),
      register('v-other', 'village'),
    ]) {
      expect((await admin().post('/organizations', body)).status).toBe(201);
    }
    const pair = async (rural: string, startsOn: string, endsOn: string) => {
      const reply = await admin().post('/pairings', pairing('o-econ', rural, startsOn, endsOn));
      expect(reply.status).toBe(201);
      return reply.body.id as string;
    };
    // Ended 20 days ago: inside the default 60 days of grace.
    endedRecently = await pair('v-a', addDays(today, -400), addDays(today, -20));
    // Ended 61 days ago: the grace has passed.
    endedLongAgo = await pair('v-b', addDays(today, -400), addDays(today, -61));
    running = await pair('v-c', addDays(today, -30), addDays(today, 700));
    expect(
      (await admin().post('/budgets', { year, source: 'county_finance', amountFen: 50_000_000 }))
        .status,
    ).toBe(201);
  });
  afterAll(() => api.close());

  it('an activity of the term entered after it ended is accepted within the grace, marked entered late', async () => {
    const reply = await admin().post(`/pairings/${endedRecently}/activities`, {
      type: 'collective_activity_day',
      date: addDays(today, -25),
      participants: 30,
      summary: '年终集体活动日',
    });
    expect(reply.status).toBe(201);
    const [logged] = await activitiesOf(endedRecently);
    expect(logged.data).toMatchObject({ enteredLate: true, date: addDays(today, -25) });
    const view = await admin().get(`/pairings/${endedRecently}`);
    expect(view.body).toMatchObject({ status: 'expired', lateEntries: 1 });
  });

  it('the same activity once the grace has passed is refused with PAIRING_NOT_ACTIVE, writing nothing', async () => {
    const reply = await admin().post(`/pairings/${endedLongAgo}/activities`, {
      type: 'collective_activity_day',
      date: addDays(today, -70),
      participants: 30,
      summary: '集体活动日',
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: 'PAIRING_NOT_ACTIVE', status: 422 });
    expect(JSON.stringify(reply.body)).not.toMatch(/at \S+\.ts:\d+/);
    expect(await activitiesOf(endedLongAgo)).toEqual([]);
  });

  it('a training with its trainees by kind, and a 座谈 (seed 002), are logged', async () => {
    const training = await admin().post(`/pairings/${running}/activities`, {
      type: 'training',
      date: addDays(today, -2),
      participants: 40,
      summary: '农村实用技术培训',
      trainees: { members: 10, activists: 2, farmers: 20, doubleLeaders: 5 },
    });
    expect(training.status).toBe(201);
    const symposium = await admin().post(`/pairings/${running}/activities`, {
      type: 'symposium',
      date: addDays(today, -1),
      participants: 12,
      summary: '村党员到机关座谈',
    });
    expect(symposium.status).toBe(201);
    const tooMany = await admin().post(`/pairings/${running}/activities`, {
      type: 'training',
      date: addDays(today, -1),
      participants: 5,
      summary: '培训',
      trainees: { farmers: 6 },
    });
    expect(tooMany.body).toMatchObject({ status: 422, code: 'TRAINEES_EXCEED_PARTICIPANTS' });
    const badKind = await admin().post(`/pairings/${running}/activities`, {
      type: 'training',
      date: addDays(today, -1),
      participants: 5,
      summary: '培训',
      trainees: { visitors: 1 },
    });
    expect(badKind.status).toBe(400);
    const view = await admin().get(`/pairings/${running}`);
    expect(view.body).toMatchObject({
      trainees: { members: 10, activists: 2, farmers: 20, doubleLeaders: 5 },
    });
  });

  it('commitments delivered move when an allocation names the pairing', async () => {
    const before = await admin().get(`/pairings/${running}`);
    expect(before.body).toMatchObject({ delivered: { fundsFen: 0 } });
    const allocated = await admin().post('/allocations', {
      budgetId: `${year}-county_finance`,
      recipientOrganizationId: 'v-c',
      amountFen: 3_000_000,
      purpose: 'project',
      decisionRef: '部务会纪要',
      decisionOn: today,
      pairingId: running,
    });
    expect(allocated.status).toBe(201);
    const after = await admin().get(`/pairings/${running}`);
    expect(after.body).toMatchObject({
      commitments: { fundsFen: 10_000_000 },
      delivered: { fundsFen: 3_000_000, disbursedFen: 0 },
    });
    const disbursed = await admin().post(
      `/allocations/${allocated.body.id as string}/disbursements`,
      {
        amountFen: 1_000_000,
        on: today,
        ref: '拨款单 1',
      },
    );
    expect(disbursed.status).toBe(201);
    expect((await admin().get(`/pairings/${running}`)).body).toMatchObject({
      delivered: { fundsFen: 3_000_000, disbursedFen: 1_000_000 },
    });
  });

  it('an activist who names the pairing cultivating them moves its delivered activists', async () => {
    const person = { name: '赵敏', gender: 'female', birthDate: '1995-05-01', education: '大专' };
    const before = (await admin().get(`/pairings/${running}`)).body as {
      delivered: { activists: number };
    };
    const elsewhere = await admin().post('/members', {
      organizationId: 'v-a',
      appliedOn: addDays(today, -20),
      person,
      pairingId: running,
    });
    expect(elsewhere.body).toMatchObject({ status: 422, code: 'PAIRING_NOT_OF_ORGANIZATION' });
    const applied = await admin().post('/members', {
      organizationId: 'v-c',
      appliedOn: addDays(today, -20),
      person,
      pairingId: running,
    });
    expect(applied.status).toBe(201);
    const member = applied.body.id as string;
    for (const step of [
      { step: 'interview', on: addDays(today, -15) },
      {
        step: 'designate_activist',
        on: addDays(today, -10),
        method: 'member_recommendation',
        resolutionRef: '支委会纪要',
      },
    ]) {
      expect((await admin().post(`/members/${member}/steps`, step)).status).toBe(201);
    }
    expect((await admin().get(`/pairings/${running}`)).body).toMatchObject({
      delivered: { activists: before.delivered.activists + 1 },
    });
  });

  it('an allocation under a pairing is refused for an organization outside it, and after the grace', async () => {
    const outside = await admin().post('/allocations', {
      budgetId: `${year}-county_finance`,
      recipientOrganizationId: 'v-other',
      amountFen: 100,
      purpose: 'project',
      decisionRef: '部务会纪要',
      pairingId: running,
    });
    expect(outside.body).toMatchObject({
      status: 422,
      code: 'ALLOCATION_RECIPIENT_NOT_IN_PAIRING',
    });
    const expired = await admin().post('/allocations', {
      budgetId: `${year}-county_finance`,
      recipientOrganizationId: 'v-b',
      amountFen: 100,
      purpose: 'project',
      decisionRef: '部务会纪要',
      pairingId: endedLongAgo,
    });
    expect(expired.body).toMatchObject({ status: 422, code: 'PAIRING_NOT_ACTIVE' });
    const withinGrace = await admin().post('/allocations', {
      budgetId: `${year}-county_finance`,
      recipientOrganizationId: 'v-a',
      amountFen: 100,
      purpose: 'project',
      decisionRef: '部务会纪要',
      pairingId: endedRecently,
    });
    expect(withinGrace.status).toBe(201);
  });

  it('budgets are reduced, never below what is allocated; decision dates stay in the budget year', async () => {
    const budgetId = `${year}-county_finance`;
    const reduced = await admin().post(`/budgets/${budgetId}/reduce`, {
      amountFen: 40_000_000,
      reason: '年中调减',
    });
    expect(reduced.status).toBe(200);
    const budget = await admin().get(`/budgets/${budgetId}`);
    expect(budget.body).toMatchObject({ poolFen: 10_000_000, reservedFen: 3_000_100 });
    const tooMuch = await admin().post(`/budgets/${budgetId}/reduce`, {
      amountFen: 7_000_000,
      reason: '再调减',
    });
    expect(tooMuch.body).toMatchObject({ status: 422, code: 'BUDGET_REDUCTION_BELOW_ALLOCATED' });
    const operator = await client(api, KEYS.operatorT01).post(`/budgets/${budgetId}/reduce`, {
      amountFen: 1,
      reason: 'x',
    });
    expect(operator.status).toBe(403);
    const oldDecision = await admin().post('/allocations', {
      budgetId,
      recipientOrganizationId: 'v-other',
      amountFen: 100,
      purpose: 'operating_funds',
      decisionRef: '部务会纪要',
      decisionOn: `${year - 2}-06-01`,
    });
    expect(oldDecision.body).toMatchObject({
      status: 422,
      code: 'DECISION_DATE_OUTSIDE_BUDGET_YEAR',
    });
  });
});
