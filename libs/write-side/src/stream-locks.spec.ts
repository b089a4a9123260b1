import { randomUUID } from 'node:crypto';
import { budgetDecider, budgetStreamId, OpenBudget } from '@gongjian/domain';
import { SqliteEventStore } from '@gongjian/event-store';
import { domainCommand } from './command-context';
import { CommandMetadata } from './command-metadata';
import { DecisionRunner } from './decision-runner';
import { ConcurrencyConflictError } from './write-side.errors';
import { StreamLocks, StreamLockTimeoutError } from './stream-locks';

describe('StreamLocks: one command at a time per stream', () => {
  it('runs the commands on one stream one after another, in arrival order', async () => {
    const locks = new StreamLocks();
    const order: string[] = [];
    const run = async (name: string) => {
      const release = await locks.acquire(['budget-1'], 1_000);
      order.push(`${name} in`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name} out`);
      release();
    };
    await Promise.all([run('a'), run('b'), run('c')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('commands naming the same streams in opposite orders never wait for each other', async () => {
    const locks = new StreamLocks();
    const both = async (streams: string[]) => {
      const release = await locks.acquire(streams, 1_000);
      await new Promise((resolve) => setImmediate(resolve));
      release();
      return 'done';
    };
    const runs = Array.from({ length: 20 }, (_, i) =>
      both(i % 2 ? ['budget-1', 'allocation-1'] : ['allocation-1', 'budget-1']),
    );
    expect(await Promise.all(runs)).toEqual(Array(20).fill('done'));
  });

  it('gives up after the bounded wait, and the queue behind it still moves', async () => {
    const locks = new StreamLocks();
    const first = await locks.acquire(['budget-1'], 1_000);
    await expect(locks.acquire(['budget-1'], 5)).rejects.toBeInstanceOf(StreamLockTimeoutError);
    const third = locks.acquire(['budget-1'], 1_000);
    first();
    (await third)();
    const again = await locks.acquire(['budget-1', 'budget-2'], 1_000);
    again();
  });
});

describe('DecisionRunner: commands on one stream inside a process', () => {
  const meta = (): CommandMetadata => {
    const commandId = randomUUID();
    return {
      commandId,
      correlationId: commandId,
      requestHash: 'h',
      actor: { id: 'admin:spec', role: 'admin', townships: [] },
      now: '2026-03-10T02:00:00.000Z',
    };
  };

  it('a command that waits past the bound is refused with 409, the one before it lands', async () => {
    const store = new SqliteEventStore(':memory:');
    const runner = new DecisionRunner(store, Buffer.alloc(32, 3), { lockWaitMs: 20 });
    let letFirstGo!: () => void;
    const held = new Promise<void>((resolve) => (letFirstGo = resolve));
    const open = (budgetId: string, wait?: Promise<void>) =>
      runner.runAcross({
        id: budgetId,
        streamId: budgetStreamId('busy'),
        metadata: meta(),
        decide: async (session) => {
          await wait;
          await session.decide(budgetStreamId('busy'), budgetDecider, () =>
            domainCommand<OpenBudget>(
              'OpenBudget',
              { budgetId, year: 2026, source: 'county_finance', amountFen: 1 },
              meta(),
            ),
          );
        },
      });
    const first = open('busy', held);
    await expect(open('busy')).rejects.toBeInstanceOf(ConcurrencyConflictError);
    letFirstGo();
    await expect(first).resolves.toMatchObject({ revision: 0 });
    await store.close();
  });
});
