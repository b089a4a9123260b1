import { randomUUID } from 'node:crypto';
import {
  organizationDecider,
  organizationStreamId,
  RegisterOrganization,
  SetVillageCategories,
} from '@gongjian/domain';
import {
  EventStore,
  OutcomeUnknownError,
  SqliteEventStore,
  StoreUnavailableError,
} from '@gongjian/event-store';
import {
  countingEventStore,
  failingAfterWrite,
  failingBeforeWrite,
  timingOutWhileWriting,
} from '@gongjian/testing';
import {
  CommandMetadata,
  commandIdFor,
  DecisionRunner,
  domainCommand,
  OutOfScopeError,
} from '@gongjian/write-side';
import { DissolvePairingCommand } from '../dissolve-pairing/dissolve-pairing.command';
import { DissolvePairingHandler } from '../dissolve-pairing/dissolve-pairing.handler';
import { RenewPairingCommand } from '../renew-pairing/renew-pairing.command';
import { RenewPairingHandler } from '../renew-pairing/renew-pairing.handler';
import { PairBranchCommand } from './pair-branch.command';
import { PairBranchHandler } from './pair-branch.handler';
import { PairBranchRequestDto } from './pair-branch.request.dto';

const NOW = '2026-03-10T02:00:00.000Z';
const HASH_KEY = Buffer.alloc(32, 1);
const ADMIN = { id: 'admin:spec', role: 'admin', townships: [] };

const metadata = (
  commandId: string = randomUUID(),
  requestHash = 'hash-1',
  actor: CommandMetadata['actor'] = ADMIN,
): CommandMetadata => ({ commandId, correlationId: commandId, requestHash, actor, now: NOW });

const keyed = (key: string, requestHash = 'hash-1') =>
  metadata(commandIdFor(ADMIN.id, key), requestHash);

const body = (): PairBranchRequestDto => ({
  urbanOrganizationId: 'org-pm',
  ruralOrganizationId: 'v-weak',
  contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
});

describe('PairBranchHandler and the pairing commands: one atomic append across two streams', () => {
  let store: SqliteEventStore;
  const ruralStream = organizationStreamId('v-weak');
  const handlerOn = (s: EventStore) => new PairBranchHandler(new DecisionRunner(s, HASH_KEY));
  const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);
  const links = async () =>
    (await typesOf(ruralStream)).filter(
      (t) => t.startsWith('PairingLink') || t === 'PairingUnlinked',
    );

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
    const runner = new DecisionRunner(store, HASH_KEY);
    const register = (data: RegisterOrganization['data']) =>
      runner.run({
        id: data.id,
        streamId: organizationStreamId(data.id),
        decider: organizationDecider,
        metadata: metadata(),
        command: () =>
          domainCommand<RegisterOrganization>('RegisterOrganization', data, metadata()),
      });
    await register({
      id: 'org-pm',
      name: '县委宣传部机关党支部',
      level: 'branch',
      sector: 'organ',
      departmentKind: 'party_mass',
      township: 'T00',
    });
    await register({
      id: 'v-weak',
      name: '东坪村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    await runner.run({
      id: 'v-weak',
      streamId: ruralStream,
      decider: organizationDecider,
      metadata: metadata(),
      command: () =>
        domainCommand<SetVillageCategories>(
          'SetVillageCategories',
          { organizationId: 'v-weak', categories: ['weak_lax'], reason: '排查认定' },
          metadata(),
        ),
    });
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes the link and the pairing together, under the command id', async () => {
    const meta = metadata();
    const result = await handlerOn(store).execute(new PairBranchCommand(body(), meta));
    const [linked] = (await store.readStream(ruralStream)).filter(
      (e) => e.type === 'PairingLinked',
    );
    const [paired] = await store.readStream(result.streamId);
    expect(paired.type).toBe('BranchPaired');
    expect(linked.data).toMatchObject({ pairingId: result.id, urbanOrganizationId: 'org-pm' });
    expect(result.position).toBe(paired.position);
    expect(linked.position < paired.position).toBe(true);
    expect([linked.metadata.commandId, paired.metadata.commandId]).toEqual([
      meta.commandId,
      meta.commandId,
    ]);
  });

  it('a pairing with an Idempotency-Key takes four store calls: three reads and one append', async () => {
    const counting = countingEventStore(store);
    const handler = handlerOn(counting.store);
    await handler.execute(new PairBranchCommand(body(), keyed('count-1')));
    expect(counting.calls).toMatchObject({ readStream: 3, appendMany: 1, append: 0 });
    expect(counting.total()).toBe(4);
    expect(await links()).toEqual(['PairingLinked']);
  });

  it('a store failing before the write leaves both streams untouched; a keyless retry pairs', async () => {
    const faulty = failingBeforeWrite(store);
    await expect(
      handlerOn(faulty).execute(new PairBranchCommand(body(), metadata())),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await links()).toEqual([]);

    const retried = await handlerOn(store).execute(new PairBranchCommand(body(), metadata()));
    expect(await typesOf(retried.streamId)).toEqual(['BranchPaired']);
    expect(await links()).toEqual(['PairingLinked']);
  });

  it('a write that lands unseen (OUTCOME_UNKNOWN) lands whole; the same key answers it', async () => {
    const faulty = failingAfterWrite(store);
    const meta = keyed('pair-1');
    await expect(
      handlerOn(faulty).execute(new PairBranchCommand(body(), meta)),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    const before = (await store.readAll()).length;

    const retried = await handlerOn(store).execute(new PairBranchCommand(body(), meta));
    expect(await typesOf(retried.streamId)).toEqual(['BranchPaired']);
    expect(await links()).toEqual(['PairingLinked']);
    expect(await store.readAll()).toHaveLength(before);
  });

  it('a write that lands after the deadline: a keyless retry meets the real pairing, not a phantom', async () => {
    const faulty = timingOutWhileWriting(store, 20, 60);
    const first = new PairBranchCommand({ ...body(), id: 'p-late' }, metadata());
    await expect(handlerOn(faulty).execute(first)).rejects.toBeInstanceOf(OutcomeUnknownError);
    await faulty.settled();

    const again = handlerOn(store).execute(new PairBranchCommand(body(), metadata()));
    await expect(again).rejects.toMatchObject({
      code: 'PAIRING_ALREADY_ACTIVE',
      details: expect.objectContaining({ existingPairingId: 'p-late' }),
    });
    expect(await typesOf('pairing-p-late')).toEqual(['BranchPaired']);
  });

  it('of concurrent pairings of the same pair exactly one is written', async () => {
    const handler = handlerOn(store);
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() => handler.execute(new PairBranchCommand(body(), metadata()))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      expect((o as PromiseRejectedResult).reason).toMatchObject({
        code: 'PAIRING_ALREADY_ACTIVE',
      });
    }
    expect(await links()).toEqual(['PairingLinked']);
  });

  it('the rural side decides the scope: an operator of the village township pairs, one of the urban township is refused', async () => {
    const urbanSide = metadata(randomUUID(), 'h', {
      id: 'operator:t00',
      role: 'operator',
      townships: ['T00'],
    });
    await expect(
      handlerOn(store).execute(new PairBranchCommand(body(), urbanSide)),
    ).rejects.toBeInstanceOf(OutOfScopeError);
    expect(await links()).toEqual([]);
    const ruralSide = metadata(randomUUID(), 'h', {
      id: 'operator:t01',
      role: 'operator',
      townships: ['T01'],
    });
    const paired = await handlerOn(store).execute(new PairBranchCommand(body(), ruralSide));
    expect(await typesOf(paired.streamId)).toEqual(['BranchPaired']);
  });

  it('dissolving unlinks the village in the same append; a failed attempt changes neither', async () => {
    const pairing = await handlerOn(store).execute(new PairBranchCommand(body(), metadata()));
    const dissolve = (s: EventStore) => new DissolvePairingHandler(new DecisionRunner(s, HASH_KEY));
    const command = () =>
      new DissolvePairingCommand(
        pairing.id,
        { reason: '已整顿转化', on: '2026-03-09' },
        metadata(),
      );
    await expect(dissolve(failingBeforeWrite(store)).execute(command())).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(await typesOf(pairing.streamId)).toEqual(['BranchPaired']);
    expect(await links()).toEqual(['PairingLinked']);

    await dissolve(store).execute(command());
    expect(await typesOf(pairing.streamId)).toEqual(['BranchPaired', 'PairingDissolved']);
    expect(await links()).toEqual(['PairingLinked', 'PairingUnlinked']);
    const again = await handlerOn(store).execute(new PairBranchCommand(body(), metadata()));
    expect(await typesOf(again.streamId)).toEqual(['BranchPaired']);
  });

  it('renewing moves the link end with the pairing, in one append', async () => {
    const pairing = await handlerOn(store).execute(new PairBranchCommand(body(), metadata()));
    const renew = (s: EventStore) =>
      new RenewPairingHandler(new DecisionRunner(s, HASH_KEY), { lateEntryGraceDays: 60 });
    const command = () => new RenewPairingCommand(pairing.id, { endsOn: '2030-12-31' }, metadata());
    await expect(renew(failingBeforeWrite(store)).execute(command())).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(await links()).toEqual(['PairingLinked']);
    await renew(store).execute(command());
    expect(await typesOf(pairing.streamId)).toEqual(['BranchPaired', 'PairingRenewed']);
    const renewed = (await store.readStream(ruralStream)).find(
      (e) => e.type === 'PairingLinkRenewed',
    );
    expect(renewed?.data).toMatchObject({ pairingId: pairing.id, endsOn: '2030-12-31' });
  });
});
