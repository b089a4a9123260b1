import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../../../../test/contract/event-store.contract';
import { DuplicateEventIdError } from '../../event-store.errors';
import { NewEvent } from '../../event-store.port';
import { SqliteEventStore } from './sqlite.event-store';

describeEventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-es-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 50 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore: event ids are unique in the whole log', () => {
  it('an event id stored in one stream is refused in another, by append and appendMany', async () => {
    const store = new SqliteEventStore(':memory:');
    try {
      const stored: NewEvent = {
        eventId: randomUUID(),
        type: 'Tested',
        data: {},
        metadata: {
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actor: { id: 'tester', role: 'admin' },
          occurredAt: '2026-01-02T03:04:05.000Z',
          schemaVersion: 1,
        },
      };
      await store.append('a', [stored], 'no_stream');
      await expect(store.append('b', [stored], 'any')).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(
        store.appendMany([
          { streamId: 'c', events: [{ ...stored, eventId: randomUUID() }], expected: 'any' },
          { streamId: 'b', events: [stored], expected: 'any' },
        ]),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('b')).toEqual([]);
      expect(await store.readStream('c')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
