import { DEFAULT_RULE_SET } from '@gongjian/evaluation';
import { client, Harness, KEYS, startApi } from './api-harness';

const PERIOD = String(new Date().getUTCFullYear());
const village = (id: string) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township: 'T01',
});

async function completed(api: Harness, runId: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await client(api).get(`/evaluations/${runId}`);
    if (body.status === 'completed' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`run ${runId} did not finish`);
}

const ratedEvents = async (api: Harness, id: string) =>
  (await api.store.readStream(`rating-${id}`)).filter((e) => e.type === 'BranchRated');

describe('evaluation runs over HTTP (in-process jobs)', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);

  beforeAll(async () => {
    api = await startApi();
    for (const id of ['v1', 'v2', 'v3']) {
      expect((await admin().post('/organizations', village(id))).status).toBe(201);
    }
    await admin().post('/organizations/v1/appraisal', { period: PERIOD, score: 90 });
    await admin().post('/organizations/v2/appraisal', { period: PERIOD, score: 60 });
  });
  afterAll(() => api.close());

  it('rates every branch once; running the period again, even after new events, changes nothing', async () => {
    const start = await client(api, KEYS.scheduler).post<{ runId: string }>('/evaluations', {
      period: PERIOD,
    });
    expect(start.status).toBe(202);
    const { runId } = start.body;
    expect(runId).not.toContain(':');
    const run = await completed(api, runId);
    expect(run).toMatchObject({
      status: 'completed',
      period: PERIOD,
      ruleSetId: DEFAULT_RULE_SET.id,
      ruleSetVersion: 1,
      progress: { done: 3, total: 3 },
    });
    const first = await Promise.all(['v1', 'v2', 'v3'].map((id) => ratedEvents(api, id)));
    expect(first.map((events) => events.length)).toEqual([1, 1, 1]);
    const v3 = first[2][0].data as {
      incomplete: boolean;
      indicators: { key: string; missing?: true }[];
    };
    expect(v3.incomplete).toBe(true);
    expect(v3.indicators.find((i) => i.key === 'appraisal_score')).toMatchObject({ missing: true });

    const head = await api.store.headPosition();
    const again = await admin().post<{ runId: string }>('/evaluations', { period: PERIOD });
    expect(again.body.runId).toBe(runId);
    await completed(api, runId);
    expect(await api.store.headPosition()).toBe(head);

    await admin().post('/organizations/v3/appraisal', { period: PERIOD, score: 99 });
    const afterNews = await admin().post<{ runId: string }>('/evaluations', {
      period: PERIOD,
      cutoff: run.cutoffPosition,
    });
    expect(afterNews.body.runId).toBe(runId);
    const later = await Promise.all(['v1', 'v2', 'v3'].map((id) => ratedEvents(api, id)));
    expect(later.map((events) => events.map((e) => e.data))).toEqual(
      first.map((events) => events.map((e) => e.data)),
    );
  });

  it('refuses a rule set whose points do not add up (422) and a malformed one (400)', async () => {
    const broken = structuredClone(DEFAULT_RULE_SET);
    broken.id = 'broken';
    broken.indicators[0].maxPoints = 30;
    const refused = await admin().post('/rule-sets', broken);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'RULE_SET_INVALID' });

    const malformed = await admin().post('/rule-sets', { ...DEFAULT_RULE_SET, version: 'one' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ field: 'version' }] });
    expect((await admin().get('/rule-sets/broken')).status).toBe(404);
  });

  it('takes objections during the notice, revokes once with a reason', async () => {
    const objection = await admin().post(`/ratings/v2/${PERIOD}/objections`, {
      reason: '评议人数统计有误',
    });
    expect(objection.status).toBe(201);
    const notYet = await admin().post(`/ratings/v2/${PERIOD}/finalize`, {});
    expect(notYet.status).toBe(422);
    expect(notYet.body).toMatchObject({ code: 'NOTICE_PERIOD_NOT_OVER' });

    expect(
      (await admin().post(`/ratings/v1/${PERIOD}/revoke`, { reason: '发生违纪' })).status,
    ).toBe(200);
    const twice = await admin().post(`/ratings/v1/${PERIOD}/revoke`, { reason: '再次' });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'RATING_ALREADY_REVOKED' });
    expect((await admin().post(`/ratings/nobody/${PERIOD}/revoke`, { reason: 'x' })).status).toBe(
      404,
    );
  });
});

describe('POST /evaluations with an Idempotency-Key', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);

  beforeAll(async () => {
    api = await startApi();
    expect((await admin().post('/organizations', village('k1'))).status).toBe(201);
  });
  afterAll(() => api.close());

  it('records the run it starts, also when the default rule set is published on the way', async () => {
    const start = await admin().post<{ runId: string }>(
      '/evaluations',
      { period: '2025' },
      { 'idempotency-key': 'first-run' },
    );
    expect(start.status).toBe(202);
    await completed(api, start.body.runId);
    const requested = (await api.store.readStream('evaluation-2025')).filter(
      (e) => e.type === 'EvaluationRequested',
    );
    expect(requested.map((e) => e.data.runId)).toEqual([start.body.runId]);
  });

  it('refuses the key with another request, also after a first use that changed nothing', async () => {
    const run = await admin().post<{ runId: string }>('/evaluations', { period: '2023' });
    await completed(api, run.body.runId);
    // The run of 2023 exists: this request starts nothing, yet its key is now taken.
    const again = await admin().post<{ runId: string }>(
      '/evaluations',
      { period: '2023' },
      { 'idempotency-key': 'second-use' },
    );
    expect([again.status, again.body.runId]).toEqual([202, run.body.runId]);
    const replay = await admin().post(
      '/evaluations',
      { period: '2023' },
      { 'idempotency-key': 'second-use' },
    );
    expect(replay.body).toEqual(again.body);
    const other = await admin().post<{ code: string }>(
      '/evaluations',
      { period: '2024' },
      { 'idempotency-key': 'second-use' },
    );
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await api.store.readStream('evaluation-2024')).toHaveLength(0);
  });
});

describe('a period before the organizations were entered', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('rates the branches registered with an earlier registeredOn, not those registered today', async () => {
    const backdated = { ...village('old-1'), registeredOn: '2019-07-01' };
    expect((await admin().post('/organizations', backdated)).status).toBe(201);
    expect((await admin().post('/organizations', village('new-1'))).status).toBe(201);
    const future = { ...village('later-1'), registeredOn: '2999-01-01' };
    const refused = await admin().post<{ errors: { field: string }[] }>('/organizations', future);
    expect([refused.status, refused.body.errors.map((e) => e.field)]).toEqual([
      400,
      ['registeredOn'],
    ]);
    const start = await admin().post<{ runId: string }>('/evaluations', { period: '2025' });
    const run = await completed(api, start.body.runId);
    expect(run).toMatchObject({ status: 'completed', progress: { done: 1, total: 1 } });
    expect(await ratedEvents(api, 'old-1')).toHaveLength(1);
    expect(await ratedEvents(api, 'new-1')).toHaveLength(0);
  });
});

describe('rating commands name a registered organization in the caller’s townships', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const operator = () => client(api, KEYS.operatorT01);
  const bodies = (id: string): Array<[string, object]> => [
    [`/organizations/${id}/vetoes`, { period: '2025', reason: '违纪' }],
    [`/organizations/${id}/appraisal`, { period: '2025', score: 80 }],
  ];

  beforeAll(async () => {
    api = await startApi();
    expect((await admin().post('/organizations', village('near'))).status).toBe(201);
    const far = { ...village('far'), township: 'T09' };
    expect((await admin().post('/organizations', far)).status).toBe(201);
  });
  afterAll(() => api.close());

  it('is 404 for an organization never registered, writing nothing', async () => {
    for (const [path, body] of bodies('nobody')) {
      const reply = await admin().post<{ code: string }>(path, body);
      expect([path, reply.status, reply.body.code]).toEqual([path, 404, 'ORGANIZATION_NOT_FOUND']);
    }
    expect(await api.store.readStream('rating-nobody')).toHaveLength(0);
  });

  it('lets an operator record vetoes and appraisals in its townships only', async () => {
    for (const [path, body] of bodies('near')) {
      expect([path, (await operator().post(path, body)).status]).toEqual([path, 201]);
    }
    for (const [path, body] of bodies('far')) {
      const reply = await operator().post<{ code: string }>(path, body);
      expect([path, reply.status, reply.body.code]).toEqual([path, 403, 'OUT_OF_SCOPE']);
    }
    expect(await api.store.readStream('rating-far')).toHaveLength(0);
  });
});
