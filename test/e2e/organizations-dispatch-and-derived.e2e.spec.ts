import { addDays } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

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

describe('organizations over HTTP: dispatched people, institutions, derived 空壳村 (issue 13)', () => {
  let api: Harness;
  const operator = () => client(api, KEYS.operatorT01);
  const eventTypes = async (organizationId: string) =>
    (await api.store.readStream(`organization-${organizationId}`)).map((e) => e.type);

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      register('o-1', 'organ', { departmentKind: 'party_mass' }),
      register('v-1', 'village'),
      register('v-2', 'village'),
      register('n-1', 'new_economic_social'),
    ]) {
      expect((await operator().post('/organizations', body)).status).toBe(201);
    }
  });
  afterAll(() => api.close());

  it('an agricultural extension centre (事业单位) registers with its department kind and falls under the matching principle', async () => {
    const centre = await operator().post(
      '/organizations',
      register('i-agri', 'institution', { departmentKind: 'agriculture' }),
    );
    expect(centre.status).toBe(201);
    expect((await operator().get('/organizations/i-agri')).body).toMatchObject({
      sector: 'institution',
      departmentKind: 'agriculture',
    });
    const mismatch = await operator().post('/pairings', {
      urbanOrganizationId: 'i-agri',
      ruralOrganizationId: 'v-2',
      contactLeader: { name: '李主任', title: '主任' },
      startsOn: today,
      endsOn: addDays(today, 700),
      commitments: { fundsFen: 0, projects: 0, activists: 0 },
    });
    expect(mismatch.body).toMatchObject({ status: 422, code: 'PRINCIPLE_MISMATCH' });
    const onAnEnterprise = await operator().post(
      '/organizations',
      register('e-1', 'enterprise', { departmentKind: 'economic' }),
    );
    expect(onAnEnterprise.body).toMatchObject({ code: 'DEPARTMENT_KIND_NOT_APPLICABLE' });
  });

  it('a first secretary is replaced, then the assignment ended', async () => {
    const first = await operator().post('/organizations/v-1/first-secretary', {
      name: '李明',
      fromOrganizationId: 'o-1',
      startsOn: addDays(today, -400),
    });
    expect(first.status).toBe(200);
    const wrong = await operator().post('/organizations/v-1/first-secretary', {
      name: '张华',
      startsOn: addDays(today, -30),
      replaces: '王五',
    });
    expect(wrong.body).toMatchObject({ status: 422, code: 'FIRST_SECRETARY_MISMATCH' });
    const replaced = await operator().post('/organizations/v-1/first-secretary', {
      name: '张华',
      startsOn: addDays(today, -30),
      replaces: '李明',
    });
    expect(replaced.status).toBe(200);
    expect((await operator().get('/organizations/v-1')).body).toMatchObject({
      firstSecretary: { name: '张华', startsOn: addDays(today, -30) },
    });
    const ended = await operator().post('/organizations/v-1/first-secretary/end', {
      on: today,
      reason: '任期届满',
    });
    expect(ended.status).toBe(200);
    expect((await operator().get('/organizations/v-1')).body).not.toHaveProperty('firstSecretary');
    const again = await operator().post('/organizations/v-1/first-secretary/end', {
      on: today,
      reason: '任期届满',
    });
    expect(again.body).toMatchObject({ status: 422, code: 'NO_FIRST_SECRETARY' });
    expect((await eventTypes('v-1')).filter((t) => t === 'FirstSecretaryEnded')).toHaveLength(2);
  });

  it('a resident work team is stationed in a village and withdrawn; not in an organ', async () => {
    const team = await operator().post('/organizations/v-1/work-teams', {
      teamId: 'wt-1',
      leaderName: '赵刚',
      memberCount: 3,
      fromOrganizationId: 'o-1',
      startsOn: addDays(today, -100),
    });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ teamId: 'wt-1' });
    const ended = await operator().post('/organizations/v-1/work-teams/wt-1/end', {
      on: today,
      reason: '轮换',
    });
    expect(ended.status).toBe(200);
    expect((await operator().get('/organizations/v-1')).body).toMatchObject({
      workTeams: [{ teamId: 'wt-1', leaderName: '赵刚', endedOn: today, endReason: '轮换' }],
    });
    const unknown = await operator().post('/organizations/v-1/work-teams/wt-9/end', {
      on: today,
      reason: '轮换',
    });
    expect(unknown.body).toMatchObject({ status: 404, code: 'WORK_TEAM_NOT_FOUND' });
    const organ = await operator().post('/organizations/o-1/work-teams', {
      leaderName: '赵刚',
      startsOn: today,
    });
    expect(organ.body).toMatchObject({ status: 422, code: 'SECTOR_NOT_APPLICABLE' });
    const noLeader = await operator().post('/organizations/v-1/work-teams', { startsOn: today });
    expect(noLeader.status).toBe(400);
  });

  it('a Party-building instructor is assigned to a 两新 organization (seed 004)', async () => {
    const assigned = await operator().post('/organizations/n-1/instructors', {
      name: '陈静',
      fromOrganizationId: 'o-1',
      startsOn: addDays(today, -10),
    });
    expect(assigned.status).toBe(201);
    const instructorId = assigned.body.instructorId as string;
    expect((await operator().get('/organizations/n-1')).body).toMatchObject({
      instructors: [{ instructorId, name: '陈静' }],
    });
    const ended = await operator().post(`/organizations/n-1/instructors/${instructorId}/end`, {
      on: addDays(today, -11),
      reason: '调任',
    });
    expect(ended.body).toMatchObject({ status: 422, code: 'END_BEFORE_START' });
  });

  it('seed 003: a village recording less than 5万 of collective income is shown as 空壳村, derived', async () => {
    expect(
      (
        await operator().post('/organizations/v-2/collective-income', {
          year,
          amountFen: 3_000_000,
        })
      ).status,
    ).toBe(200);
    expect((await operator().get('/organizations/v-2')).body).toMatchObject({
      categories: [],
      derivedCategories: [
        { category: 'hollow_economy', from: 'collective_income', year, thresholdFen: 5_000_000 },
      ],
    });
    await operator().post('/organizations/v-2/collective-income', { year, amountFen: 6_000_000 });
    expect((await operator().get('/organizations/v-2')).body).toMatchObject({
      derivedCategories: [],
    });
  });
});
