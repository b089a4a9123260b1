import { randomUUID } from 'node:crypto';
import {
  budgetDecider,
  budgetStreamId,
  fold,
  organizationDecider,
  organizationStreamId,
} from '@gongjian/domain';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { upcast } from '@gongjian/write-side';
import { repairApply, repairCheck } from './repair.command';

const event = (type: string, data: Record<string, unknown>): NewEvent => {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'admin:old-version', role: 'admin' },
      occurredAt: '2025-06-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
};

const BUDGET = { budgetId: '2025-county_finance', year: 2025, source: 'county_finance' };
const allocationRef = (allocationId: string) => ({
  ...BUDGET,
  allocationId,
  purpose: 'activity_funds',
  recipientOrganizationId: 'v-1',
});

/**
 * Half-done records as versions that appended one stream after the other left them, written
 * straight to the store, next to whole ones that the check must leave alone.
 */
async function writeHalfDoneRecords(store: SqliteEventStore): Promise<void> {
  const village = organizationStreamId('v-1');
  const link = (pairingId: string) =>
    event('PairingLinked', {
      organizationId: 'v-1',
      pairingId,
      urbanOrganizationId: 'org-1',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
    });
  await store.append(
    village,
    [
      event('OrganizationRegistered', {
        organizationId: 'v-1',
        name: '东坪村党支部',
        level: 'branch',
        sector: 'village',
        township: 'T01',
      }),
      link('p-whole'),
      link('p-ghost'),
    ],
    'no_stream',
  );
  const paired = (pairingId: string, rural: string) =>
    store.append(
      `pairing-${pairingId}`,
      [
        event('BranchPaired', {
          pairingId,
          urbanOrganizationId: 'org-1',
          ruralOrganizationId: rural,
          startsOn: '2025-01-01',
          endsOn: '2027-12-31',
        }),
      ],
      'no_stream',
    );
  await paired('p-whole', 'v-1');
  // A pairing whose link was undone while it was written, alone on its pair or not.
  const village2 = (id: string, links: NewEvent[]) =>
    store.append(
      organizationStreamId(id),
      [
        event('OrganizationRegistered', {
          organizationId: id,
          name: `${id} 村党支部`,
          level: 'branch',
          sector: 'village',
          township: 'T01',
        }),
        ...links,
      ],
      'no_stream',
    );
  await village2('v-2', []);
  await paired('p-unlinked', 'v-2');
  await village2('v-3', [
    event('PairingLinked', {
      organizationId: 'v-3',
      pairingId: 'p-dup-a',
      urbanOrganizationId: 'org-1',
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
    }),
  ]);
  await paired('p-dup-a', 'v-3');
  await paired('p-dup-b', 'v-3');

  const reserve = (allocationId: string, amountFen: number, reservedFen: number) =>
    event('AllocationReserved', {
      ...allocationRef(allocationId),
      amountFen,
      reservedFen,
      poolFen: 1_000,
    });
  await store.append(
    budgetStreamId(BUDGET.budgetId),
    [
      event('BudgetOpened', { ...BUDGET, amountFen: 1_000 }),
      reserve('a-whole', 300, 300),
      reserve('a-ghost', 200, 500),
      reserve('a-reduced', 400, 900),
      event('AllocationReleased', {
        ...allocationRef('a-whole'),
        releaseId: 'a-whole-r1',
        amountFen: 100,
        reason: '核减',
        reservedFen: 800,
      }),
    ],
    'no_stream',
  );
  const open = (allocationId: string, amountFen: number) =>
    event('AllocationOpened', { ...allocationRef(allocationId), amountFen, decisionRef: '会议' });
  await store.append(
    'allocation-a-whole',
    [
      open('a-whole', 300),
      event('AllocationReduced', {
        ...allocationRef('a-whole'),
        amountFen: 100,
        reason: '核减',
        allocatedFen: 200,
        releaseId: 'a-whole-r1',
      }),
    ],
    'no_stream',
  );
  await store.append(
    'allocation-a-reduced',
    [
      open('a-reduced', 400),
      event('AllocationReduced', {
        ...allocationRef('a-reduced'),
        amountFen: 150,
        reason: '核减',
        allocatedFen: 250,
        releaseId: 'a-reduced-r1',
      }),
    ],
    'no_stream',
  );
}

describe('gongjian repair check / apply', () => {
  let store: SqliteEventStore;
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);
  const state = async <S>(streamId: string, decider: Parameters<typeof fold<S, never>>[0]) =>
    fold(
      decider,
      (await store.readStream(streamId)).map((e) => upcast(e) as never),
    );

  beforeEach(async () => {
    lines.length = 0;
    store = new SqliteEventStore(':memory:');
    await writeHalfDoneRecords(store);
  });
  afterEach(() => store.close());

  it('lists each half-done record and nothing whole', async () => {
    expect(await repairCheck(store, out)).toBe(5);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ kind: 'link_without_pairing', pairingId: 'p-ghost' }),
      expect.objectContaining({ kind: 'pairing_without_link', pairingId: 'p-unlinked' }),
      expect.objectContaining({ kind: 'pairing_without_link', pairingId: 'p-dup-b' }),
      expect.objectContaining({
        kind: 'reservation_without_allocation',
        allocationId: 'a-ghost',
        amountFen: 200,
      }),
      expect.objectContaining({
        kind: 'release_missing',
        allocationId: 'a-reduced',
        releaseId: 'a-reduced-r1',
        amountFen: 150,
      }),
    ]);
  });

  it('repairs each with an explicit audited event by cli, so the invariants hold', async () => {
    expect(await repairApply(store, out)).toBe(4);
    const repairs = (await store.readAll()).filter(
      (e) => e.metadata.actor.id === 'cli' && !e.streamId.startsWith('idempotency-'),
    );
    expect(repairs.map((e) => e.type)).toEqual([
      'OrphanPairingLinkRemoved',
      'PairingLinkRestored',
      'OrphanReservationReleased',
      'MissingReleaseRecorded',
    ]);
    for (const repair of repairs) expect(repair.data.reason).toMatch(/^repair: /);

    const village = await state(organizationStreamId('v-1'), organizationDecider);
    expect(village.exists && Object.keys(village.pairingLinks)).toEqual(['p-whole']);
    const budget = await state(budgetStreamId(BUDGET.budgetId), budgetDecider);
    // Σ allocations: a-whole 200 + a-reduced 250.
    expect(budget.status === 'open' && budget.reservedFen).toBe(450);
    const v2 = await state(organizationStreamId('v-2'), organizationDecider);
    expect(v2.exists && Object.keys(v2.pairingLinks)).toEqual(['p-unlinked']);
    // Two pairings of one pair: a person decides which to dissolve; nothing is written for it.
    expect(JSON.parse(lines[lines.length - 3])).toMatchObject({
      target: 'organization-v-3#p-dup-b',
      kind: 'pairing_without_link',
      unresolved: 'PAIRING_ALREADY_ACTIVE',
    });
    lines.length = 0;
    expect(await repairCheck(store, out)).toBe(1);
    expect(JSON.parse(lines[0])).toMatchObject({ pairingId: 'p-dup-b' });
  });

  it('running it twice adds nothing', async () => {
    await repairApply(store, out);
    const count = (await store.readAll()).length;
    expect(await repairApply(store, out)).toBe(0);
    expect(await store.readAll()).toHaveLength(count);
  });
});
