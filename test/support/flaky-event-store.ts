import {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  SqliteEventStore,
  StoreUnavailableError,
  StreamAppend,
} from '@gongjian/event-store';
import { withEventOfType } from './fault-event-stores';

/**
 * A real SQLite store that fails the next append (or appendMany) carrying an event of a given
 * type, once per call, before writing anything. To fail after writing, or while the write lands,
 * wrap any store with `failingAfterWrite` / `timingOutWhileWriting` (fault-event-stores.ts).
 */
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
    if (this.takeFailure([{ streamId, events, expected }])) return this.injectedFailure();
    return super.append(streamId, events, expected);
  }

  override appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.takeFailure(appends)) return this.injectedFailure();
    return super.appendMany(appends);
  }

  private takeFailure(appends: readonly StreamAppend[]): boolean {
    const index = this.failing.findIndex((type) => withEventOfType(type)(appends));
    if (index >= 0) this.failing.splice(index, 1);
    return index >= 0;
  }

  private injectedFailure(): Promise<never> {
    return Promise.reject(new StoreUnavailableError(this.engine, 'injected failure'));
  }
}
