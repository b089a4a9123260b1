import { addMonths, addYears } from '@gongjian/domain';
import { client, Harness, KEYS, Reply, startApi } from './api-harness';

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

const organization = (id: string, township: string, sector = 'village') => ({
  id,
  name: `${id} 党支部`,
  level: 'branch',
  sector,
  ...(sector === 'organ' && { departmentKind: 'party_mass' }),
  township,
});

type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

describe('queries over HTTP, answered from read models', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  let lastPosition = '';
  const command = async (path: string, body: unknown): Promise<Reply> => {
    const reply = await admin().post(path, body);
    expect([path, reply.status]).toEqual([path, expect.any(Number)]);
    expect(reply.status).toBeLessThan(300);
    lastPosition = reply.body.position as string;
    return reply;
  };
  const read = <T = Record<string, unknown>>(path: string, key: string = KEYS.admin) =>
    client(api, key).get<T>(
      `${path}${path.includes('?') ? '&' : '?'}minPosition=${encodeURIComponent(lastPosition)}`,
    );

  beforeAll(async () => {
    api = await startApi();
    for (let i = 0; i < 7; i++) {
      await command('/organizations', organization(`rm-v${i}`, i % 2 === 0 ? 'T01' : 'T09'));
    }
    await command('/organizations', organization('rm-organ', 'T01', 'organ'));
    await command('/organizations/rm-v0/categories', { categories: ['weak_lax'], reason: '研判' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('a command followed by a query with its position as minPosition reads the new state', async () => {
    const reply = await command('/organizations/rm-v2/collective-income', {
      year: year - 1,
      amountFen: 4_000_000,
    });
    const organization = await client(api, KEYS.admin).get(
      `/organizations/rm-v2?minPosition=${encodeURIComponent(reply.body.position as string)}`,
    );
    expect(organization.status).toBe(200);
    expect(organization.body).toMatchObject({
      id: 'rm-v2',
      township: 'T01',
      sector: 'village',
      status: 'active',
      collectiveIncome: { year: year - 1, amountFen: 4_000_000 },
      revision: 1,
    });
    expect(organization.body).not.toHaveProperty('_id');
    expect(organization.body).not.toHaveProperty('state');
  });

  it('lists answer { items, nextCursor } and paging walks every item exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 20; pages++) {
      const reply: Reply<Page> = await read<Page>(
        `/organizations?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...reply.body.items.map((o) => o.id as string));
      cursor = reply.body.nextCursor;
    }
    expect(seen).toEqual(['rm-organ', ...Array.from({ length: 7 }, (_, i) => `rm-v${i}`)].sort());
  });

  it('filters: township, sector, category', async () => {
    const ids = async (query: string) =>
      ((await read<Page>(`/organizations?${query}`)).body.items ?? []).map((o) => o.id);
    expect(await ids('township=T09')).toEqual(['rm-v1', 'rm-v3', 'rm-v5']);
    expect(await ids('sector=organ')).toEqual(['rm-organ']);
    expect(await ids('category=weak_lax')).toEqual(['rm-v0']);
    expect(await ids('township=T01&sector=village')).toEqual(['rm-v0', 'rm-v2', 'rm-v4', 'rm-v6']);
  });

  it('operators read only their townships: lists are filtered, other ids and townships are 403', async () => {
    const list = await read<Page>('/organizations', KEYS.operatorT01);
    expect(list.status).toBe(200);
    expect(list.body.items.map((o) => o.township)).toEqual(list.body.items.map(() => 'T01'));
    expect(list.body.items).toHaveLength(5);
    expect((await read('/organizations/rm-v1', KEYS.operatorT01)).status).toBe(403);
    expect((await read('/organizations?township=T09', KEYS.operatorT01)).status).toBe(403);
    expect((await read('/organizations/rm-v1', KEYS.inspector)).status).toBe(200);
    // Statistics for an organization outside the scope are refused, not answered as zeros.
    const outside = await read<{ code: string }>(
      '/members/statistics?organizationId=rm-v1',
      KEYS.operatorT01,
    );
    expect([outside.status, outside.body.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const inside = await read('/members/statistics?organizationId=rm-v0', KEYS.operatorT01);
    expect(inside.status).toBe(200);
  });

  it('bad query input is a problem+json 400 naming every field; unknown ids are 404', async () => {
    const bad = await read<{ code: string; errors: { field: string }[] }>(
      '/organizations?limit=501&sector=castle&colour=red',
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect([...new Set(bad.body.errors.map((e) => e.field))].sort()).toEqual([
      'colour',
      'limit',
      'sector',
    ]);
    expect((await read('/organizations?limit=0')).status).toBe(400);
    expect((await read('/organizations?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await read('/funds/summary?year=2026&groupBy=colour')).status).toBe(400);
    expect((await read('/funds/summary?groupBy=source')).status).toBe(400);
    const missing = await read<{ code: string }>('/organizations/rm-nobody');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    for (const path of ['/pairings/x', '/projects/x', '/allocations/x', '/members/x']) {
      expect([path, (await read(path)).status]).toEqual([path, 404]);
    }
  });

  it('every list endpoint answers an empty or filled page', async () => {
    for (const path of [
      '/pairings?status=active',
      '/projects?category=infrastructure',
      `/allocations?year=${year}`,
      '/members?overdue=true',
      `/members/statistics?year=${year}`,
      `/funds/summary?year=${year}&groupBy=recipient`,
      '/audit/events?type=OrganizationRegistered',
    ]) {
      const reply = await read(path);
      expect([path, reply.status]).toEqual([path, 200]);
    }
  });

  it('the audit trail is for inspectors and admins, with a Chinese label per event', async () => {
    expect((await read('/audit/events', KEYS.operatorT01)).status).toBe(403);
    const trail = await read<Page>(
      '/audit/events?streamId=organization-rm-v0&limit=500',
      KEYS.inspector,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e) => [e.type, e.typeLabel, e.revision])).toEqual([
      ['OrganizationRegistered', '党组织登记', 0],
      ['VillageCategoriesSet', '村类别认定', 1],
    ]);
    expect(trail.body.items[0]).toMatchObject({
      streamId: 'organization-rm-v0',
      organizationIds: ['rm-v0'],
      actor: { role: 'admin' },
      data: { organizationId: 'rm-v0', township: 'T01' },
    });
  });

  it('a pairing reads right after it is made, and its activities count per month', async () => {
    const startsOn = `${addMonths(today, -2).slice(0, 7)}-01`;
    const paired = await command('/pairings', {
      urbanOrganizationId: 'rm-organ',
      ruralOrganizationId: 'rm-v0',
      contactLeader: { name: '王强', title: '部长' },
      startsOn,
      endsOn: addYears(today, 1),
      commitments: { fundsFen: 1_000_000, projects: 1, activists: 1 },
    });
    const id = paired.body.id as string;
    await command(`/pairings/${id}/activities`, {
      type: 'guidance_day',
      date: startsOn,
      participants: 9,
      summary: '党建指导',
    });
    const pairing = await read(`/pairings/${id}`);
    expect(pairing.status).toBe(200);
    expect(pairing.body).toMatchObject({
      id,
      status: 'active',
      startsOn,
      delivered: { fundsFen: 0, projects: 0, activists: 0 },
    });
    expect(
      (pairing.body.activitiesByMonth as { month: string; guidanceDays: number }[])[0],
    ).toEqual(expect.objectContaining({ month: startsOn.slice(0, 7), guidanceDays: 1 }));
    const byOrganization = await read<Page>('/pairings?organizationId=rm-organ');
    expect(byOrganization.body.items.map((p) => p.id)).toEqual([id]);
  });

  it('no query answers 5xx while projections catch up', async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      admin().post('/organizations', organization(`rm-burst-${i}`, 'T01')),
    );
    const reads = Array.from({ length: 24 }, (_, i) =>
      client(api, KEYS.inspector).get(
        ['/organizations?township=T01', '/audit/events', `/members/statistics`][i % 3],
      ),
    );
    const replies = await Promise.all([...writes, ...reads]);
    for (const reply of replies) expect(reply.status).toBeLessThan(500);
  });
});
