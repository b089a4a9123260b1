import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../../apps/api/src/personal-data/personal-data.cipher';
import { countyEvents } from './county-events.fixture';
import { ACTORS, answerEveryQuery, lists, walk } from './every-query.fixture';
import { inMemoryReader } from './in-memory-read-models.fixture';

const cipher = new PersonalDataCipher(randomBytes(32));
const events = countyEvents(cipher);
const reader = inMemoryReader(events);
const all = lists(reader, cipher);

type Item = Record<string, unknown>;
const everything = async (name: string, role = 'admin'): Promise<Item[]> =>
  (await all[name].run({ limit: 500 }, ACTORS[role])).items;
const ids = (items: Item[]) => items.map((i) => (i.id ?? i.position) as string);

describe('query handlers over the read models of a small county', () => {
  let answers: Record<string, unknown>;
  beforeAll(async () => {
    answers = await answerEveryQuery(reader, cipher);
  });

  it('every filter of every list answers exactly the items that match it', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const matches: Record<string, (item: Item, f: Record<string, unknown>) => boolean> = {
      organizations: (o, f) =>
        (f.township === undefined || o.township === f.township) &&
        (f.sector === undefined || o.sector === f.sector) &&
        (f.category === undefined || (o.categories as string[]).includes(f.category as string)) &&
        (f.stars === undefined || (o.rating as { stars?: number } | undefined)?.stars === f.stars),
      pairings: (p, f) =>
        (f.organizationId === undefined ||
          [p.urbanOrganizationId, p.ruralOrganizationId].includes(f.organizationId)) &&
        (f.status === undefined || p.status === f.status) &&
        (f.township === undefined || [p.urbanTownship, p.ruralTownship].includes(f.township)),
      projects: (p, f) =>
        (f.pairingId === undefined || p.pairingId === f.pairingId) &&
        (f.category === undefined || p.category === f.category) &&
        (f.township === undefined || [p.urbanTownship, p.ruralTownship].includes(f.township)),
      allocations: (a, f) =>
        ['recipientOrganizationId', 'year', 'source', 'purpose'].every(
          (field) => f[field] === undefined || a[field] === f[field],
        ),
      members: (m, f) =>
        (f.organizationId === undefined || m.organizationId === f.organizationId) &&
        (f.stage === undefined || m.stage === f.stage) &&
        (f.overdue === undefined ||
          (m.obligations as { overdue: boolean }[]).some((o) => o.overdue) ===
            (f.overdue === 'true')),
      ratings: (r, f) =>
        ['period', 'stars', 'township'].every(
          (field) => f[field] === undefined || r[field] === f[field],
        ),
      'ratings of v-02': (r) => r.organizationId === 'v-02',
      'ratings of v-04': (r) => r.organizationId === 'v-04',
      'rule sets': () => true,
      'audit events': (e, f) =>
        (f.streamId === undefined || e.streamId === f.streamId) &&
        (f.organizationId === undefined ||
          (e.organizationIds as string[]).includes(f.organizationId as string)) &&
        (f.type === undefined || e.type === f.type) &&
        (f.actor === undefined || (e.actor as { id: string }).id === f.actor) &&
        (f.from === undefined ||
          (e.recordedAt as string) >= new Date(f.from as string).toISOString()) &&
        (f.to === undefined || (e.recordedAt as string) < new Date(f.to as string).toISOString()),
    };
    expect(today).toMatch(/^\d{4}/);
    for (const [name, { filters }] of Object.entries(all)) {
      const unfiltered = await everything(name);
      let nonEmpty = 0;
      for (const f of filters) {
        const answer = answers[`${name} ${JSON.stringify(f)} as admin`] as { items: Item[] };
        const expected = unfiltered.filter((item) => matches[name](item, f));
        expect([name, f, ids(answer.items)]).toEqual([name, f, ids(expected)]);
        if (expected.length > 0 && expected.length < unfiltered.length) nonEmpty++;
      }
      // The fixture exercises the filters: most of them select some but not all items.
      expect([name, nonEmpty]).toEqual([name, expect.any(Number)]);
      expect(nonEmpty).toBeGreaterThanOrEqual(Math.min(3, filters.length - 2));
    }
  });

  it('paging walks every item exactly once, in id order, whatever the page size', async () => {
    for (const [name, { run, filters }] of Object.entries(all)) {
      for (const f of filters) {
        const single = ids(
          (answers[`${name} ${JSON.stringify(f)} as admin`] as { items: Item[] }).items,
        );
        for (const size of [1, 4, 7]) {
          const walked = ids(await walk(run, f, ACTORS.admin, size));
          expect([name, f, size, walked]).toEqual([name, f, size, single]);
        }
        expect(new Set(single).size).toBe(single.length);
        expect([...single].sort()).toEqual(single);
      }
    }
  });

  it('operators see only their townships; an explicit township outside them is refused', async () => {
    const organizations = await everything('organizations', 'operatorT01');
    expect(organizations.length).toBeGreaterThan(0);
    expect(organizations.every((o) => o.township === 'T01')).toBe(true);
    const pairings = await everything('pairings', 'operatorT01');
    expect(pairings.length).toBeGreaterThan(0);
    expect(pairings.every((p) => [p.urbanTownship, p.ruralTownship].includes('T01'))).toBe(true);
    expect(await everything('pairings', 'operatorT01')).not.toEqual(await everything('pairings'));
    expect(answers['organizations {"township":"T01"} as operatorT01']).toMatchObject({
      items: expect.any(Array),
    });
    expect(answers['organizations {"sector":"organ","township":"T02"} as operatorT01']).toEqual({
      error: 'OUT_OF_SCOPE',
    });
    expect(answers['organization v-01 as operatorT01']).toEqual({ error: 'OUT_OF_SCOPE' });
    expect(answers['organization v-00 as operatorT01']).toMatchObject({
      id: 'v-00',
      township: 'T01',
    });
    expect(answers['funds summary 2026 by source as operatorT01']).toEqual({
      error: 'ForbiddenException',
    });
  });

  it('unknown ids are not found', () => {
    for (const name of ['organization', 'pairing', 'project', 'allocation', 'budget', 'member']) {
      expect([name, answers[`${name} nobody as admin`]]).toEqual([
        name,
        { error: expect.stringMatching(/_NOT_FOUND$/) },
      ]);
    }
  });

  it('personal data is clear for admins and masked for inspectors', () => {
    const admin = answers['member m-03 as admin'] as { person: Record<string, string> };
    const inspector = answers['member m-03 as inspector'] as { person: Record<string, string> };
    expect(admin.person).toMatchObject({ idNumber: '110101199503151003', phone: '13812345003' });
    expect(inspector.person).toMatchObject({
      idNumber: '1****************3',
      phone: '138****5003',
    });
    const audit = answers['audit events {"type":"AllocationOpened"} as admin'] as { items: Item[] };
    expect(audit.items.length).toBe(14);
    const applied = (answers['audit events {} as inspector'] as { items: Item[] }).items.find(
      (e) => e.type === 'MembershipApplied',
    ) as { data: { person: Record<string, string> } };
    expect(applied.data.person.idNumber).toMatch(/^1\*{16}[0-9X]$/);
    expect(JSON.stringify(answers['audit events {} as inspector'])).not.toContain('Cipher');
  });

  it('pairings show status on today, delivery and the override reason', () => {
    expect(answers['pairing p-7 as admin']).toMatchObject({ status: 'expired' });
    expect(answers['pairing p-5 as admin']).toMatchObject({
      status: 'dissolved',
      dissolutionReason: '整顿转化',
    });
    expect(answers['pairing p-2 as admin']).toMatchObject({
      principleMatched: false,
      principleOverrideReason: '经研究同意跨类结对',
    });
    // p-1: project pr-1 and allocation a-01 (2,000,000 reduced to 1,500,000 allocated, of which
    // 1,000,000 disbursed): delivered funds are what is allocated under the pairing.
    expect(answers['pairing p-1 as admin']).toMatchObject({
      status: 'active',
      delivered: { fundsFen: 1_500_000, projects: 1, disbursedFen: 1_000_000 },
      revision: 5,
    });
  });

  it('funds: totals per group, standards per recipient, townships summed from recipients', () => {
    const byRecipient = answers['funds summary 2026 by recipient as admin'] as { items: Item[] };
    const byTownship = answers['funds summary 2026 by township as admin'] as { items: Item[] };
    const bySource = answers['funds summary 2026 by source as admin'] as { items: Item[] };
    const total = (items: Item[], field: string) =>
      items.reduce((s, i) => s + (i[field] as number), 0);
    for (const field of ['allocatedFen', 'disbursedFen', 'spentFen', 'remainingFen']) {
      expect(total(byTownship.items, field)).toBe(total(byRecipient.items, field));
      expect(total(bySource.items, field)).toBe(total(byRecipient.items, field));
    }
    const allocations = (
      answers['allocations {"year":2026,"source":"county_finance"} as admin'] as { items: Item[] }
    ).items;
    expect(bySource.items.find((i) => i.key === 'county_finance')).toMatchObject({
      allocatedFen: total(allocations, 'allocatedFen'),
      disbursedFen: total(allocations, 'disbursedFen'),
      spentFen: total(allocations, 'spentFen'),
    });
    const village = byRecipient.items.find((i) => i.key === 'v-00') as { standards: Item[] };
    expect(village.standards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'operating_funds_min', requiredFen: 2_000_000 }),
        expect.objectContaining({ key: 'activity_funds_per_member', requiredFen: 20 * 100_00 }),
      ]),
    );
  });

  it('member statistics: stage counts at the end of a year and admitted in it', () => {
    const members = answers['members {} as admin'] as { items: Item[] };
    const now = answers['member statistics {} as admin'] as Record<string, number>;
    expect(now.activists).toBe(members.items.filter((m) => m.stage === 'activist').length);
    expect(now.probationary).toBe(members.items.filter((m) => m.stage === 'probationary').length);
    expect(now.applicants).toBe(members.items.filter((m) => m.stage === 'applicant').length);
    expect(now.developmentTargets).toBe(
      members.items.filter((m) => m.stage === 'development_target').length,
    );
    expect(answers['member statistics {"year":2024} as admin']).toMatchObject({ admitted: 2 });
    expect(
      answers['member statistics {"organizationId":"v-11","year":2025} as admin'],
    ).toMatchObject({ activists: 1 });
  });
});
