import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  DomainError,
  organizationDecider,
  organizationStreamId,
  RegisterOrganization,
  SetVillageCategories,
} from '@gongjian/domain';
import { StoreUnavailableError } from '@gongjian/event-store';
import { FlakyEventStore } from '@gongjian/testing';
import { CommandMetadata, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { DissolvePairingCommand } from '../dissolve-pairing/dissolve-pairing.command';
import { DissolvePairingHandler } from '../dissolve-pairing/dissolve-pairing.handler';
import { PairBranchCommand } from './pair-branch.command';
import { PairBranchHandler } from './pair-branch.handler';
import { PairBranchRequestDto } from './pair-branch.request.dto';

const NOW = '2026-03-10T02:00:00.000Z';

const metadata = (commandId = randomUUID(), requestHash = 'hash-1'): CommandMetadata => ({
  commandId,
  correlationId: commandId,
  requestHash,
  actor: { id: 'admin:spec', role: 'admin', townships: [] },
  now: NOW,
});

const body = (): PairBranchRequestDto => ({
  urbanOrganizationId: 'org-pm',
  ruralOrganizationId: 'v-weak',
  contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
});

describe('PairBranchHandler: the order of appends across two streams', () => {
  let store: FlakyEventStore;
  let runner: DecisionRunner;
  let handler: PairBranchHandler;
  const ruralStream = organizationStreamId('v-weak');

  const typesOf = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);

  beforeEach(async () => {
    store = new FlakyEventStore(':memory:');
    runner = new DecisionRunner(store);
    handler = new PairBranchHandler(runner);
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

  it('links on the village first, then creates the pairing, both under the command id', async () => {
    const meta = metadata();
    const result = await handler.execute(new PairBranchCommand(body(), meta));
    const [linked] = (await store.readStream(ruralStream)).filter(
      (e) => e.type === 'PairingLinked',
    );
    const [paired] = await store.readStream(result.streamId);
    expect(paired.type).toBe('BranchPaired');
    expect(linked.data).toMatchObject({ pairingId: result.id, urbanOrganizationId: 'org-pm' });
    expect(linked.position < paired.position).toBe(true);
    expect(linked.metadata.commandId).toBe(meta.commandId);
    expect(paired.metadata.commandId).toBe(meta.commandId);
  });

  it('undoes the link when the pairing cannot be written, and the pair stays free', async () => {
    store.failNextAppendOf('BranchPaired');
    const meta = metadata();
    await expect(handler.execute(new PairBranchCommand(body(), meta))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    const village = await store.readStream(ruralStream);
    expect(village.map((e) => e.type).slice(-2)).toEqual(['PairingLinked', 'PairingUnlinked']);
    const unlinked = village[village.length - 1];
    expect(unlinked.data).toMatchObject({ reason: 'pairing_not_created' });
    expect(unlinked.metadata.commandId).not.toBe(meta.commandId);

    const other = await handler.execute(new PairBranchCommand(body(), metadata()));
    expect(await typesOf(other.streamId)).toEqual(['BranchPaired']);
  });

  it('refuses a retry of a rolled-back request (PAIRING_ROLLED_BACK) and writes nothing', async () => {
    store.failNextAppendOf('BranchPaired');
    const meta = metadata();
    await expect(handler.execute(new PairBranchCommand(body(), meta))).rejects.toThrow();
    const before = await store.readAll();

    const retry = handler.execute(new PairBranchCommand(body(), meta));
    await expect(retry).rejects.toBeInstanceOf(DomainError);
    await expect(retry).rejects.toMatchObject({ code: 'PAIRING_ROLLED_BACK' });
    expect(await store.readAll()).toHaveLength(before.length);
  });

  it('a retry completes a request interrupted after the link (when the undo failed too)', async () => {
    store.failNextAppendOf('BranchPaired');
    store.failNextAppendOf('PairingUnlinked');
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const meta = metadata();
    await expect(handler.execute(new PairBranchCommand(body(), meta))).rejects.toThrow();
    expect((await typesOf(ruralStream)).slice(-1)).toEqual(['PairingLinked']);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not undo the link'));
    logged.mockRestore();

    const result = await handler.execute(new PairBranchCommand(body(), meta));
    expect(await typesOf(result.streamId)).toEqual(['BranchPaired']);
    const links = (await store.readStream(ruralStream)).filter((e) => e.type.startsWith('Pairing'));
    expect(links.map((e) => e.type)).toEqual(['PairingLinked']);

    const again = await handler.execute(new PairBranchCommand(body(), meta));
    expect(again).toEqual(result);
  });

  it('a retry of an interrupted dissolution unlinks the village and answers the first result', async () => {
    const pairing = await handler.execute(new PairBranchCommand(body(), metadata()));
    const dissolve = new DissolvePairingHandler(runner);
    const command = new DissolvePairingCommand(
      pairing.id,
      { reason: '已整顿转化', on: '2026-03-09' },
      metadata(),
    );
    store.failNextAppendOf('PairingUnlinked');
    await expect(dissolve.execute(command)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await typesOf(ruralStream)).slice(-1)).toEqual(['PairingLinked']);

    const first = (await store.readStream(pairing.streamId))[1];
    const retried = await dissolve.execute(command);
    expect(retried.eventIds).toEqual([first.eventId]);
    expect((await typesOf(ruralStream)).slice(-1)).toEqual(['PairingUnlinked']);
  });
});
