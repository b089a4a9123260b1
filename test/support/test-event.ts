import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@gongjian/event-store';

/** An event with fresh ids and fixed, valid metadata: for specs where only type and data matter. */
export function testEvent(data: Record<string, unknown>, type = 'Tested'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'tester', role: 'admin' },
      occurredAt: '2026-01-02T03:04:05.000Z',
      schemaVersion: 1,
    },
  };
}
