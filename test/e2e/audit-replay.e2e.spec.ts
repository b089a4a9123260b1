import fc from 'fast-check';
import { client, Harness, KEYS, startApi } from './api-harness';

interface Snapshot {
  at: string;
  revision: number;
  state: unknown;
  lastPosition: string;
}

type Step =
  | { kind: 'member-count'; year: number; count: number }
  | { kind: 'collective-income'; year: number; amountFen: number }
  | { kind: 'categories'; categories: string[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('member-count' as const),
    year: fc.integer({ min: 2020, max: 2026 }),
    count: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('collective-income' as const),
    year: fc.integer({ min: 2020, max: 2026 }),
    amountFen: fc.integer({ min: 0, max: 50_000_000 }),
  }),
  fc.record({
    kind: fc.constant('categories' as const),
    categories: fc.subarray(['weak_lax', 'poor', 'industry_demo'], { minLength: 1 }),
  }),
);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('as-of replay against what the live endpoint said', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const inspector = () => client(api, KEYS.inspector);
  const snapshots: Snapshot[] = [];
  const stream = 'organization-v-replay';

  beforeAll(async () => {
    api = await startApi();
    const village = {
      id: 'v-replay',
      name: '回放村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    };
    expect((await admin().post('/organizations', village)).status).toBe(201);
    const steps = fc.sample(step, { numRuns: 25, seed: 14 });
    const live = async () => {
      const reply = await inspector().get<Snapshot & { events: Array<{ position: string }> }>(
        `/audit/streams/${stream}`,
      );
      const at = new Date().toISOString();
      snapshots.push({
        at,
        revision: reply.body.revision,
        state: reply.body.state,
        lastPosition: reply.body.events.at(-1)?.position ?? '',
      });
      await pause(3); // the next event is recorded strictly after `at`
    };
    await live();
    for (const s of steps) {
      const path = `/organizations/v-replay/${s.kind}`;
      const body =
        s.kind === 'categories'
          ? { categories: s.categories, reason: '年度认定' }
          : { ...s, kind: undefined };
      const reply = await admin().post(path, JSON.parse(JSON.stringify(body)));
      expect([200, 201, 422]).toContain(reply.status);
      await live();
    }
  }, 60_000);
  afterAll(() => api.close());

  it('gives, at a random instant the live endpoint was asked, the state it answered then (property)', async () => {
    expect(new Set(snapshots.map((s) => s.revision)).size).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.nat(snapshots.length - 1), async (k) => {
        const then = snapshots[k];
        const replay = await inspector().get(
          `/audit/streams/${stream}?asOf=${encodeURIComponent(then.at)}`,
        );
        expect(replay.status).toBe(200);
        expect({ revision: replay.body.revision, state: replay.body.state }).toEqual({
          revision: then.revision,
          state: then.state,
        });
        const byPosition = await inspector().get(
          `/audit/streams/${stream}?asOfPosition=${then.lastPosition}`,
        );
        expect(byPosition.body.state).toEqual(then.state);
        const byRevision = await inspector().get(
          `/audit/streams/${stream}?asOfRevision=${then.revision}`,
        );
        expect(byRevision.body.state).toEqual(then.state);
      }),
      { numRuns: 40 },
    );
  });

  it('replays on the business-time axis: nothing had happened before, everything by today', async () => {
    const before = await inspector().get(`/audit/streams/${stream}?asOfOccurredAt=2000-01-01`);
    expect(before.body).toMatchObject({ revision: -1, events: [] });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const now = await inspector().get(`/audit/streams/${stream}?asOfOccurredAt=${today}`);
    expect(now.body.state).toEqual(snapshots.at(-1)?.state);
  });
});
