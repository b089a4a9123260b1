import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, Subscription } from '@gongjian/event-store';
import { generateCounty } from '../../../scripts/bench/event-generator';
import { SharedCatchUp } from './shared-catch-up';

const TOTAL = 400;

async function positions(subscription: Subscription, count: number): Promise<string[]> {
  const seen: string[] = [];
  try {
    for await (const event of subscription) {
      seen.push(event.position);
      if (seen.length === count) break;
    }
  } finally {
    await subscription.close();
  }
  return seen;
}

describe('SharedCatchUp', () => {
  let dir: string;
  let events: SqliteEventStore;
  let all: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-shared-catch-up-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 50 });
    for (const append of generateCounty(TOTAL, 20))
      await events.append(append.streamId, append.events, 'any');
    all = (await events.readAll()).map((e) => e.position);
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a build that subscribes after another has begun gets every event, from the one read', async () => {
    const reads = jest.spyOn(events, 'subscribeAll');
    const shared = new SharedCatchUp(events, 2);
    const early = shared.participant();
    const late = shared.participant();
    const first = positions(early.events.subscribeAll(), all.length);
    await new Promise((r) => setTimeout(r, 100));
    const second = positions(late.events.subscribeAll(), all.length);
    expect(await first).toEqual(all);
    expect(await second).toEqual(all);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('a build that ends without subscribing does not hold the others back', async () => {
    const shared = new SharedCatchUp(events, 2);
    const reading = shared.participant();
    const failed = shared.participant();
    const read = positions(reading.events.subscribeAll(), all.length);
    failed.leave();
    expect(await read).toEqual(all);
  });

  it("a build's second subscription from the start reads the log by itself", async () => {
    const shared = new SharedCatchUp(events, 1);
    const build = shared.participant();
    expect(await positions(build.events.subscribeAll(), 50)).toEqual(all.slice(0, 50));
    expect(await positions(build.events.subscribeAll(), all.length)).toEqual(all);
  });
});
