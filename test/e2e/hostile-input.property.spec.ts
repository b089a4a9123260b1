/**
 * Random and hostile requests to every POST route of the API, through the real HTTP app on the
 * embedded store: never a 5xx, every refusal is problem+json, and a refusal writes nothing (the
 * store's head position is unchanged). Bodies are valid ones with a field replaced, removed or
 * added, arbitrary JSON, or raw text that is not JSON at all.
 */
import fc from 'fast-check';
import { DEFAULT_RULE_SET } from '@gongjian/evaluation';
import { shanghaiDate } from '@gongjian/write-side';
import { client, Harness, KEYS, startApi } from './api-harness';
import { rawRequest } from './raw-http';

const TODAY = shanghaiDate(new Date().toISOString());
const YEAR = Number(TODAY.slice(0, 4));
const RUNS_PER_ROUTE = 50;

type Body = Record<string, unknown>;

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u001b[31m',
  'a\r\nb',
  '\u202egnirts',
  '\u2066x\u2069',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  'x'.repeat(10_000),
  '0001-01-01',
  '9999-12-31',
  '2026-02-30',
  '1e999',
  '__proto__',
  '../../etc/passwd',
  '%ff',
  '${jndi:ldap://x}',
  "' OR 1=1 --",
];
const HOSTILE_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  1e12,
  1e12 + 1,
  1e308,
  Number.MIN_VALUE,
];
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '{"a":1e999}',
  '{"amountFen":-1e400}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  deep(50),
  deep(10_000),
  `{${Array.from({ length: 3_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  `[${'1,'.repeat(9_000)}1]`,
  '{"name":"\\ud800"}',
  '\u0000',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values that pass validation, so the command reaches the deciders and their refusals. */
const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 1e12 }),
  fc.integer({ min: 0, max: 100 }),
  fc
    .date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date(`${YEAR + 3}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    'P-V1',
    'P-U1',
    'P-U2',
    'P-NONE',
    'T01',
    'T02',
    '县委组织部',
    'visit',
    'interview',
  ),
  fc.string({ minLength: 1, maxLength: 20 }),
);

type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: fc.oneof(hostileValue, plausibleValue),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      key: hostileText,
      value: hostileValue,
    }),
  },
);

/** Dotted paths of every field, nested ones included. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  const entries = Object.entries(value as Body);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))].filter(
    (p) => p.length,
  );
}

function mutate(base: Body, mutations: Mutation[]): Body {
  const body = structuredClone(base);
  for (const m of mutations) {
    const paths = leafPaths(body);
    if (m.kind === 'add') {
      body[m.key] = m.value;
      continue;
    }
    if (paths.length === 0) continue;
    const path = paths[m.pick % paths.length];
    const parent = path.slice(0, -1).reduce<Body>((o, k) => o[k] as Body, body);
    if (m.kind === 'delete') delete parent[path[path.length - 1]];
    else parent[path[path.length - 1]] = m.value;
  }
  return body;
}

interface Request {
  text: string;
  headers: Record<string, string>;
}

const FRESH_KEY = 'a fresh key';
let keys = 0;

/** Mostly what a client sends; now and then a wrong header of each kind. */
const rarely = <T>(values: T[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...values) },
  );
const headerArbitrary = fc.record({
  key: fc.oneof(
    { weight: 8, arbitrary: fc.constant<string>(KEYS.admin) },
    { weight: 2, arbitrary: fc.constant<string>(KEYS.operatorT01) },
    { weight: 1, arbitrary: fc.constant<string>(KEYS.inspector) },
  ),
  contentType: fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded') },
  ),
  idempotencyKey: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(FRESH_KEY) },
    // One key reused across routes and bodies: after its first use, 422 with nothing written.
    { weight: 1, arbitrary: fc.constant('reused-across-routes') },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(300), 'has space', 'cl\u00e9', '') },
  ),
  ifMatch: rarely(['"0"', '"999"', 'W/"1"', 'garbage', '"-1"']),
  correlationId: rarely(['ok-1', 'x'.repeat(200), 'a b', '<x>']),
});

type HeaderValues = typeof headerArbitrary extends fc.Arbitrary<infer T> ? T : never;

function requestOf(
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string },
  h: HeaderValues,
): Request {
  const headers: Record<string, string> = {
    authorization: `Bearer ${h.key}`,
    'content-type': h.contentType,
  };
  if (h.idempotencyKey !== undefined) {
    headers['idempotency-key'] =
      h.idempotencyKey === FRESH_KEY ? `hostile-${++keys}` : h.idempotencyKey;
  }
  if (h.ifMatch !== undefined) headers['if-match'] = h.ifMatch;
  if (h.correlationId !== undefined) headers['x-correlation-id'] = h.correlationId;
  return {
    text: body.kind === 'raw' ? body.text : (JSON.stringify(body.value) ?? 'null'),
    headers,
  };
}

describe('hostile requests to every POST route (property)', () => {
  let api: Harness;
  let routes: string[];
  const ids: Record<string, string> = {};
  const bases: Record<string, Body> = {};

  beforeAll(async () => {
    api = await startApi();
    const admin = client(api, KEYS.admin);
    const created = async (path: string, body: Body) => {
      const reply = await admin.post(path, body);
      expect({
        path,
        status: reply.status,
        body: reply.status < 300 ? undefined : reply.body,
      }).toEqual({ path, status: reply.status < 300 ? reply.status : 201, body: undefined });
      return reply.body as { id: string };
    };
    const village = { name: '属性村党支部', level: 'branch', sector: 'village', township: 'T01' };
    const organ = {
      name: '属性机关党支部',
      level: 'branch',
      sector: 'organ',
      departmentKind: 'party_mass',
      township: 'T01',
    };
    await created('/organizations', { id: 'P-V1', ...village });
    await created('/organizations', { id: 'P-U1', ...organ });
    await created('/organizations', { id: 'P-U2', ...organ });
    const pairingBody = (urban: string) => ({
      urbanOrganizationId: urban,
      ruralOrganizationId: 'P-V1',
      contactLeader: { name: '王强', title: '部长' },
      startsOn: `${YEAR - 1}-01-01`,
      endsOn: `${YEAR + 2}-12-31`,
      commitments: { fundsFen: 1_000_000, projects: 1, activists: 1 },
      principleOverrideReason: '就近结对',
    });
    ids.pairings = (await created('/pairings', pairingBody('P-U1'))).id;
    const projectBody = {
      pairingId: ids.pairings,
      name: '属性项目',
      category: 'infrastructure',
      plannedInvestmentFen: 1_000_000,
      startsOn: `${YEAR - 1}-06-01`,
    };
    ids.projects = (await created('/projects', projectBody)).id;
    const budgetBody = { year: YEAR, source: 'county_finance', amountFen: 10_000_000 };
    ids.budgets = (await created('/budgets', budgetBody)).id;
    const allocationBody = {
      budgetId: ids.budgets,
      recipientOrganizationId: 'P-V1',
      amountFen: 1_000_000,
      purpose: 'service_center',
      decisionRef: '部务会纪要',
    };
    ids.allocations = (await created('/allocations', allocationBody)).id;
    const person = { name: '李梅', gender: 'female', birthDate: '1995-03-15', education: '大专' };
    const memberBody = { organizationId: 'P-V1', appliedOn: TODAY, person };
    ids.members = (await created('/members', memberBody)).id;
    ids.organizations = 'P-V1';

    Object.assign(bases, {
      '/api/v1/organizations': { ...village, township: 'T01' },
      '/api/v1/organizations/{id}/categories': { categories: ['weak_lax'], reason: '年度研判' },
      '/api/v1/organizations/{id}/collective-income': { year: YEAR - 1, amountFen: 500_000 },
      '/api/v1/organizations/{id}/member-count': { year: YEAR - 1, count: 30, ruralCount: 20 },
      '/api/v1/organizations/{id}/first-secretary': {
        name: '刘洋',
        fromOrganizationId: 'P-U1',
        startsOn: TODAY,
      },
      '/api/v1/organizations/{id}/first-secretary/end': { on: TODAY, reason: '任期届满' },
      '/api/v1/organizations/{id}/work-teams': { leaderName: '赵刚', startsOn: TODAY },
      '/api/v1/organizations/{id}/work-teams/{teamId}/end': { on: TODAY, reason: '轮换' },
      '/api/v1/organizations/{id}/instructors': { name: '陈静', startsOn: TODAY },
      '/api/v1/organizations/{id}/instructors/{instructorId}/end': { on: TODAY, reason: '调任' },
      '/api/v1/pairings': pairingBody('P-U2'),
      '/api/v1/pairings/{id}/activities': {
        type: 'visit',
        date: TODAY,
        participants: 10,
        summary: '走访',
      },
      '/api/v1/pairings/{id}/dissolve': { reason: '调整', on: TODAY },
      '/api/v1/pairings/{id}/renew': { endsOn: `${YEAR + 4}-12-31` },
      '/api/v1/projects': projectBody,
      '/api/v1/projects/{id}/investments': {
        amountFen: 1_000,
        on: TODAY,
        source: 'county_finance',
      },
      '/api/v1/projects/{id}/funding': {
        source: 'enterprise',
        stage: 'secured',
        amountFen: 1_000,
        on: TODAY,
      },
      '/api/v1/projects/{id}/outputs': { kind: 'road', quantity: 10, unit: 'metre', on: TODAY },
      '/api/v1/projects/{id}/complete': { on: TODAY },
      '/api/v1/budgets': { ...budgetBody, source: 'township_subsidy' },
      '/api/v1/budgets/{id}/increase': { amountFen: 1_000, reason: '追加' },
      '/api/v1/budgets/{id}/reduce': { amountFen: 1, reason: '调减' },
      '/api/v1/allocations': allocationBody,
      '/api/v1/allocations/{id}/disbursements': { amountFen: 1_000, on: TODAY, ref: '拨款单' },
      '/api/v1/allocations/{id}/expenditures': {
        amountFen: 1,
        on: TODAY,
        category: 'materials',
        receiptRef: 'FP-1',
      },
      '/api/v1/allocations/{id}/reduce': { amountFen: 1, reason: '调减' },
      '/api/v1/allocations/{id}/cancel': { reason: '撤销' },
      '/api/v1/members': memberBody,
      '/api/v1/members/{id}/steps': { step: 'interview', on: TODAY },
      '/api/v1/audit/anchors': {},
      '/api/v1/rule-sets': { ...DEFAULT_RULE_SET, version: 2 },
      '/api/v1/evaluations': { period: String(YEAR - 1) },
      '/api/v1/organizations/{id}/vetoes': { period: String(YEAR - 1), reason: '发生违纪' },
      '/api/v1/organizations/{id}/appraisal': { period: String(YEAR - 1), score: 80 },
      '/api/v1/ratings/{orgId}/{period}/objections': { reason: '评议人数统计有误' },
      '/api/v1/ratings/{orgId}/{period}/finalize': {},
      '/api/v1/ratings/{orgId}/{period}/revoke': { reason: '发生违纪' },
    });

    const document = (await (await fetch(`${api.url}/docs-json`)).json()) as {
      paths: Record<string, Body>;
    };
    const ending = /\/(dissolve|cancel|complete)$/;
    routes = Object.entries(document.paths)
      .filter(([, item]) => item.post !== undefined)
      .map(([path]) => path)
      // Commands that end a resource go last, so the others still meet a live one.
      .sort((a, b) => Number(ending.test(a)) - Number(ending.test(b)));
  });
  afterAll(() => api.close());

  it('covers every POST route of the document, each with a valid body to start from', () => {
    expect(routes.length).toBeGreaterThanOrEqual(21);
    expect(routes.filter((r) => bases[r] === undefined)).toEqual([]);
  });

  const concrete = (template: string, randomId: string | undefined) =>
    template.replace(
      /\/([a-z-]+)\/\{id\}/,
      (_, collection: string) =>
        `/${collection}/${encodeURIComponent(randomId ?? ids[collection] ?? 'P-NONE')}`,
    );

  it('never answers 5xx, and writes nothing when it refuses', async () => {
    let requests = 0;
    let refusals = 0;
    /** Until the log's head stays put for a moment (bounded): background jobs are done. */
    const logAtRest = async () => {
      let head = await api.store.headPosition();
      for (let i = 0; i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const now = await api.store.headPosition();
        if (now === head) return;
        head = now;
      }
    };
    await logAtRest();
    for (const template of routes) {
      const body = fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .array(mutation, { minLength: 1, maxLength: 3 })
            .map((m) => ({ kind: 'json' as const, value: mutate(bases[template] ?? {}, m) })),
        },
        {
          weight: 2,
          arbitrary: fc
            .jsonValue({ maxDepth: 4 })
            .map((value) => ({ kind: 'json' as const, value })),
        },
        {
          weight: 2,
          arbitrary: fc
            .oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 40 }))
            .map((text) => ({ kind: 'raw' as const, text })),
        },
      );
      const randomId = fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('P-NONE', 'x'.repeat(120), '..', '%00') },
      );
      await fc.assert(
        fc.asyncProperty(body, headerArbitrary, randomId, async (b, h, id) => {
          const request = requestOf(b, h);
          const path = concrete(template, id);
          const before = await api.store.headPosition();
          const reply = await rawRequest(api.url, 'POST', path, request.headers, request.text);
          requests++;
          expect({ path, status: reply.status < 500 ? 'below 500' : reply.text }).toEqual({
            path,
            status: 'below 500',
          });
          // An accepted evaluation runs on in the background: let it finish before the next check.
          if (reply.status < 400 && template === '/api/v1/evaluations') await logAtRest();
          if (reply.status >= 400) {
            refusals++;
            expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(typeof reply.body?.code).toBe('string');
            expect({ path, code: reply.body?.code, head: await api.store.headPosition() }).toEqual({
              path,
              code: reply.body?.code,
              head: before,
            });
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(requests).toBe(routes.length * RUNS_PER_ROUTE);
    expect(refusals).toBeGreaterThan(requests / 2);
  });
});
