import type { RecordedEvent } from '@gongjian/event-store';

/**
 * Builds a log of recorded events for projection specs: positions increase (fixed width, with
 * gaps, as real positions may have), revisions count per stream.
 */
export function eventLog(start = new Date('2026-03-01T02:00:00.000Z')) {
  const revisions = new Map<string, number>();
  const events: RecordedEvent[] = [];
  let position = 0;
  return {
    events,
    add(
      streamId: string,
      type: string,
      data: object,
      options: { actor?: { id: string; role: string }; occurredAt?: string } = {},
    ): RecordedEvent {
      const revision = (revisions.get(streamId) ?? -1) + 1;
      revisions.set(streamId, revision);
      position += 3;
      const recordedAt = new Date(start.getTime() + position * 1000).toISOString();
      const event: RecordedEvent = {
        eventId: `ev-${position}`,
        streamId,
        revision,
        position: String(position).padStart(20, '0'),
        type,
        data: data as Record<string, unknown>,
        metadata: {
          commandId: `cmd-${position}`,
          correlationId: `cmd-${position}`,
          causationId: `cmd-${position}`,
          actor: options.actor ?? { id: 'operator:clerk', role: 'operator' },
          occurredAt: options.occurredAt ?? recordedAt,
          schemaVersion: 1,
          recordedAt,
          prevHash: '0'.repeat(64),
          hash: '0'.repeat(64),
        },
      };
      events.push(event);
      return event;
    },
  };
}
