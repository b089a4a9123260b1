import { RecordedEvent, Subscription } from './event-store.port';
import { Position } from './position';

export interface PollingSource {
  readAfter(position: Position | undefined, limit: number): Promise<RecordedEvent[]>;
  /** Resolves when new events may be there: on a local append, or after a poll interval. */
  waitForAppend(signal: AbortSignal): Promise<void>;
}

/**
 * Catch-up then live over any source that can read "after position". It holds one page at a
 * time and reads the next only when the consumer has taken the current one (back-pressure).
 */
export class PollingSubscription implements Subscription {
  private readonly abort = new AbortController();
  private page: RecordedEvent[] = [];
  private next = 0;
  private last: Position | undefined;

  constructor(
    private readonly source: PollingSource,
    fromPosition: Position | undefined,
    private readonly pageSize = 256,
    private readonly onClose: (s: PollingSubscription) => void = () => undefined,
  ) {
    this.last = fromPosition;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    while (!this.abort.signal.aborted) {
      if (this.next === this.page.length) {
        this.page = await this.source.readAfter(this.last, this.pageSize);
        this.next = 0;
        if (this.page.length === 0) {
          await this.source.waitForAppend(this.abort.signal);
          continue;
        }
      }
      const event = this.page[this.next++];
      this.last = event.position;
      yield event;
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    this.onClose(this);
  }
}
