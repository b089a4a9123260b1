import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { DecisionRunner } from '@gongjian/write-side';
import { RatingFinalizer } from '../../apps/api/src/modules/ratings/runs/rating-finalizer';
import { RatingRecorder } from '../../apps/api/src/modules/ratings/runs/rating-recorder';
import { client, Harness, KEYS, startApi } from './api-harness';

const PERIOD = String(new Date().getUTCFullYear());
const village = (id: string, township: string) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});

type Rating = {
  organizationId: string;
  period: string;
  township: string;
  score: number;
  scoreCenti: number;
  stars: number | null;
  change: string;
  status: string;
  indicators: { key: string; points: number; pointsCenti: number; evidence: string[] }[];
  improvementPlan?: { nextStars: number; gap: number; items: { missing: number }[] };
};
type Page<T> = { items: T[]; nextCursor: string | null };

describe('star ratings as read over HTTP', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  let ratings: Rating[];

  beforeAll(async () => {
    api = await startApi();
    for (const [id, township] of [
      ['v1', 'T01'],
      ['v2', 'T01'],
      ['v3', 'T02'],
    ]) {
      expect((await admin().post('/organizations', village(id, township))).status).toBe(201);
    }
    await admin().post('/organizations/v1/appraisal', { period: PERIOD, score: 95 });
    await admin().post('/organizations/v2/appraisal', { period: PERIOD, score: 40 });
    const start = await client(api, KEYS.scheduler).post<{ runId: string; position: string }>(
      '/evaluations',
      { period: PERIOD },
    );
    expect(start.status).toBe(202);
    for (let i = 0; i < 400; i++) {
      const run = await admin().get(`/evaluations/${start.body.runId}`);
      if (run.body.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const head = await api.store.headPosition();
    const page = await admin().get<Page<Rating>>(`/ratings?period=${PERIOD}&minPosition=${head}`);
    ratings = page.body.items;
  });
  afterAll(() => api.close());

  it('lists the period’s ratings with readable points that add up to the score', () => {
    expect(ratings.map((r) => r.organizationId)).toEqual(['v1', 'v2', 'v3']);
    for (const rating of ratings) {
      expect(rating).toMatchObject({ period: PERIOD, status: 'provisional', change: 'new' });
      expect(rating.score).toBe(rating.scoreCenti / 100);
      const sum = rating.indicators.reduce((total, i) => total + i.pointsCenti, 0);
      expect(sum).toBe(rating.scoreCenti);
      for (const i of rating.indicators) expect(i.points).toBe(i.pointsCenti / 100);
    }
    expect(ratings[0].score).toBeGreaterThan(ratings[1].score);
  });

  it('filters by township and stars, and keeps operators to their townships', async () => {
    const t02 = await admin().get<Page<Rating>>(`/ratings?period=${PERIOD}&township=T02`);
    expect(t02.body.items.map((r) => r.organizationId)).toEqual(['v3']);
    const stars = ratings[0].stars!;
    const byStars = await admin().get<Page<Rating>>(`/ratings?period=${PERIOD}&stars=${stars}`);
    expect(byStars.body.items.map((r) => r.organizationId)).toEqual(
      ratings.filter((r) => r.stars === stars).map((r) => r.organizationId),
    );
    const operator = client(api, KEYS.operatorT01);
    const own = await operator.get<Page<Rating>>(`/ratings?period=${PERIOD}`);
    expect(own.body.items.map((r) => r.organizationId)).toEqual(['v1', 'v2']);
    expect((await operator.get('/organizations/v3/ratings')).status).toBe(403);
    const invalid = await admin().get('/ratings?stars=9');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
  });

  it('shows a branch’s history with its improvement plan, and its current stars on the organization', async () => {
    const history = await admin().get<Page<Rating>>('/organizations/v2/ratings');
    expect(history.body.items).toHaveLength(1);
    const [rating] = history.body.items;
    expect(rating.indicators.some((i) => i.evidence.length > 0)).toBe(true);
    expect(rating.improvementPlan).toMatchObject({ nextStars: rating.stars! + 1 });
    const organization = await admin().get('/organizations/v2');
    expect(organization.body.rating).toEqual({
      period: PERIOD,
      stars: rating.stars,
      change: 'new',
      status: 'provisional',
    });
    const same = await admin().get<Page<{ id: string }>>(`/organizations?stars=${rating.stars}`);
    expect(same.body.items.map((o) => o.id)).toContain('v2');
    expect((await admin().get('/organizations/nobody/ratings')).status).toBe(404);
  });

  it('lists rule sets from their read model', async () => {
    const list = await admin().get<Page<{ id: string; latestVersion: number }>>('/rule-sets');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: 'county-default', latestVersion: 1 }),
    ]);
    const one = await admin().get<{ versions: { hash: string; ruleSet: object }[] }>(
      '/rule-sets/county-default',
    );
    expect(one.body.versions[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await admin().get('/rule-sets/nobody')).status).toBe(404);
  });

  it('reports the period by township × stars, as JSON and as CSV', async () => {
    const report = await admin().get<{
      rows: Record<string, unknown>[];
      totals: Record<string, number>;
    }>(`/reports/ratings?year=${PERIOD}`);
    expect(report.status).toBe(200);
    expect(report.body.rows.map((r) => r.township)).toEqual(['T01', 'T02']);
    expect(report.body.totals).toMatchObject({ branches: 3, rated: 3, provisional: 3 });
    const byStars = [1, 2, 3, 4, 5].map((s) => report.body.totals[`stars${s}`]);
    expect(byStars).toEqual(
      [1, 2, 3, 4, 5].map((s) => ratings.filter((r) => r.stars === s).length),
    );
    const csv = await fetch(`${api.url}/api/v1/reports/ratings?year=${PERIOD}`, {
      headers: { authorization: `Bearer ${KEYS.admin}`, accept: 'text/csv' },
    });
    expect(await csv.text()).toContain('五星');
  });

  it('removes the stars of a revoked rating everywhere', async () => {
    const revoke = await admin().post<{ position: string }>(`/ratings/v1/${PERIOD}/revoke`, {
      reason: '发生违纪问题',
    });
    expect(revoke.status).toBe(200);
    const [v1] = (await admin().get<Page<Rating>>('/organizations/v1/ratings')).body.items;
    expect(v1).toMatchObject({ stars: null, change: 'revoked', status: 'revoked' });
    const organization = await admin().get('/organizations/v1');
    expect(organization.body.rating).toMatchObject({ stars: null, change: 'revoked' });
  });

  it('finalizes every rating whose public notice is over, leaving the revoked one', async () => {
    const finalizer = new RatingFinalizer(
      api.app.get<ReadModelReader>(READ_MODEL_READER),
      new RatingRecorder(api.app.get(DecisionRunner), 2),
    );
    expect(await finalizer.finalizeDue(new Date())).toEqual({ finalized: 0 });
    const afterNotice = new Date(Date.now() + 6 * 86_400_000);
    expect(await finalizer.finalizeDue(afterNotice)).toEqual({ finalized: 2 });
    const head = await api.store.headPosition();
    const page = await admin().get<Page<Rating>>(`/ratings?period=${PERIOD}&minPosition=${head}`);
    expect(page.body.items.map((r) => [r.organizationId, r.status])).toEqual([
      ['v1', 'revoked'],
      ['v2', 'final'],
      ['v3', 'final'],
    ]);
    expect(await finalizer.finalizeDue(afterNotice)).toEqual({ finalized: 0 });
    expect(await api.store.headPosition()).toBe(head);
  });
});
