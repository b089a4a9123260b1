import type { RecordedEvent } from './event-store.port';
import { hashedBytesOf, keepHashedBytes } from './hashed-bytes';

const recorded = (): RecordedEvent => ({
  eventId: 'e1',
  streamId: 's',
  revision: 0,
  position: '00000000000000000001',
  type: 'Tested',
  data: { n: 1 },
  metadata: { recordedAt: '2026-01-02T03:04:05.000Z' } as RecordedEvent['metadata'],
});

describe('hashed bytes kept with an event', () => {
  it('are given back as bytes, and leave the event as the port shapes it', () => {
    const plain = recorded();
    const kept = keepHashedBytes(recorded(), '{"n":"村"}');
    expect(hashedBytesOf(kept)).toEqual(Buffer.from('{"n":"村"}', 'utf8'));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(plain));
    expect(Object.keys(kept)).toEqual(Object.keys(plain));
    expect(kept).toStrictEqual(plain);
  });

  it('belong to that event only: a copy has none, and keeping again replaces them', () => {
    const event = keepHashedBytes(recorded(), Buffer.from('first'));
    expect(hashedBytesOf({ ...event })).toBeUndefined();
    expect(hashedBytesOf(recorded())).toBeUndefined();
    keepHashedBytes(event, Buffer.from('second'));
    expect(hashedBytesOf(event)?.toString()).toBe('second');
  });
});
