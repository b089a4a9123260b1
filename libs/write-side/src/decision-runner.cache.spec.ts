import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  budgetDecider,
  budgetStreamId,
  BudgetState,
  OpenBudget,
  ReserveAllocation,
} from '@gongjian/domain';
import { EventStore, OutcomeUnknownError, SqliteEventStore } from '@gongjian/event-store';
import { KurrentDbEventStore } from '../../event-store/src/adapters/kurrentdb/kurrentdb.event-store';
import { failingAfterWrite } from '@gongjian/testing';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../test/kurrentdb-double/kurrentdb-double';
import { domainCommand } from './command-context';
import { CommandMetadata } from './command-metadata';
import { DecisionRunner } from './decision-runner';

const HASH_KEY = Buffer.alloc(32, 9);
const actor = { id: 'admin:spec', role: 'admin', townships: [] };
const metadata = (): CommandMetadata => {
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: commandId,
    requestHash: 'h',
    actor,
    now: '2026-03-10T02:00:00Z',
  };
};

/** Two api processes on one store: each its own connection, runner and cache. */
interface Engine {
  name: string;
  open(): Promise<EventStore>;
  setup(): Promise<void>;
  teardown(): Promise<void>;
}

const sqlite = (): Engine => {
  let dir = '';
  return {
    name: 'sqlite (two connections to one file)',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'gongjian-cache-'));
    },
    open: async () => new SqliteEventStore(join(dir, 'events.db')),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const kurrentdb = (): Engine => {
  let double: KurrentDbDouble | undefined;
  return {
    name: 'kurrentdb (two clients of the protocol double)',
    setup: async () => {
      double = await startKurrentDbDouble();
    },
    open: async () => new KurrentDbEventStore((double as KurrentDbDouble).url, { timeoutMs: 5000 }),
    teardown: async () => double?.close(),
  };
};

describe.each([sqlite(), kurrentdb()])('folded states kept in memory: $name', (engine) => {
  let budgetId: string;
  let stores: EventStore[];

  const open = async () => {
    const store = await engine.open();
    stores.push(store);
    return store;
  };
  const reserve = (runner: DecisionRunner, allocationId: string, amountFen: number) =>
    runner.run({
      id: budgetId,
      streamId: budgetStreamId(budgetId),
      decider: budgetDecider,
      metadata: metadata(),
      command: () =>
        domainCommand<ReserveAllocation>(
          'ReserveAllocation',
          { budgetId, allocationId, amountFen, purpose: 'project', recipientOrganizationId: 'v-1' },
          metadata(),
        ),
    });
  const stored = async (store: EventStore) =>
    (await new DecisionRunner(store, HASH_KEY).load(budgetStreamId(budgetId), budgetDecider))
      .state as Extract<BudgetState, { status: 'open' }>;

  beforeAll(() => engine.setup());
  afterAll(() => engine.teardown());
  beforeEach(async () => {
    stores = [];
    budgetId = `b-${randomUUID()}`;
    const runner = new DecisionRunner(await open(), HASH_KEY);
    const meta = metadata();
    await runner.run({
      id: budgetId,
      streamId: budgetStreamId(budgetId),
      decider: budgetDecider,
      metadata: meta,
      command: () =>
        domainCommand<OpenBudget>(
          'OpenBudget',
          { budgetId, year: 2026, source: 'county_finance', amountFen: 100 },
          meta,
        ),
    });
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
  });

  it('a write by another process is seen by the next command here', async () => {
    const here = new DecisionRunner(await open(), HASH_KEY);
    const there = new DecisionRunner(await open(), HASH_KEY);
    await reserve(here, 'a1', 60);
    await reserve(there, 'a2', 30);
    await expect(reserve(here, 'a3', 20)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await reserve(here, 'a4', 10);
    expect((await stored(stores[0])).reservedFen).toBe(100);
  });

  it('a stream only read by a decision is brought up to date with what others wrote', async () => {
    const here = new DecisionRunner(await open(), HASH_KEY);
    const there = new DecisionRunner(await open(), HASH_KEY);
    const seen: number[] = [];
    // Reads the budget, writes elsewhere: nothing in the append checks the budget's revision.
    const readBudget = (note: string) =>
      here.runAcross({
        id: note,
        streamId: `note-${budgetId}-${note}`,
        metadata: metadata(),
        decide: async (session) => {
          const budget = await session.state(budgetStreamId(budgetId), budgetDecider);
          seen.push(budget.status === 'open' ? budget.reservedFen : NaN);
          await session.decide(`note-${budgetId}-${note}`, budgetDecider, () =>
            domainCommand<OpenBudget>(
              'OpenBudget',
              { budgetId: note, year: 2026, source: 'county_finance', amountFen: 1 },
              metadata(),
            ),
          );
        },
      });
    await reserve(here, 'a1', 60);
    await readBudget('n1');
    await reserve(there, 'a2', 30);
    await readBudget('n2');
    expect(seen).toEqual([60, 90]);
  });

  it('a write straight to the store, behind the runner, is seen by its next command', async () => {
    const store = await open();
    const runner = new DecisionRunner(store, HASH_KEY);
    await reserve(runner, 'a1', 60);
    await reserve(new DecisionRunner(store, HASH_KEY), 'a2', 30);
    await expect(reserve(runner, 'a3', 20)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(Object.keys((await stored(store)).reservations).sort()).toEqual(['a1', 'a2']);
  });

  it('a conflict drops the state: the retry decides on what the store holds', async () => {
    const inner = await open();
    const there = new DecisionRunner(await open(), HASH_KEY);
    let interfere: (() => Promise<unknown>) | undefined;
    // Another process writes between this runner's read and its append.
    const store = new Proxy(inner, {
      get(target, property, receiver) {
        if (property !== 'readStream') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          const now = interfere;
          interfere = undefined;
          await now?.();
          return events;
        };
      },
    });
    const here = new DecisionRunner(store, HASH_KEY);
    await reserve(here, 'a1', 60);
    interfere = () => reserve(there, 'a2', 30);
    await expect(reserve(here, 'a3', 20)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    const state = await stored(inner);
    expect(Object.keys(state.reservations).sort()).toEqual(['a1', 'a2']);
    expect(state.reservedFen).toBe(90);
  });

  it('after an unknown outcome the state is read again, with what landed counted once', async () => {
    const inner = await open();
    const faulty = failingAfterWrite(inner);
    faulty.disarm();
    const here = new DecisionRunner(faulty, HASH_KEY);
    await reserve(here, 'a1', 10);
    faulty.arm();
    await expect(reserve(here, 'a2', 50)).rejects.toBeInstanceOf(OutcomeUnknownError);
    await expect(reserve(here, 'a3', 50)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await reserve(here, 'a4', 40);
    expect((await stored(inner)).reservedFen).toBe(100);
  });

  it('a restarted process folds the stream from the store', async () => {
    const first = await open();
    await reserve(new DecisionRunner(first, HASH_KEY), 'a1', 60);
    const restarted = new DecisionRunner(await open(), HASH_KEY);
    await expect(reserve(restarted, 'a2', 50)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await reserve(restarted, 'a3', 40);
    expect((await stored(first)).reservedFen).toBe(100);
  });
});
