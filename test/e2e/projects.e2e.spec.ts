import { addDays, addMonths, addYears } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

/** Business dates are Asia/Shanghai dates (UTC+8, no daylight saving), as the server's. */
const shanghaiDate = (instant: number) =>
  new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const today = shanghaiDate(Date.now());
const termStart = addMonths(today, -3);
const termEnd = addYears(today, 2);
const projectStart = addDays(today, -20);

const organ = (id: string, departmentKind: string, township = 'T00') => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind,
  township,
});
const village = (id: string, township = 'T01') => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});

const project = (pairingId: string, extra: Record<string, unknown> = {}) => ({
  pairingId,
  name: '食用菌种植基地',
  category: 'economic_development',
  plannedInvestmentFen: 50_000_000,
  startsOn: projectStart,
  ...extra,
});

describe('projects over HTTP', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const operator = () => client(api, KEYS.operatorT01);

  const pair = async (id: string, urban: string, rural: string) => {
    const reply = await admin().post('/pairings', {
      id,
      urbanOrganizationId: urban,
      ruralOrganizationId: rural,
      contactLeader: { name: '李明', title: '县发改局局长' },
      startsOn: termStart,
      endsOn: termEnd,
      commitments: { fundsFen: 20_000_000, projects: 2, activists: 1 },
    });
    expect(reply.status).toBe(201);
  };

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      organ('org-econ', 'economic'),
      village('v-poor'),
      village('v-poor-2'),
      village('v-far', 'T09'),
    ]) {
      expect((await admin().post('/organizations', body)).status).toBe(201);
    }
    for (const id of ['v-poor', 'v-poor-2', 'v-far']) {
      const reply = await admin().post(`/organizations/${id}/categories`, {
        categories: ['poor'],
        reason: '建档立卡贫困村',
      });
      expect(reply.status).toBe(200);
    }
    await pair('pair-1', 'org-econ', 'v-poor');
    await pair('pair-far', 'org-econ', 'v-far');
    await pair('pair-ended', 'org-econ', 'v-poor-2');
    const dissolved = await admin().post('/pairings/pair-ended/dissolve', {
      reason: '帮扶单位调整',
      on: today,
    });
    expect(dissolved.status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('a project through its life', () => {
    let id: string;
    const launchKey = { 'idempotency-key': 'launch-mushrooms' };

    it('launches (201) and counts the project as delivered on the pairing', async () => {
      const reply = await operator().post('/projects', project('pair-1'), launchKey);
      expect(reply.status).toBe(201);
      id = reply.body.id as string;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(reply.body).toMatchObject({ streamId: `project-${id}`, revision: 0 });
      expect(reply.headers.get('etag')).toBe('"0"');

      const [launched] = await api.store.readStream(`project-${id}`);
      expect(launched.type).toBe('ProjectLaunched');
      expect(launched.metadata.actor).toEqual({ id: 'operator:e2e operator', role: 'operator' });
      const delivered = (await api.store.readStream('pairing-pair-1')).filter(
        (e) => e.type === 'CommitmentDelivered',
      );
      expect(delivered).toHaveLength(1);
      expect(delivered[0].data).toMatchObject({
        kind: 'projects',
        count: 1,
        ref: id,
        on: projectStart,
      });
      expect(delivered[0].metadata.commandId).toBe(launched.metadata.commandId);

      const pairing = await operator().get('/pairings/pair-1');
      expect(pairing.body).toMatchObject({
        commitments: { projects: 2 },
        delivered: { fundsFen: 0, projects: 1, activists: 0 },
      });
    });

    it('a retry with the same Idempotency-Key answers the first reply and counts nothing twice', async () => {
      const first = await api.store.readStream(`project-${id}`);
      const again = await operator().post('/projects', project('pair-1'), launchKey);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id, revision: 0, eventIds: [first[0].eventId] });
      expect(await api.store.readStream(`project-${id}`)).toHaveLength(1);
      expect(
        (await api.store.readStream('pairing-pair-1')).filter(
          (e) => e.type === 'CommitmentDelivered',
        ),
      ).toHaveLength(1);
    });

    it('GET answers the project read shape', async () => {
      const reply = await client(api, KEYS.inspector).get(`/projects/${id}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        id,
        pairingId: 'pair-1',
        name: '食用菌种植基地',
        category: 'economic_development',
        plannedInvestmentFen: 50_000_000,
        investedFen: 0,
        status: 'in_progress',
        startsOn: projectStart,
        revision: 0,
      });
      expect(reply.body.completedOn).toBeUndefined();
    });

    it('records investments (200), dated in business time', async () => {
      const first = await operator().post(`/projects/${id}/investments`, {
        amountFen: 30_000_000,
        on: addDays(today, -10),
        source: 'county_finance',
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id, revision: 1 });
      const second = await operator().post(`/projects/${id}/investments`, {
        amountFen: 12_000_000,
        on: today,
        source: 'township_subsidy',
      });
      expect(second.status).toBe(200);
      const events = await api.store.readStream(`project-${id}`);
      expect(events[1].metadata.occurredAt).toBe(shanghaiMidnight(addDays(today, -10)));
      expect(events[2].data).toMatchObject({ amountFen: 12_000_000, investedFen: 42_000_000 });
      expect((await operator().get(`/projects/${id}`)).body).toMatchObject({
        investedFen: 42_000_000,
        lastInvestmentOn: today,
      });
    });

    it('refuses an investment before the start, in the future, or malformed', async () => {
      const early = await operator().post(`/projects/${id}/investments`, {
        amountFen: 1,
        on: addDays(projectStart, -1),
        source: 'county_finance',
      });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'INVESTMENT_BEFORE_START' });
      const future = await operator().post(`/projects/${id}/investments`, {
        amountFen: 1,
        on: addDays(today, 1),
        source: 'county_finance',
      });
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({ code: 'DATE_IN_FUTURE' });
      const malformed = await operator().post<{ errors: { field: string }[] }>(
        `/projects/${id}/investments`,
        { amountFen: 0, on: today, source: 'lottery' },
      );
      expect(malformed.status).toBe(400);
      expect([...new Set(malformed.body.errors.map((e) => e.field))].sort()).toEqual([
        'amountFen',
        'source',
      ]);
      expect(await api.store.readStream(`project-${id}`)).toHaveLength(3);
    });

    it('completes (200); afterwards a receipt dated by its completion still counts, and no second completion', async () => {
      const completed = await operator().post(`/projects/${id}/complete`, { on: today });
      expect(completed.status).toBe(200);
      expect((await operator().get(`/projects/${id}`)).body).toMatchObject({
        status: 'completed',
        completedOn: today,
        investedFen: 42_000_000,
      });
      // Entered after completion, dated on its day: counts (one dated later is refused, and
      // nothing can be dated after today).
      const late = await operator().post(`/projects/${id}/investments`, {
        amountFen: 100,
        on: today,
        source: 'county_finance',
      });
      expect(late.status).toBe(200);
      expect((await operator().get(`/projects/${id}`)).body).toMatchObject({
        investedFen: 42_000_100,
      });
      const twice = await operator().post(`/projects/${id}/complete`, { on: today });
      expect(twice.status).toBe(422);
      expect(twice.body).toMatchObject({ code: 'PROJECT_ALREADY_COMPLETED' });
      expect(await api.store.readStream(`project-${id}`)).toHaveLength(5);
    });
  });

  describe('refusals', () => {
    it('a start outside the pairing term: 422, nothing written anywhere', async () => {
      const before = (await api.store.readStream('pairing-pair-1')).length;
      const reply = await operator().post(
        '/projects',
        project('pair-1', { id: 'prj-early', startsOn: addDays(termStart, -1) }),
      );
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PROJECT_OUTSIDE_PAIRING_TERM' });
      expect(await api.store.readStream('project-prj-early')).toEqual([]);
      expect(await api.store.readStream('pairing-pair-1')).toHaveLength(before);
    });

    it('a dissolved pairing: 422 PAIRING_NOT_ACTIVE', async () => {
      const reply = await admin().post('/projects', project('pair-ended'));
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PAIRING_NOT_ACTIVE' });
    });

    it('a project id already taken: 422 PROJECT_ALREADY_LAUNCHED', async () => {
      expect((await admin().post('/projects', project('pair-1', { id: 'prj-road' }))).status).toBe(
        201,
      );
      const reply = await admin().post('/projects', project('pair-1', { id: 'prj-road' }));
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PROJECT_ALREADY_LAUNCHED' });
    });

    it('unknown pairing or project: 404', async () => {
      const launch = await operator().post('/projects', project('no-such-pairing'));
      expect(launch.status).toBe(404);
      expect(launch.body).toMatchObject({ code: 'PAIRING_NOT_FOUND' });
      const get = await operator().get('/projects/no-such-project');
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
      const invest = await operator().post('/projects/no-such-project/investments', {
        amountFen: 1,
        on: today,
        source: 'county_finance',
      });
      expect(invest.status).toBe(404);
    });

    it('an operator outside the village township: 403 on launch, commands and GET', async () => {
      const launch = await operator().post('/projects', project('pair-far', { id: 'prj-far' }));
      expect(launch.status).toBe(403);
      expect(launch.body).toMatchObject({ code: 'OUT_OF_SCOPE' });
      expect(await api.store.readStream('project-prj-far')).toEqual([]);

      expect((await admin().post('/projects', project('pair-far', { id: 'prj-far' }))).status).toBe(
        201,
      );
      const invest = await operator().post('/projects/prj-far/investments', {
        amountFen: 1,
        on: today,
        source: 'county_finance',
      });
      expect(invest.status).toBe(403);
      expect((await operator().post('/projects/prj-far/complete', { on: today })).status).toBe(403);
      expect((await operator().get('/projects/prj-far')).status).toBe(403);
      expect((await client(api, KEYS.inspector).get('/projects/prj-far')).status).toBe(200);
      expect(await api.store.readStream('project-prj-far')).toHaveLength(1);
    });

    it('an inspector may not launch: 403', async () => {
      const reply = await client(api, KEYS.inspector).post('/projects', project('pair-1'));
      expect(reply.status).toBe(403);
    });

    it('invalid fields: 400 listing each of them', async () => {
      const reply = await operator().post<{ errors: { field: string }[] }>('/projects', {
        pairingId: 'pair-1',
        name: '',
        category: 'tourism',
        plannedInvestmentFen: 1.5,
        startsOn: '2026-13-01',
      });
      expect(reply.status).toBe(400);
      expect([...new Set(reply.body.errors.map((e) => e.field))].sort()).toEqual([
        'category',
        'name',
        'plannedInvestmentFen',
        'startsOn',
      ]);
    });
  });
});
