import type { RecordedEvent } from '@gongjian/event-store';

/**
 * Groups a subscription into batches: `maxSize` events, or whatever has arrived `maxWaitMs`
 * after a batch's first event (so a quiet log still gets its last events applied promptly).
 * Pull-based like the subscription: nothing is read ahead beyond the batch being filled.
 */
export async function* eventBatches(
  events: AsyncIterable<RecordedEvent>,
  maxSize: number,
  maxWaitMs: number,
): AsyncGenerator<RecordedEvent[]> {
  const iterator = events[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  let batch: RecordedEvent[] = [];
  let deadline: Promise<'due'> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const startDeadline = () => {
    deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve('due'), maxWaitMs);
    });
  };
  const takeBatch = () => {
    clearTimeout(timer);
    deadline = undefined;
    const full = batch;
    batch = [];
    return full;
  };
  try {
    for (;;) {
      pending ??= iterator.next();
      const next = deadline ? await Promise.race([pending, deadline]) : await pending;
      if (next === 'due') {
        yield takeBatch();
        continue;
      }
      pending = undefined;
      if (next.done) {
        if (batch.length > 0) yield takeBatch();
        return;
      }
      if (batch.length === 0) startDeadline();
      batch.push(next.value);
      if (batch.length >= maxSize) yield takeBatch();
    }
  } finally {
    clearTimeout(timer);
    // A batch yielded on its deadline leaves a read outstanding; at the head of the log that
    // read waits for the next append, and `return()` would queue behind it. Closing the
    // subscription ends that read, so it must not wait here.
    if (pending) void iterator.return?.().catch(() => undefined);
    else await iterator.return?.();
  }
}
