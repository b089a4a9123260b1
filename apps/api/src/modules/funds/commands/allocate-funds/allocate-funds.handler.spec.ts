import { randomUUID } from 'node:crypto';
import {
  allocationDecider,
  allocationStreamId,
  budgetDecider,
  budgetStreamId,
  DeactivateOrganization,
  DomainError,
  OpenBudget,
  organizationDecider,
  organizationStreamId,
  RegisterOrganization,
} from '@gongjian/domain';
import { OutcomeUnknownError, StoreUnavailableError } from '@gongjian/event-store';
import {
  countingEventStore,
  failingAfterWrite,
  FlakyEventStore,
  timingOutWhileWriting,
} from '@gongjian/testing';
import { CommandMetadata, commandIdFor, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { CancelAllocationCommand } from '../cancel-allocation/cancel-allocation.command';
import { CancelAllocationHandler } from '../cancel-allocation/cancel-allocation.handler';
import { ReduceAllocationCommand } from '../reduce-allocation/reduce-allocation.command';
import { ReduceAllocationHandler } from '../reduce-allocation/reduce-allocation.handler';
import { AllocateFundsCommand } from './allocate-funds.command';
import { AllocateFundsHandler } from './allocate-funds.handler';
import { AllocateFundsRequestDto } from './allocate-funds.request.dto';

const NOW = '2026-03-10T02:00:00.000Z';
const BUDGET = '2026-county_finance';
const HASH_KEY = Buffer.alloc(32, 2);
const RULES = { lateEntryGraceDays: 60 };

const metadata = (
  commandId: string = randomUUID(),
  actor: CommandMetadata['actor'] = { id: 'admin:spec', role: 'admin', townships: [] },
): CommandMetadata => ({
  commandId,
  correlationId: commandId,
  requestHash: `hash-${commandId}`,
  actor,
  now: NOW,
});

const body = (extra: Partial<AllocateFundsRequestDto> = {}): AllocateFundsRequestDto => ({
  budgetId: BUDGET,
  recipientOrganizationId: 'v-01',
  amountFen: 600,
  purpose: 'service_center',
  decisionRef: '部务会 2026-03',
  ...extra,
});

describe('allocating and releasing funds: budget and allocation streams in one append', () => {
  let store: FlakyEventStore;
  let runner: DecisionRunner;
  let allocate: AllocateFundsHandler;

  const budget = async () => (await runner.load(budgetStreamId(BUDGET), budgetDecider)).state;
  const allocatedFen = async (id: string) => {
    const { state } = await runner.load(allocationStreamId(id), allocationDecider);
    return state.status === 'none' ? NaN : state.allocatedFen;
  };
  const reservedFen = async () => {
    const state = await budget();
    return state.status === 'open' ? state.reservedFen : NaN;
  };

  beforeEach(async () => {
    store = new FlakyEventStore(':memory:');
    runner = new DecisionRunner(store, HASH_KEY);
    allocate = new AllocateFundsHandler(runner, RULES);
    const meta = metadata();
    await runner.run({
      id: 'v-01',
      streamId: organizationStreamId('v-01'),
      decider: organizationDecider,
      metadata: meta,
      command: () =>
        domainCommand<RegisterOrganization>(
          'RegisterOrganization',
          { id: 'v-01', name: '东坪村党支部', level: 'branch', sector: 'village', township: 'T01' },
          meta,
        ),
    });
    await runner.run({
      id: BUDGET,
      streamId: budgetStreamId(BUDGET),
      decider: budgetDecider,
      metadata: meta,
      command: () =>
        domainCommand<OpenBudget>(
          'OpenBudget',
          { budgetId: BUDGET, year: 2026, source: 'county_finance', amountFen: 1_000 },
          meta,
        ),
    });
  });
  afterEach(async () => {
    await store.close();
  });

  it('reserves on the budget and opens the allocation together, under the command id', async () => {
    const meta = metadata();
    const result = await allocate.execute(new AllocateFundsCommand(body(), meta));
    const [reserved] = (await store.readStream(budgetStreamId(BUDGET))).filter(
      (e) => e.type === 'AllocationReserved',
    );
    const [opened] = await store.readStream(result.streamId);
    expect(opened).toMatchObject({
      type: 'AllocationOpened',
      data: { allocationId: result.id, year: 2026, source: 'county_finance', amountFen: 600 },
    });
    expect(reserved.data).toMatchObject({ allocationId: result.id, amountFen: 600 });
    expect(reserved.position < opened.position).toBe(true);
    expect([reserved.metadata.commandId, opened.metadata.commandId]).toEqual([
      meta.commandId,
      meta.commandId,
    ]);
  });

  it('an allocation with an Idempotency-Key takes four store calls: three reads and one append', async () => {
    const counting = countingEventStore(store);
    const handler = new AllocateFundsHandler(new DecisionRunner(counting.store, HASH_KEY), RULES);
    const meta = metadata(commandIdFor('admin:spec', 'count-1'));
    await handler.execute(new AllocateFundsCommand(body(), meta));
    expect(counting.calls).toMatchObject({ readStream: 3, appendMany: 1, append: 0 });
    expect(counting.total()).toBe(4);
    expect(await reservedFen()).toBe(600);
  });

  it('fifty parallel allocations from one budget all land, none retried after a conflict', async () => {
    const counting = countingEventStore(store);
    const handler = new AllocateFundsHandler(new DecisionRunner(counting.store, HASH_KEY), RULES);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        handler.execute(
          new AllocateFundsCommand(body({ id: `a-par-${i}`, amountFen: 20 }), metadata()),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(counting.calls.appendMany).toBe(50);
    expect(await reservedFen()).toBe(1_000);
  });

  it('refuses party dues for operating funds before anything is written', async () => {
    const meta = metadata();
    await runner.run({
      id: '2026-party_dues',
      streamId: budgetStreamId('2026-party_dues'),
      decider: budgetDecider,
      metadata: meta,
      command: () =>
        domainCommand<OpenBudget>(
          'OpenBudget',
          { budgetId: '2026-party_dues', year: 2026, source: 'party_dues', amountFen: 1_000 },
          meta,
        ),
    });
    const refused = allocate.execute(
      new AllocateFundsCommand(
        body({ id: 'a-dues', budgetId: '2026-party_dues', purpose: 'operating_funds' }),
        metadata(),
      ),
    );
    await expect(refused).rejects.toMatchObject({ code: 'PARTY_DUES_PURPOSE_NOT_PERMITTED' });
    expect(await store.readStream(budgetStreamId('2026-party_dues'))).toHaveLength(1);
    expect(await store.readStream('allocation-a-dues')).toEqual([]);
  });

  it('refuses an allocation id already taken before reserving anything', async () => {
    await allocate.execute(new AllocateFundsCommand(body({ id: 'a-taken' }), metadata()));
    const again = allocate.execute(
      new AllocateFundsCommand(body({ id: 'a-taken', amountFen: 100 }), metadata()),
    );
    await expect(again).rejects.toMatchObject({ code: 'ALLOCATION_ALREADY_OPENED' });
    expect(await reservedFen()).toBe(600);
  });

  it('a store failing before the write reserves nothing; a keyless retry is not refused', async () => {
    store.failNextAppendOf('AllocationOpened');
    await expect(
      allocate.execute(new AllocateFundsCommand(body({ id: 'a-crash' }), metadata())),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await reservedFen()).toBe(0);
    expect(await store.readStream('allocation-a-crash')).toEqual([]);

    const retried = await allocate.execute(
      new AllocateFundsCommand(body({ id: 'a-crash' }), metadata()),
    );
    expect(retried).toMatchObject({ id: 'a-crash', revision: 0 });
    expect(await reservedFen()).toBe(600);
  });

  it('a write that lands unseen (OUTCOME_UNKNOWN) lands whole; the same key answers it once', async () => {
    const meta = metadata(commandIdFor('admin:spec', 'allocate-1'));
    const faulty = new AllocateFundsHandler(
      new DecisionRunner(failingAfterWrite(store), HASH_KEY),
      RULES,
    );
    await expect(
      faulty.execute(new AllocateFundsCommand(body({ id: 'a-unknown' }), meta)),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await reservedFen()).toBe(600);
    expect(await allocatedFen('a-unknown')).toBe(600);

    const retried = await allocate.execute(
      new AllocateFundsCommand(body({ id: 'a-unknown' }), meta),
    );
    expect(retried).toMatchObject({ id: 'a-unknown', revision: 0 });
    expect(
      await allocate.execute(new AllocateFundsCommand(body({ id: 'a-unknown' }), meta)),
    ).toEqual(retried);
    expect(await reservedFen()).toBe(600);
  });

  it('a write landing after the deadline: budget reserved = Σ allocations, and the pool tells the truth', async () => {
    const late = timingOutWhileWriting(store, 20, 60);
    const faulty = new AllocateFundsHandler(new DecisionRunner(late, HASH_KEY), RULES);
    await expect(
      faulty.execute(new AllocateFundsCommand(body({ id: 'a-late' }), metadata())),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    await late.settled();
    expect(await reservedFen()).toBe(await allocatedFen('a-late'));
    await expect(
      allocate.execute(new AllocateFundsCommand(body({ amountFen: 600 }), metadata())),
    ).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', details: { reservedFen: 600 } });
    await allocate.execute(new AllocateFundsCommand(body({ amountFen: 400 }), metadata()));
    expect(await reservedFen()).toBe(1_000);
  });

  it('an operator outside the recipient township is refused before anything is written', async () => {
    const outside = metadata(randomUUID(), {
      id: 'operator:t09',
      role: 'operator',
      townships: ['T09'],
    });
    await expect(
      allocate.execute(new AllocateFundsCommand(body({ id: 'a-out' }), outside)),
    ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(await reservedFen()).toBe(0);
  });

  it('a reduction and its release land together; a failed attempt changes neither', async () => {
    const reduce = new ReduceAllocationHandler(runner);
    await allocate.execute(new AllocateFundsCommand(body({ id: 'a-r' }), metadata()));
    store.failNextAppendOf('AllocationReleased');
    const command = () =>
      new ReduceAllocationCommand('a-r', { amountFen: 200, reason: '核减' }, metadata());
    await expect(reduce.execute(command())).rejects.toBeInstanceOf(StoreUnavailableError);
    expect([await reservedFen(), await allocatedFen('a-r')]).toEqual([600, 600]);

    const reduced = await reduce.execute(command());
    expect(reduced).toMatchObject({ id: 'a-r', streamId: 'allocation-a-r', revision: 1 });
    expect([await reservedFen(), await allocatedFen('a-r')]).toEqual([400, 400]);
    const released = (await store.readStream(budgetStreamId(BUDGET))).filter(
      (e) => e.type === 'AllocationReleased',
    );
    expect(released.map((e) => e.data)).toEqual([
      expect.objectContaining({ releaseId: 'a-r-r1', amountFen: 200, reservedFen: 400 }),
    ]);
  });

  it('a cancellation landing unseen: allocation and budget still agree', async () => {
    await allocate.execute(new AllocateFundsCommand(body({ id: 'a-cu' }), metadata()));
    const cancel = new CancelAllocationHandler(
      new DecisionRunner(failingAfterWrite(store), HASH_KEY),
    );
    await expect(
      cancel.execute(new CancelAllocationCommand('a-cu', { reason: '取消' }, metadata())),
    ).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect([await reservedFen(), await allocatedFen('a-cu')]).toEqual([0, 0]);
  });

  it('parallel reductions of one allocation each release their own amount', async () => {
    const reduce = new ReduceAllocationHandler(runner);
    await allocate.execute(new AllocateFundsCommand(body({ id: 'a-p' }), metadata()));
    const amounts = [10, 20, 30, 40, 50];
    await Promise.all(
      amounts.map((amountFen) =>
        reduce.execute(new ReduceAllocationCommand('a-p', { amountFen, reason: 'r' }, metadata())),
      ),
    );
    expect(await reservedFen()).toBe(600 - 150);
    const state = await budget();
    expect(state.status === 'open' && state.reservations['a-p'].releaseIds.sort()).toEqual([
      'a-p-r1',
      'a-p-r2',
      'a-p-r3',
      'a-p-r4',
      'a-p-r5',
    ]);
  });

  it('a cancellation releases what was still allocated', async () => {
    const cancel = new CancelAllocationHandler(runner);
    await allocate.execute(new AllocateFundsCommand(body({ id: 'a-c' }), metadata()));
    await cancel.execute(new CancelAllocationCommand('a-c', { reason: '取消' }, metadata()));
    expect(await reservedFen()).toBe(0);
    await expect(
      cancel.execute(new CancelAllocationCommand('a-c', { reason: '再取消' }, metadata())),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('refuses references that do not exist and a deactivated recipient, writing nothing', async () => {
    await expect(
      allocate.execute(new AllocateFundsCommand(body({ pairingId: 'p-none' }), metadata())),
    ).rejects.toMatchObject({ code: 'PAIRING_NOT_FOUND' });
    await expect(
      allocate.execute(new AllocateFundsCommand(body({ projectId: 'prj-none' }), metadata())),
    ).rejects.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    const meta = metadata();
    await runner.run({
      id: 'v-01',
      streamId: organizationStreamId('v-01'),
      decider: organizationDecider,
      metadata: meta,
      command: () =>
        domainCommand<DeactivateOrganization>(
          'DeactivateOrganization',
          { organizationId: 'v-01', reason: '撤并', on: '2026-03-01' },
          meta,
        ),
    });
    await expect(
      allocate.execute(new AllocateFundsCommand(body(), metadata())),
    ).rejects.toMatchObject({ code: 'RECIPIENT_INACTIVE' });
    expect(await reservedFen()).toBe(0);
  });
});
