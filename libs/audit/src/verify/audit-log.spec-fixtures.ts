import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@gongjian/event-store';

/** A small county log for audit specs: several stream kinds, Chinese text, integers, nesting. */
export async function appendCountyEvents(
  store: EventStore,
  {
    streams,
    eventsPerStream,
    prefix = '',
  }: { streams: number; eventsPerStream: (i: number) => number; prefix?: string },
): Promise<void> {
  const kinds = ['organization', 'pairing', 'budget', 'member'] as const;
  const plans = Array.from({ length: streams }, (_, i) => ({
    streamId: `${kinds[i % kinds.length]}-${prefix}s${i}`,
    remaining: eventsPerStream(i),
  }));
  // Interleave streams in the log, as real traffic does.
  for (let round = 0; plans.some((p) => p.remaining > 0); round++) {
    for (const plan of plans) {
      if (plan.remaining-- <= 0) continue;
      await store.append(plan.streamId, [sampleEvent(plan.streamId, round)], 'any');
    }
  }
}

export function sampleEvent(streamId: string, n: number): NewEvent {
  const eventId = randomUUID();
  return {
    eventId,
    type: n === 0 ? 'OrganizationRegistered' : 'ActivityLogged',
    data: {
      subject: streamId,
      summary: `党建指导日 第${n}次：学习贯彻会议精神`,
      participants: 10 + n,
      amountFen: 125_000 * (n + 1),
      tags: ['guidance_day', `round-${n}`],
      place: { township: 'T01', village: `村${n % 7}` },
    },
    metadata: {
      commandId: `cmd-${eventId}`,
      correlationId: eventId,
      causationId: eventId,
      actor: { id: 'operator-t01', role: 'operator' },
      occurredAt: new Date(Date.UTC(2026, 2, 1 + (n % 28), 2)).toISOString(),
      schemaVersion: 1,
    },
  };
}

export const ANCHOR_ACTOR = { id: 'spec-admin', role: 'admin' };
