import { shanghaiMidnight } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

/** Business dates are Asia/Shanghai dates (UTC+8), as the server's. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
/** The year before this one: closed, so everything it holds is dated in the past. */
const PREVIOUS = String(year - 1);

const organization = (id: string, sector: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 党支部`,
  level: 'branch',
  sector,
  township: 'T01',
  // Founded long ago: rated for the previous year.
  registeredOn: `${year - 5}-01-01`,
  ...extra,
});

type Rating = {
  organizationId: string;
  stars: number;
  scoreStars: number;
  limits: { key: string; kind: string; fromStars: number; toStars: number }[];
  indicators: { key: string; value: number; target: number; evidence: string[] }[];
};

async function ratingsOf(api: Harness, period: string, ruleSetId?: string): Promise<Rating[]> {
  const admin = client(api, KEYS.admin);
  const start = await admin.post<{ runId: string }>('/evaluations', {
    period,
    ...(ruleSetId !== undefined && { ruleSetId }),
  });
  expect(start.status).toBe(202);
  let run: Record<string, unknown> = {};
  for (let i = 0; i < 400 && run.status !== 'completed' && run.status !== 'failed'; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 25));
    run = (await admin.get(`/evaluations/${start.body.runId}`)).body;
  }
  expect(run.status).toBe('completed');
  const head = await api.store.headPosition();
  const page = await admin.get<{ items: Rating[] }>(
    `/ratings?period=${period}&minPosition=${head}`,
  );
  return page.body.items;
}

describe('star ratings take the village categories as they stood at the period’s end', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const setCategories = (id: string, body: Record<string, unknown>) =>
    admin().post(`/organizations/${id}/categories`, { reason: '年度研判', ...body });

  beforeAll(async () => {
    api = await startApi();
    for (const id of ['rc-later', 'rc-earlier']) {
      expect((await admin().post('/organizations', organization(id, 'village'))).status).toBe(201);
      expect(
        (await admin().post(`/organizations/${id}/appraisal`, { period: PREVIOUS, score: 100 }))
          .status,
      ).toBe(201);
    }
    // Scored by the appraisal alone, so that both villages earn five stars before any cap.
    const ruleSet = {
      id: 'cap-rs',
      version: 1,
      indicators: [
        { key: 'appraisal', label: '民主评议', kind: 'appraisal_score', maxPoints: 100 },
      ],
      thresholds: [
        { stars: 5, minScore: 90 },
        { stars: 4, minScore: 80 },
        { stars: 3, minScore: 70 },
        { stars: 2, minScore: 60 },
      ],
      fiveStarCap: { maxSharePercent: 100 },
      vetoes: [],
      categoryCaps: [{ category: 'weak_lax', maxStars: 2 }],
    };
    expect((await admin().post('/rule-sets', ruleSet)).status).toBe(201);
  });
  afterAll(() => api.close());

  it('takes `on` as the business date of the categories, never after today', async () => {
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const future = await setCategories('rc-earlier', { categories: ['poor'], on: tomorrow });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ errors: [{ field: 'on' }] });

    const set = await setCategories('rc-earlier', {
      categories: ['weak_lax'],
      on: `${PREVIOUS}-03-01`,
    });
    expect(set.status).toBe(200);
    const [event] = (await api.store.readStream('organization-rc-earlier')).filter(
      (e) => e.type === 'VillageCategoriesSet',
    );
    expect(event.metadata.occurredAt).toBe(shanghaiMidnight(`${PREVIOUS}-03-01`));
    expect(event.data).toMatchObject({ categories: ['weak_lax'] });
  });

  it('rates the previous year by the categories in force at its end: a set made after it does not cap, one removed after it still does', async () => {
    // Removed this year: the village was 软弱涣散 through the whole of the previous year.
    expect((await setCategories('rc-earlier', { categories: [], on: today })).status).toBe(200);
    // Set today, with no date: it takes effect today.
    expect((await setCategories('rc-later', { categories: ['weak_lax'] })).status).toBe(200);
    const current = await admin().get<{ categories: string[] }>('/organizations/rc-later');
    expect(current.body.categories).toEqual(['weak_lax']);

    const ratings = await ratingsOf(api, PREVIOUS, 'cap-rs');
    const byId = new Map(ratings.map((r) => [r.organizationId, r]));

    expect(byId.get('rc-later')).toMatchObject({ scoreStars: 5, stars: 5, limits: [] });
    expect(byId.get('rc-earlier')).toMatchObject({
      scoreStars: 5,
      stars: 2,
      limits: [{ key: 'category_weak_lax', kind: 'category_cap', fromStars: 5, toStars: 2 }],
    });
  });
});

describe('star ratings count the activists delivered under a pairing as the pairing does', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  let pairingId: string;

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      organization('ra-organ', 'organ', { departmentKind: 'other' }),
      organization('ra-v', 'village'),
    ]) {
      expect((await admin().post('/organizations', body)).status).toBe(201);
    }
    const paired = await admin().post('/pairings', {
      urbanOrganizationId: 'ra-organ',
      ruralOrganizationId: 'ra-v',
      contactLeader: { name: '王强', title: '部长' },
      startsOn: `${PREVIOUS}-12-01`,
      endsOn: `${year + 1}-11-30`,
      commitments: { fundsFen: 0, projects: 0, activists: 2 },
    });
    expect(paired.status).toBe(201);
    pairingId = paired.body.id as string;
  });
  afterAll(() => api.close());

  it('gives commitments_delivered 100% for the two activists designated in the term, with their designations as evidence', async () => {
    const person = { name: '赵敏', gender: 'female', birthDate: '1995-05-01', education: '大专' };
    const designations: string[] = [];
    // One names the pairing that cultivates them, the other names none.
    for (const named of [true, false]) {
      const applied = await admin().post('/members', {
        organizationId: 'ra-v',
        appliedOn: `${PREVIOUS}-12-01`,
        person,
        ...(named && { pairingId }),
      });
      expect(applied.status).toBe(201);
      const member = applied.body.id as string;
      for (const step of [
        { step: 'interview', on: `${PREVIOUS}-12-02` },
        {
          step: 'designate_activist',
          on: `${PREVIOUS}-12-05`,
          method: 'member_recommendation',
          resolutionRef: '支委会纪要',
        },
      ]) {
        expect((await admin().post(`/members/${member}/steps`, step)).status).toBe(201);
      }
      const [designated] = (await api.store.readStream(`member-${member}`)).filter(
        (e) => e.type === 'ActivistDesignated',
      );
      designations.push(designated.eventId);
    }
    const view = await admin().get<{ delivered: { activists: number } }>(`/pairings/${pairingId}`);
    expect(view.body.delivered.activists).toBe(2);
    const [pairedEvent] = await api.store.readStream(`pairing-${pairingId}`);

    const ratings = await ratingsOf(api, PREVIOUS);
    const rating = ratings.find((r) => r.organizationId === 'ra-v');
    const indicator = rating?.indicators.find((i) => i.key === 'commitments_delivered');

    expect(indicator).toMatchObject({ value: 100, target: 100 });
    expect(indicator?.evidence).toEqual([pairedEvent.eventId, ...designations]);
  });
});
