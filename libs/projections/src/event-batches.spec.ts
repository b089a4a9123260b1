import type { RecordedEvent } from '@gongjian/event-store';
import { eventBatches } from './event-batches';

/** A live source: serves `events`, then waits for an append that never comes until closed. */
function liveSource(events: RecordedEvent[]) {
  let closed = false;
  let wake: (() => void) | undefined;
  const source = {
    async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
      for (const event of events) yield event;
      while (!closed) await new Promise<void>((resolve) => (wake = resolve));
    },
    close() {
      closed = true;
      wake?.();
    },
  };
  return source;
}

const event = (n: number) => ({ position: String(n).padStart(20, '0') }) as RecordedEvent;

async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('eventBatches', () => {
  it('yields full batches, then the rest of a quiet log once its wait is over', async () => {
    const source = liveSource([1, 2, 3, 4, 5].map(event));
    const seen: string[][] = [];
    for await (const batch of eventBatches(source, 2, 5)) {
      seen.push(batch.map((e) => e.position.replace(/^0+/, '')));
      if (seen.flat().length === 5) break;
    }
    source.close();
    expect(seen).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('leaving the loop at the head of the log does not wait for the next append', async () => {
    // The last batch is yielded on its deadline with a read still outstanding: a consumer
    // that stops there (lease lost, superseded) must get out and close the subscription.
    const source = liveSource([event(1)]);
    const consume = async () => {
      for await (const batch of eventBatches(source, 100, 5)) return batch.length;
      return 0;
    };
    await expect(within(2000, consume())).resolves.toBe(1);
    source.close();
  });
});
