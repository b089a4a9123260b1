import { addDays, addMonths, addYears } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

/** Business dates are Asia/Shanghai dates (UTC+8, no daylight saving), as the server's. */
const shanghaiDate = (instant: number) =>
  new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const today = shanghaiDate(Date.now());
/** The term starts on the 1st, three months back, so last month lies wholly inside it. */
const termStart = `${addMonths(today, -3).slice(0, 7)}-01`;
const termEnd = addYears(today, 2);
const lastMonth = addMonths(today, -1).slice(0, 7);

/** The Mondays of the weeks (Monday to Sunday) touching a month (YYYY-MM). */
function weeksTouching(month: string): string[] {
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  const mondays: string[] = [];
  for (
    let monday = addDays(first, -((weekday + 6) % 7));
    monday <= last;
    monday = addDays(monday, 7)
  )
    mondays.push(monday);
  return mondays;
}
/** A guidance day in every week touching last month, each on the week's first day in it. */
const weeklyGuidance = weeksTouching(lastMonth).map((monday) =>
  monday < `${lastMonth}-01` ? `${lastMonth}-01` : monday,
);

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

const pairingBody = (urban: string, rural: string, extra: Record<string, unknown> = {}) => ({
  urbanOrganizationId: urban,
  ruralOrganizationId: rural,
  contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
  startsOn: termStart,
  endsOn: termEnd,
  commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
  ...extra,
});

const activity = (type: string, date: string, extra: Record<string, unknown> = {}) => ({
  type,
  date,
  participants: 20,
  summary: `${type} ${date}`,
  ...extra,
});

interface MonthRow {
  month: string;
  guidanceDays: number;
  collectiveActivityDays: number;
  otherActivities: number;
  guidanceWeeks: number;
  weeksWithGuidance: number;
  meetsTargets: boolean;
}

describe('pairings over HTTP', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const operator = () => client(api, KEYS.operatorT01);

  const eventsOf = async (type: string, where: (data: Record<string, unknown>) => boolean) =>
    (await api.store.readAll({ limit: 100_000 })).filter((e) => e.type === type && where(e.data));
  const linksOn = (ruralId: string) =>
    eventsOf('PairingLinked', (d) => d.organizationId === ruralId);

  beforeAll(async () => {
    api = await startApi();
    for (const body of [
      organ('org-pm', 'party_mass'),
      organ('org-econ', 'economic'),
      organ('org-pm-t01', 'party_mass', 'T01'),
      village('v-weak'),
      village('v-poor'),
      village('v-far', 'T09'),
    ]) {
      expect((await admin().post('/organizations', body)).status).toBe(201);
    }
    for (const [id, category] of [
      ['v-weak', 'weak_lax'],
      ['v-poor', 'poor'],
      ['v-far', 'weak_lax'],
    ]) {
      const reply = await admin().post(`/organizations/${id}/categories`, {
        categories: [category],
        reason: '县委组织部排查认定',
      });
      expect(reply.status).toBe(200);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  describe('pairing under the matching principle', () => {
    let matchedId: string;

    it('pairs a 党群 organ with a 软弱涣散 village: 201, an assigned id, the actor in the events', async () => {
      const reply = await operator().post('/pairings', pairingBody('org-pm', 'v-weak'));
      expect(reply.status).toBe(201);
      matchedId = reply.body.id as string;
      expect(matchedId).toMatch(/^[0-9a-f-]{36}$/);
      expect(reply.body).toMatchObject({ streamId: `pairing-${matchedId}`, revision: 0 });
      expect(reply.headers.get('etag')).toBe('"0"');

      const [paired] = await api.store.readStream(`pairing-${matchedId}`);
      expect(paired.type).toBe('BranchPaired');
      expect(paired.metadata.actor).toEqual({ id: 'operator:e2e operator', role: 'operator' });
      const links = await linksOn('v-weak');
      expect(links).toHaveLength(1);
      expect(links[0].data).toMatchObject({ pairingId: matchedId, urbanOrganizationId: 'org-pm' });
      expect(links[0].metadata.commandId).toBe(paired.metadata.commandId);
    });

    it('GET answers the pairing read shape', async () => {
      const reply = await client(api, KEYS.inspector).get(`/pairings/${matchedId}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        id: matchedId,
        urbanOrganizationId: 'org-pm',
        ruralOrganizationId: 'v-weak',
        status: 'active',
        startsOn: termStart,
        endsOn: termEnd,
        principleMatched: true,
        requiredCategory: 'weak_lax',
        contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
        commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
        delivered: { fundsFen: 0, projects: 0, activists: 0 },
        revision: 0,
      });
      expect(reply.body.principleOverrideReason).toBeUndefined();
    });

    it('a mismatch without an override reason: 422 PRINCIPLE_MISMATCH, nothing written', async () => {
      const reply = await operator().post('/pairings', pairingBody('org-econ', 'v-weak'));
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PRINCIPLE_MISMATCH' });
      expect(await linksOn('v-weak')).toHaveLength(1);
      expect(await eventsOf('BranchPaired', (d) => d.urbanOrganizationId === 'org-econ')).toEqual(
        [],
      );
    });

    it('a mismatch with an override reason is recorded as such', async () => {
      const reason = '该村班子软弱，需经济部门帮扶发展集体经济';
      const reply = await operator().post(
        '/pairings',
        pairingBody('org-econ', 'v-weak', { principleOverrideReason: reason }),
      );
      expect(reply.status).toBe(201);
      const pairing = await operator().get(`/pairings/${reply.body.id as string}`);
      expect(pairing.body).toMatchObject({
        principleMatched: false,
        requiredCategory: 'poor',
        principleOverrideReason: reason,
      });
    });

    it('a second active pairing of the same pair: 422 PAIRING_ALREADY_ACTIVE', async () => {
      const reply = await operator().post('/pairings', pairingBody('org-pm', 'v-weak'));
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PAIRING_ALREADY_ACTIVE' });
      expect(reply.body.details).toMatchObject({ existingPairingId: matchedId });
      expect(
        await eventsOf(
          'BranchPaired',
          (d) => d.urbanOrganizationId === 'org-pm' && d.ruralOrganizationId === 'v-weak',
        ),
      ).toHaveLength(1);
    });

    it('the same duplicate sent by 8 parallel requests: exactly one 201, one BranchPaired', async () => {
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          operator().post('/pairings', pairingBody('org-econ', 'v-poor'), {
            'idempotency-key': `parallel-pairing-${i}`,
          }),
        ),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 422, 422, 422, 422, 422, 422, 422]);
      for (const refused of replies.filter((r) => r.status === 422)) {
        expect(refused.body).toMatchObject({ code: 'PAIRING_ALREADY_ACTIVE' });
      }
      const paired = await eventsOf(
        'BranchPaired',
        (d) => d.urbanOrganizationId === 'org-econ' && d.ruralOrganizationId === 'v-poor',
      );
      expect(paired).toHaveLength(1);
      expect(paired[0].data.pairingId).toBe(replies.find((r) => r.status === 201)!.body.id);
      expect(await linksOn('v-poor')).toHaveLength(1);
      expect(await eventsOf('PairingUnlinked', (d) => d.organizationId === 'v-poor')).toEqual([]);
    });

    it('a retry with the same Idempotency-Key answers the first reply; another body is refused', async () => {
      const headers = { 'idempotency-key': 'pair-t01-far' };
      const body = pairingBody('org-pm-t01', 'v-far', { id: 'pair-t01-far' });
      const first = await admin().post('/pairings', body, headers);
      expect(first.status).toBe(201);
      const again = await admin().post('/pairings', body, headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await api.store.readStream('pairing-pair-t01-far')).toHaveLength(1);
      expect(await linksOn('v-far')).toHaveLength(1);

      const reused = await admin().post(
        '/pairings',
        { ...body, endsOn: addDays(termEnd, 1) },
        headers,
      );
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await api.store.readStream('pairing-pair-t01-far')).toHaveLength(1);
    });

    it('a client-chosen id already taken: 422 PAIRING_ALREADY_EXISTS, the link of the other pairing stays', async () => {
      const reply = await admin().post(
        '/pairings',
        pairingBody('org-pm', 'v-far', { id: 'pair-t01-far' }),
      );
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'PAIRING_ALREADY_EXISTS' });
      expect(await linksOn('v-far')).toHaveLength(1);
      expect(await eventsOf('PairingUnlinked', (d) => d.organizationId === 'v-far')).toEqual([]);
    });
  });

  describe('refusals', () => {
    it("the rural side decides the scope: a village outside the operator's townships is 403 even with the urban organization inside", async () => {
      for (const urban of ['org-pm', 'org-pm-t01']) {
        const reply = await operator().post('/pairings', pairingBody(urban, 'v-far'));
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ code: 'OUT_OF_SCOPE' });
      }
      expect(await linksOn('v-far')).toHaveLength(1);
    });

    it('an operator reading a pairing out of scope: 403; an inspector: 200', async () => {
      const created = await admin().post('/pairings', pairingBody('org-pm', 'v-far'));
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect((await operator().get(`/pairings/${id}`)).status).toBe(403);
      expect(
        (await operator().post(`/pairings/${id}/renew`, { endsOn: addDays(termEnd, 30) })).status,
      ).toBe(403);
      expect((await client(api, KEYS.inspector).get(`/pairings/${id}`)).status).toBe(200);
      // The urban organization in T01 does not bring a T09 village's pairing into scope.
      for (const [path, body] of [
        ['activities', activity('visit', today)],
        ['dissolve', { reason: 'x', on: today }],
        ['renew', { endsOn: addDays(termEnd, 30) }],
      ] as const) {
        const reply = await operator().post(`/pairings/pair-t01-far/${path}`, body);
        expect(reply.status).toBe(403);
      }
      expect(await api.store.readStream('pairing-pair-t01-far')).toHaveLength(1);
    });

    it('an inspector may not pair: 403', async () => {
      const reply = await client(api, KEYS.inspector).post(
        '/pairings',
        pairingBody('org-pm', 'v-poor'),
      );
      expect(reply.status).toBe(403);
    });

    it('unknown pairing: 404 on GET and on commands', async () => {
      const get = await operator().get('/pairings/no-such-pairing');
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ code: 'PAIRING_NOT_FOUND' });
      const log = await operator().post(
        '/pairings/no-such-pairing/activities',
        activity('visit', today),
      );
      expect(log.status).toBe(404);
      const dissolve = await operator().post('/pairings/no-such-pairing/dissolve', {
        reason: 'x',
        on: today,
      });
      expect(dissolve.status).toBe(404);
    });

    it('unknown organization: 404 ORGANIZATION_NOT_FOUND, nothing written', async () => {
      const reply = await operator().post('/pairings', pairingBody('org-pm-t01', 'v-ghost'));
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
      // The rural side decides the scope: with no such village, whatever the urban side, 404.
      const outside = await operator().post('/pairings', pairingBody('org-pm', 'v-ghost'));
      expect(outside.status).toBe(404);
      expect(await api.store.readStream('organization-v-ghost')).toEqual([]);
    });

    it('invalid nested fields: 400 listing each of them', async () => {
      const reply = await operator().post<{ errors: { field: string }[] }>('/pairings', {
        ...pairingBody('org-pm', 'v-poor'),
        contactLeader: { title: '' },
        commitments: { fundsFen: -1, projects: 1.5, activists: 1, extra: 1 },
        endsOn: '2026-02-30',
      });
      expect(reply.status).toBe(400);
      const fields = [...new Set(reply.body.errors.map((e) => e.field))].sort();
      expect(fields).toEqual([
        'commitments.extra',
        'commitments.fundsFen',
        'commitments.projects',
        'contactLeader.name',
        'contactLeader.title',
        'endsOn',
      ]);
    });

    it('a pairing of two organs: 422 NOT_A_RURAL_ORGANIZATION', async () => {
      const reply = await admin().post('/pairings', pairingBody('org-pm', 'org-econ'));
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'NOT_A_RURAL_ORGANIZATION' });
    });
  });

  describe('activities, renewal and dissolution', () => {
    let id: string;

    beforeAll(async () => {
      await admin().post('/organizations', organ('org-act', 'party_mass'));
      const reply = await operator().post('/pairings', pairingBody('org-act', 'v-weak'));
      expect(reply.status).toBe(201);
      id = reply.body.id as string;
    });

    it('dates the pairing at its start, so that a replay by business date shows it then', async () => {
      const [paired] = await api.store.readStream(`pairing-${id}`);
      expect(paired.metadata.occurredAt).toBe(shanghaiMidnight(termStart));
      const replay = await client(api, KEYS.inspector).get<{ state: { exists: boolean } }>(
        `/audit/streams/pairing-${id}?asOfOccurredAt=${termStart}`,
      );
      expect(replay.body.state.exists).toBe(true);
      await admin().post('/organizations', organ('org-later', 'economic'));
      await admin().post('/organizations', village('v-later'));
      const later = await operator().post(
        '/pairings',
        pairingBody('org-later', 'v-later', {
          startsOn: addDays(today, 10),
          principleOverrideReason: '县委决定',
        }),
      );
      expect([later.status, later.body.code]).toEqual([201, undefined]);
      const [agreed] = await api.store.readStream(`pairing-${later.body.id as string}`);
      // A term that has not begun: the pairing dates from the day it is agreed.
      expect(agreed.metadata.occurredAt <= new Date().toISOString()).toBe(true);
      expect(agreed.metadata.occurredAt > shanghaiMidnight(today)).toBe(true);
    });

    it('logs activities (201, id assigned), dated in business time', async () => {
      const dates = {
        guidance_day: weeklyGuidance,
        collective_activity_day: ['05', '12', '19'].map((day) => `${lastMonth}-${day}`),
        fellowship: [`${lastMonth}-20`],
      };
      for (const [type, days] of Object.entries(dates)) {
        for (const date of days) {
          const reply = await operator().post(`/pairings/${id}/activities`, activity(type, date));
          expect(reply.status).toBe(201);
          expect(reply.body.activityId).toMatch(/^[0-9a-f-]{36}$/);
          expect(reply.body.eventIds).toHaveLength(1);
        }
      }
      const chosen = await operator().post(
        `/pairings/${id}/activities`,
        activity('guidance_day', today, { activityId: 'act-today' }),
      );
      expect(chosen.status).toBe(201);
      expect(chosen.body).toMatchObject({ id, activityId: 'act-today' });
      const events = await api.store.readStream(`pairing-${id}`);
      const last = events[events.length - 1];
      expect(last.type).toBe('ActivityLogged');
      expect(last.metadata.occurredAt).toBe(shanghaiMidnight(today));

      const same = await operator().post(
        `/pairings/${id}/activities`,
        activity('guidance_day', today, { activityId: 'act-today' }),
      );
      expect(same.status).toBe(201);
      expect(same.body.eventIds).toEqual([]);
      const changed = await operator().post(
        `/pairings/${id}/activities`,
        activity('guidance_day', today, { activityId: 'act-today', participants: 3 }),
      );
      expect(changed.status).toBe(422);
      expect(changed.body).toMatchObject({ code: 'ACTIVITY_ALREADY_LOGGED' });
    });

    it('refuses an activity in the future and one outside the term', async () => {
      const future = await operator().post(
        `/pairings/${id}/activities`,
        activity('visit', addDays(today, 1)),
      );
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({ code: 'ACTIVITY_IN_FUTURE' });
      const before = await operator().post(
        `/pairings/${id}/activities`,
        activity('visit', addDays(termStart, -1)),
      );
      expect(before.status).toBe(422);
      expect(before.body).toMatchObject({ code: 'ACTIVITY_OUTSIDE_TERM' });
    });

    it('refuses an invalid activity with 400 listing each field', async () => {
      const reply = await operator().post<{ errors: { field: string }[] }>(
        `/pairings/${id}/activities`,
        { type: 'party', date: 'yesterday', participants: 0 },
      );
      expect(reply.status).toBe(400);
      expect([...new Set(reply.body.errors.map((e) => e.field))].sort()).toEqual([
        'date',
        'participants',
        'summary',
        'type',
      ]);
    });

    it('GET counts activities per month against the targets: a guidance day every week, 3 collective days', async () => {
      const reply = await operator().get<{ activitiesByMonth: MonthRow[]; activityCount: number }>(
        `/pairings/${id}`,
      );
      expect(reply.status).toBe(200);
      const months = reply.body.activitiesByMonth;
      expect(months.map((m) => m.month)).toEqual(
        [0, 1, 2, 3].map((n) => addMonths(termStart, n).slice(0, 7)),
      );
      expect(months.find((m) => m.month === lastMonth)).toEqual({
        month: lastMonth,
        guidanceDays: weeklyGuidance.length,
        collectiveActivityDays: 3,
        otherActivities: 1,
        guidanceWeeks: weeklyGuidance.length,
        weeksWithGuidance: weeklyGuidance.length,
        meetsTargets: true,
      });
      // This month: today's week, and its first week when last month's last guidance day fell in it.
      const thisMonthsWeeks = weeksTouching(today.slice(0, 7));
      const held = [...weeklyGuidance, today];
      expect(months.find((m) => m.month === today.slice(0, 7))).toEqual({
        month: today.slice(0, 7),
        guidanceDays: 1,
        collectiveActivityDays: 0,
        otherActivities: 0,
        guidanceWeeks: thisMonthsWeeks.length,
        weeksWithGuidance: thisMonthsWeeks.filter((monday) =>
          held.some((date) => date >= monday && date <= addDays(monday, 6)),
        ).length,
        meetsTargets: false,
      });
      expect(months[0]).toMatchObject({ guidanceDays: 0, meetsTargets: false });
      expect(reply.body.activityCount).toBe(weeklyGuidance.length + 5);
    });

    it('renews to a later end, and extends the link on the village', async () => {
      const endsOn = addYears(termEnd, 1);
      const reply = await operator().post(`/pairings/${id}/renew`, { endsOn });
      expect(reply.status).toBe(200);
      expect((await operator().get(`/pairings/${id}`)).body).toMatchObject({ endsOn });
      const renewed = await eventsOf('PairingLinkRenewed', (d) => d.pairingId === id);
      expect(renewed).toHaveLength(1);
      expect(renewed[0].data).toMatchObject({ organizationId: 'v-weak', endsOn });

      const earlier = await operator().post(`/pairings/${id}/renew`, { endsOn: termEnd });
      expect(earlier.status).toBe(422);
      expect(earlier.body).toMatchObject({ code: 'RENEWAL_END_NOT_LATER' });
      expect(await eventsOf('PairingLinkRenewed', (d) => d.pairingId === id)).toHaveLength(1);
    });

    it('dissolves, frees the pair, and the same pair may be paired again', async () => {
      const dissolved = await operator().post(`/pairings/${id}/dissolve`, {
        reason: '村党组织已整顿转化',
        on: today,
      });
      expect(dissolved.status).toBe(200);
      const pairing = await operator().get(`/pairings/${id}`);
      expect(pairing.body).toMatchObject({
        status: 'dissolved',
        dissolvedOn: today,
        dissolutionReason: '村党组织已整顿转化',
      });
      const unlinked = await eventsOf('PairingUnlinked', (d) => d.pairingId === id);
      expect(unlinked).toHaveLength(1);
      expect(unlinked[0].data).toMatchObject({ organizationId: 'v-weak', reason: 'dissolved' });

      const again = await operator().post(`/pairings/${id}/dissolve`, { reason: 'x', on: today });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ code: 'PAIRING_NOT_ACTIVE' });
      const late = await operator().post(`/pairings/${id}/activities`, activity('visit', today));
      expect(late.status).toBe(422);
      expect(late.body).toMatchObject({ code: 'PAIRING_NOT_ACTIVE' });

      const repaired = await operator().post('/pairings', pairingBody('org-act', 'v-weak'));
      expect(repaired.status).toBe(201);
      expect(repaired.body.id).not.toBe(id);
    });
  });
});
