import {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  SqliteEventStore,
  StoreUnavailableError,
} from '@gongjian/event-store';

/** A real SQLite store that fails the next append of an event of a given type, once per call. */
export class FlakyEventStore extends SqliteEventStore {
  private readonly failing: string[] = [];

  failNextAppendOf(eventType: string): void {
    this.failing.push(eventType);
  }

  override append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const index = this.failing.findIndex((type) => events.some((e) => e.type === type));
    if (index >= 0) {
      this.failing.splice(index, 1);
      return Promise.reject(new StoreUnavailableError(this.engine, 'injected failure'));
    }
    return super.append(streamId, events, expected);
  }
}
