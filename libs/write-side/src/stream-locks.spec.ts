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
