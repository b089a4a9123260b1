import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@gongjian/event-store';
import { DEMO_SCALES } from './demo-plan.types';
import { writeDemoEventLog } from './demo-event-log';

describe('writeDemoEventLog', () => {
  const dirs: string[] = [];
  const freshStore = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-event-log-'));
    dirs.push(dir);
    return new SqliteEventStore(join(dir, 'events.sqlite'));
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes the county, then activities up to the number asked for, the same for the same seed', async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const logs = [];
    for (let i = 0; i < 2; i++) {
      const store = freshStore();
      const result = await writeDemoEventLog(store, {
        events: 400,
        scale: DEMO_SCALES.tiny,
        seed: 5,
        now,
        batchSize: 50,
      });
      const events = await store.readAll({ limit: 10_000 });
      expect(result.events).toBe(events.length);
      logs.push(events.map((e) => [e.eventId, e.streamId, e.type, JSON.stringify(e.data)]));
      await store.close();
    }
    expect(logs[0]).toEqual(logs[1]);
    const types = logs[0].map(([, , type]) => type);
    expect(types.length).toBe(400);
    expect(types.filter((t) => t === 'BranchPaired')).toHaveLength(6);
    expect(types.filter((t) => t === 'ActivityLogged').length).toBeGreaterThan(300);
    const dates = logs[0]
      .filter(([, , t]) => t === 'ActivityLogged')
      .map(([, , , d]) => JSON.parse(d).date as string);
    expect(dates.every((d) => d >= '2025-01-01' && d <= '2026-11-30')).toBe(true);
  });
});
