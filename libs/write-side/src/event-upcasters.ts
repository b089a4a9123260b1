import { DomainEvent } from '@gongjian/domain';
import { RecordedEvent } from '@gongjian/event-store';

type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Old event versions are upcast on read, never rewritten in the log. A change to an event's
 * data shape bumps its schemaVersion and adds `'<Type>@<fromVersion>': upcaster` here.
 */
const UPCASTERS: Record<string, Upcaster> = {};

export function upcast(event: RecordedEvent): DomainEvent {
  let data = event.data;
  for (let version = event.metadata.schemaVersion ?? 1; ; version++) {
    const next = UPCASTERS[`${event.type}@${version}`];
    if (!next) break;
    data = next(data);
  }
  return { type: event.type, data };
}
