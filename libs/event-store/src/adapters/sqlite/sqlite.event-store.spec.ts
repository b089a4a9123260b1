import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../../../../test/contract/event-store.contract';
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
