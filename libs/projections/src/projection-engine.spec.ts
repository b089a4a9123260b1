import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { RecordedEvent, SqliteEventStore } from '@gongjian/event-store';
import { ReadDocument, SqliteDocumentStore } from '@gongjian/read-store';
import { eventCounts, READ_MODELS } from '../../../scripts/bench/bench-projections';
import { generateCounty } from '../../../scripts/bench/event-generator';
import { DocumentReadModelReader } from './document-read-model-reader';
import { checkpointId, leaseId, ProjectionControl } from './projection-control';
import { ProjectionEngine, rebuildProjection, rebuildProjections } from './projection-engine';
import { ReadModelLagError } from './read-model-reader';
import { foldBatch } from './batch-folder';
import { DocumentCache } from './document-cache';
import type { ReadModelProjection } from './projection.definition';

const SETTINGS = { batchSize: 100, leaseMs: 1500, buildCommitEvents: 300 };

async function appendCounty(events: SqliteEventStore, total: number, from = 0) {
  let i = 0;
  for (const append of generateCounty(from + total, 50)) {
    if (i++ < from) continue;
    await events.append(append.streamId, append.events, 'any');
  }
}

/** What event-counts must hold, folded independently of the engine. */
function expectedCounts(all: RecordedEvent[]) {
  const byStream = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const e of all) {
    byStream.set(e.streamId, (byStream.get(e.streamId) ?? 0) + 1);
    byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>) =>
    [...m].map(([id, count]) => ({ id, count })).sort((a, b) => a.id.localeCompare(b.id));
  return { streams: sorted(byStream), types: sorted(byType) };
}

async function actualCounts(reader: DocumentReadModelReader) {
  const read = async (name: string) =>
    (await (await reader.collection('event-counts', name)).find({}, { sort: [['_id', 1]] })).map(
      (d) => ({ id: d._id, count: d.count }),
    );
  return { streams: await read('stream_event_counts'), types: await read('type_event_counts') };
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ProjectionEngine on SQLite', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteDocumentStore;
  let reader: DocumentReadModelReader;
  const engines: ProjectionEngine[] = [];
  const engine = (owner?: string) => {
    const e = new ProjectionEngine({
      events,
      store,
      projections: READ_MODELS,
      settings: SETTINGS,
      owner,
      registry: new Registry(),
      onSwitched: (name) => reader.invalidate(name),
    });
    engines.push(e);
    return e;
  };
  const caughtUp = async () => {
    const head = (await events.headPosition()) as string;
    return (await reader.reachedPosition()) === head;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-projections-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 50 });
    store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    reader = new DocumentReadModelReader(store, READ_MODELS, { pointerTtlMs: 50 });
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, then follows the log live; reads equal an independent fold', async () => {
    await appendCounty(events, 1500);
    engine().start();
    await until(caughtUp);
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));

    await appendCounty(events, 40, 1500);
    const head = (await events.headPosition()) as string;
    await reader.waitForPosition(head, 10_000);
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));
  });

  it('replaying events a document already reflects changes nothing (idempotence)', async () => {
    await appendCounty(events, 800);
    const all = await events.readAll();
    const physical = { stream_event_counts: 'x_streams', type_event_counts: 'x_types' };
    const once = new DocumentCache();
    await foldBatch(store, eventCounts, physical, once, all.slice(0, 300));
    const size = once.size;
    const docsAfterOnce = all
      .slice(0, 300)
      .map((e) => once.get('x_streams', e.streamId)?.doc as ReadDocument);
    await foldBatch(store, eventCounts, physical, once, all.slice(0, 300));
    expect(once.size).toBe(size);
    expect(all.slice(0, 300).map((e) => once.get('x_streams', e.streamId)?.doc)).toEqual(
      docsAfterOnce,
    );

    // A crash after the documents were written but before the checkpoint moved (MongoDB has
    // no transaction): the checkpoint is set back, the engine replays, nothing is doubled.
    const first = engine();
    first.start();
    await until(caughtUp);
    await first.stop();
    const control = new ProjectionControl(store);
    const build = { name: 'event-counts', version: 1, generation: 0 };
    const stored = await control.checkpoint(build);
    expect(
      await control.collection.replaceIf(
        { ...stored!, _pos: all[99].position },
        { _pos: stored!._pos },
      ),
    ).toBe(true);
    engine().start();
    await until(caughtUp);
    expect(await actualCounts(reader)).toEqual(expectedCounts(all));
  });

  it('a build on empty collections looks up no id it never wrote; on stored documents it does', async () => {
    await appendCounty(events, 1500);
    const all = await events.readAll();
    const streams = store.collection('stream_event_counts_v1');
    const lookups = jest.spyOn(streams, 'findByIds');
    const first = engine();
    first.start();
    await until(caughtUp);
    await first.stop();
    // Several commits (every 300 events): documents written by an earlier one are in the cache.
    expect(lookups).not.toHaveBeenCalled();
    expect(await actualCounts(reader)).toEqual(expectedCounts(all));

    // A crash on a store without transactions: documents written, no checkpoint yet. The next
    // build must read what is stored instead of taking its ids for absent.
    const control = new ProjectionControl(store);
    const build = { name: 'event-counts', version: 1, generation: 0 };
    const pointer = await control.pointer('event-counts');
    await control.collection.deleteByIds([checkpointId(build)]);
    await control.collection.replaceIf({ ...pointer!, caughtUp: false }, {});
    await store.collection('type_event_counts_v1').drop();
    engine().start();
    await until(caughtUp);
    expect(lookups).toHaveBeenCalled();
    expect(await actualCounts(reader)).toEqual(expectedCounts(all));
  });

  it('on the embedded store, a lease whose holder process died on this host is taken at once', async () => {
    await appendCounty(events, 200);
    const control = new ProjectionControl(store);
    const build = { name: 'event-counts', version: 1, generation: 0 };
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.once('exit', () => resolve(child.pid!));
    });
    const holders = [`${hostname()}:${dead}:deadbeef`, `${hostname()}:${process.ppid}:a11ve000`];
    for (const [i, owner] of holders.entries()) {
      const leased = { name: READ_MODELS[i].name, version: 1, generation: 0 };
      await control.collection.replaceIf(
        { _id: leaseId(leased), _pos: '', kind: 'lease', owner, expiresAt: Date.now() + 600_000 },
        null,
      );
    }
    expect(READ_MODELS[0].name).toBe(build.name);
    const restarted = engine();
    restarted.start();
    await until(async () => restarted.writing().has(build.name));
    await new Promise((r) => setTimeout(r, 300));
    // The live holder of the second lease keeps it: only the dead one's lease was taken.
    expect(restarted.writing().has(READ_MODELS[1].name)).toBe(false);
  });

  it('one writer per build: a second engine waits, and takes over once the lease expires', async () => {
    await appendCounty(events, 600);
    const control = new ProjectionControl(store);
    const build = { name: 'event-counts', version: 1, generation: 0 };
    const a = engine('engine-a');
    const b = engine('engine-b');
    a.start();
    await until(async () => a.writing().size === READ_MODELS.length);
    b.start();
    await until(caughtUp);
    await new Promise((r) => setTimeout(r, 300));
    expect(b.writing().size).toBe(0);
    expect(
      ((await control.collection.findById(leaseId(build))) as unknown as { owner: string }).owner,
    ).toBe('engine-a');
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));

    // engine-a hangs: its lease is no longer renewed. Simulated by a lease that expires soon.
    await a.stop();
    await control.collection.replaceIf(
      {
        _id: leaseId(build),
        _pos: '',
        kind: 'lease',
        owner: 'hung-engine',
        expiresAt: Date.now() + 800,
      },
      {},
    );
    await appendCounty(events, 30, 600);
    await new Promise((r) => setTimeout(r, 400));
    expect(b.writing().has('event-counts')).toBe(false);
    await until(async () => b.writing().has('event-counts'), 10_000);
    await until(caughtUp);
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));
  });

  it('a rebuild fills a new generation beside the live one, switches readers, drops the old', async () => {
    await appendCounty(events, 700);
    engine().start();
    await until(caughtUp);
    const before = await actualCounts(reader);
    const seen: string[] = [];
    const build = await rebuildProjection({
      events,
      store,
      projections: READ_MODELS,
      settings: SETTINGS,
      name: 'event-counts',
      onProgress: (checkpoint) => seen.push(checkpoint?._pos ?? ''),
    });
    expect(build.generation).toBe(1);
    expect(seen.length).toBeGreaterThan(1);
    reader.invalidate();
    expect((await reader.collection('event-counts', 'stream_event_counts')).name).toBe(
      'stream_event_counts_v1g1',
    );
    expect(await actualCounts(reader)).toEqual(before);
    const collections = await store.listCollections();
    expect(collections).not.toContain('stream_event_counts_v1');
    const control = new ProjectionControl(store);
    expect(
      await control.collection.findById(checkpointId({ ...build, generation: 0 })),
    ).toBeUndefined();
    // The live engine moves over to the new generation and keeps following the log.
    await appendCounty(events, 20, 700);
    await reader.waitForPosition((await events.headPosition()) as string, 15_000);
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));
  });

  it('rebuilding several projections together reads the log once and gives the same documents', async () => {
    await appendCounty(events, 900);
    engine().start();
    await until(caughtUp);
    const before = await actualCounts(reader);
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    const builds = await rebuildProjections({
      events,
      store,
      projections: READ_MODELS,
      settings: SETTINGS,
      names: READ_MODELS.map((p) => p.name),
    });
    expect(builds.map((b) => b.generation)).toEqual([1, 1, 1]);
    reader.invalidate();
    expect(await actualCounts(reader)).toEqual(before);
    const pairings = await reader.collection('bench-pairing-activity', 'bench_pairings');
    expect(pairings.name).toBe('bench_pairings_v1g1');
    expect(await pairings.count({})).toBe(50);
  });

  it('a build whose batches never wait on I/O keeps its lease through a long fold', async () => {
    await appendCounty(events, 1000);
    const busy: ReadModelProjection = {
      ...eventCounts,
      apply: (current, event, ref, context) => {
        const until = Date.now() + 1;
        while (Date.now() < until);
        return eventCounts.apply(current, event, ref, context);
      },
    };
    const build = await rebuildProjection({
      events,
      store,
      projections: [busy],
      // The fold (2,000 applies of 1 ms) outlasts the lease several times over.
      settings: { batchSize: 100, leaseMs: 300, buildCommitEvents: 100_000 },
      name: 'event-counts',
    });
    expect(build.generation).toBe(0);
    expect(await actualCounts(reader)).toEqual(expectedCounts(await events.readAll()));
  });

  it('waitForPosition gives up with READ_MODEL_LAGGING when projections do not get there', async () => {
    await appendCounty(events, 10);
    const head = (await events.headPosition()) as string;
    const error = await reader.waitForPosition(head, 150).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadModelLagError);
    expect((error as ReadModelLagError).code).toBe('READ_MODEL_LAGGING');
  });

  it('a commit nudges waiting readers: they look again at once, not at their next poll', async () => {
    const committed: string[] = [];
    const slowPolls = new DocumentReadModelReader(store, READ_MODELS, { pollMs: 600_000 });
    const e = new ProjectionEngine({
      events,
      store,
      projections: READ_MODELS,
      settings: SETTINGS,
      registry: new Registry(),
      onCommitted: (name) => {
        committed.push(name);
        slowPolls.nudge();
      },
    });
    engines.push(e);
    await appendCounty(events, 200);
    const head = (await events.headPosition()) as string;
    // Looks once before anything is applied; only a nudge can bring it back before its limit.
    const waiting = slowPolls.waitForPosition(head, 10_000);
    e.start();
    await expect(waiting).resolves.toBeUndefined();
    expect(new Set(committed)).toEqual(new Set(READ_MODELS.map((p) => p.name)));
  });

  it('reports lag against the head, and none once caught up', async () => {
    await appendCounty(events, 300);
    const e = engine();
    const [before] = await e.status();
    expect(before.lagEvents).toBe(300);
    e.start();
    await until(caughtUp);
    const statuses = await e.refreshMetrics();
    expect(statuses.map((s) => [s.name, s.lagEvents, s.lagMs])).toEqual(
      READ_MODELS.map((p) => [p.name, 0, 0]),
    );
  });
});
