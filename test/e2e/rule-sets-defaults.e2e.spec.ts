import { DEFAULT_RULE_SET, ruleSetHash } from '@gongjian/evaluation';
import { apiMdRuleSetBody } from '../../libs/evaluation/src/testing/rule-set.spec-helper';
import { client, Harness, KEYS, startApi } from './api-harness';

const PERIOD = String(new Date().getUTCFullYear());

const API_MD_BODY = apiMdRuleSetBody();

type RuleSetDocument = { versions: { version: number; hash: string; ruleSet: object }[] };
type Rating = { organizationId: string; ruleSetId: string; stars: number; indicators: object[] };

describe('POST /rule-sets with only the fields API.md names', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);

  beforeAll(async () => {
    api = await startApi();
    const village = { name: 'd1 村党支部', level: 'branch', sector: 'village', township: 'T01' };
    expect((await admin().post('/organizations', { id: 'd1', ...village })).status).toBe(201);
  });
  afterAll(() => api.close());

  it('publishes it with every default filled in, and a run rates with it', async () => {
    const published = await admin().post('/rule-sets', API_MD_BODY);
    expect(published.status).toBe(201);

    const stored = await admin().get<RuleSetDocument>('/rule-sets/probe-rs');
    expect(stored.status).toBe(200);
    const [version] = stored.body.versions;
    expect(version.ruleSet).toEqual({
      ...API_MD_BODY,
      title: 'probe-rs',
      appliesTo: { sectors: ['village'] },
      parts: [{ key: 'total', label: '总分', weightPercent: 100 }],
      indicators: [{ ...API_MD_BODY.indicators[0], part: 'total' }],
      deductions: [],
      thresholds: API_MD_BODY.thresholds.slice(0, 4),
      minimumStars: 1,
      levelQuotas: [],
      categoryCaps: [],
      fiveStarConditions: [],
    });

    const start = await admin().post<{ runId: string }>('/evaluations', {
      period: PERIOD,
      ruleSetId: 'probe-rs',
    });
    expect(start.status).toBe(202);
    let run: Record<string, unknown> = {};
    for (let i = 0; i < 200 && run.status !== 'completed' && run.status !== 'failed'; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      run = (await admin().get(`/evaluations/${start.body.runId}`)).body;
    }
    expect(run).toMatchObject({
      status: 'completed',
      ruleSetId: 'probe-rs',
      ruleSetVersion: 1,
      progress: { done: 1, total: 1 },
    });
    const head = await api.store.headPosition();
    const ratings = await admin().get<{ items: Rating[] }>(
      `/ratings?period=${PERIOD}&minPosition=${head}`,
    );
    expect(ratings.body.items).toEqual([
      expect.objectContaining({
        organizationId: 'd1',
        ruleSetId: 'probe-rs',
        stars: 1,
        indicators: [expect.objectContaining({ key: 'guidance_days', maxPoints: 100 })],
      }),
    ]);
  });

  it('hashes a body that gives every field as before', async () => {
    const full = { ...structuredClone(DEFAULT_RULE_SET), id: 'full-rs' };
    expect((await admin().post('/rule-sets', full)).status).toBe(201);
    const stored = await admin().get<RuleSetDocument>('/rule-sets/full-rs');
    expect(stored.body.versions[0]).toMatchObject({ hash: ruleSetHash(full), ruleSet: full });
  });

  it('documents the body: the six fields required, the others optional', async () => {
    type Schema = { required: string[]; properties: Record<string, unknown> };
    const document = (await (await fetch(`${api.url}/docs-json`)).json()) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: Schema }> } } }
      >;
    };
    const { schema } =
      document.paths['/api/v1/rule-sets'].post.requestBody.content['application/json'];
    expect([...schema.required].sort()).toEqual([
      'fiveStarCap',
      'id',
      'indicators',
      'thresholds',
      'version',
      'vetoes',
    ]);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['title', 'appliesTo', 'parts', 'minimumStars', 'deductions']),
    );
  });

  it('answers 422 RULE_SET_INVALID with the fields in top-level errors', async () => {
    const short = { ...API_MD_BODY, id: 'short-rs' };
    short.indicators = [{ ...API_MD_BODY.indicators[0], maxPoints: 90 }];
    const refused = await admin().post('/rule-sets', short);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const errors = [
      { field: 'indicators', message: 'the items of part total add up to 90, not 100' },
    ];
    expect(refused.body).toMatchObject({ code: 'RULE_SET_INVALID', errors, details: { errors } });
    expect((await admin().get('/rule-sets/short-rs')).status).toBe(404);
  });
});

describe('the built-in default rule set before its first run', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is shown as the first run will publish it, then as published', async () => {
    const before = await admin().get<{ published?: boolean; latestHash: string }>(
      `/rule-sets/${DEFAULT_RULE_SET.id}`,
    );
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      published: false,
      latestVersion: DEFAULT_RULE_SET.version,
      latestHash: ruleSetHash(DEFAULT_RULE_SET),
    });
    expect(await api.store.readStream(`ruleset-${DEFAULT_RULE_SET.id}`)).toHaveLength(0);
    const start = await client(api, KEYS.scheduler).post<{ runId: string; position: string }>(
      '/evaluations',
      { period: PERIOD },
    );
    expect(start.status).toBe(202);
    const after = await admin().get<{ published?: boolean; latestHash: string }>(
      `/rule-sets/${DEFAULT_RULE_SET.id}?minPosition=${start.body.position}`,
    );
    expect(after.body.published).toBeUndefined();
    expect(after.body.latestHash).toBe(before.body.latestHash);
  });
});
