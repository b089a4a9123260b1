import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '@gongjian/domain';
import type { Actor, NewEvent } from '@gongjian/event-store';

export const INSPECTOR_ACCESS_RECORDED = 'InspectorAccessRecorded';

/** One stream per business month: `audit-access-2026-12`. Only the API's access recorder writes it. */
export const auditAccessStreamId = (at: Date): string =>
  `audit-access-${shanghaiDate(at.toISOString()).slice(0, 7)}`;

export interface InspectorAccessRecordedData {
  method: string;
  /** Path and query string as requested. */
  url: string;
  at: string;
}

/** Who read what, and when: the event an inspector's request leaves before it is served. */
export function inspectorAccessEvent(
  actor: Actor,
  method: string,
  url: string,
  at: Date,
): NewEvent {
  const eventId = randomUUID();
  const data: InspectorAccessRecordedData = {
    method,
    url: url.slice(0, 2000),
    at: at.toISOString(),
  };
  return {
    eventId,
    type: INSPECTOR_ACCESS_RECORDED,
    data: { ...data },
    metadata: {
      commandId: eventId,
      correlationId: eventId,
      causationId: eventId,
      actor,
      occurredAt: data.at,
      schemaVersion: 1,
    },
  };
}
