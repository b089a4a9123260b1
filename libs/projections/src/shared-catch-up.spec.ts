import type { EventStore, RecordedEvent, Subscription } from '@gongjian/event-store';
import { SharedCatchUp } from './shared-catch-up';

const LOG = Array.from({ length: 6 }, (_, i) => ({ position: String(i + 1) }) as RecordedEvent);

/** A log of six events; counts how many subscriptions read it. */
function sixEventLog() {
  const store = {
    reads: 0,
    subscribeAll(): Subscription {
      store.reads++;
      return {
        async *[Symbol.asyncIterator]() {
          yield* LOG;
        },
        close: async () => undefined,
      };
    },
  };
  return store;
}

async function take(subscription: Subscription, count: number): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of subscription) {
    seen.push(event.position);
    if (seen.length === count) break;
  }
  return seen;
}

describe('SharedCatchUp', () => {
  it('builds that start together share one read of the log, each seeing all of it', async () => {
    const log = sixEventLog();
    const events = new SharedCatchUp(log as unknown as EventStore).storeFor();
    const [a, b] = [events.subscribeAll(), events.subscribeAll()];
    const seen = await Promise.all([take(a, 6), take(b, 6)]);
    expect(seen).toEqual([LOG.map((e) => e.position), LOG.map((e) => e.position)]);
    expect(log.reads).toBe(1);
  });

  it('a build that joins after the shared read has moved on still sees the log from its start', async () => {
    const log = sixEventLog();
    const events = new SharedCatchUp(log as unknown as EventStore).storeFor();
    const early = events.subscribeAll();
    expect(await take(early, 3)).toEqual(['1', '2', '3']);
    const late = events.subscribeAll();
    expect(await take(late, 6)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('branches end once the shared read ends and they have taken what it gave', async () => {
    const events = new SharedCatchUp(sixEventLog() as unknown as EventStore).storeFor();
    expect(await take(events.subscribeAll(), 100)).toHaveLength(6);
  });
});
