/**
 * Event-store append throughput through the EventStore port, against the raw rates of
 * better-sqlite3 at the same durability (WAL, FULL): one row per transaction, and 100 rows per
 * transaction (what a group commit can at best approach).
 *
 *   npm run bench:append [-- --events 200000 --streams 1000 --writers 1,16,64]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { percentile, printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    streams: { type: 'string', default: '1000' },
    writers: { type: 'string', default: '1,16,64' },
    'baseline-events': { type: 'string', default: '20000' },
  },
});
const totalEvents = Number(values.events);
const streamCount = Number(values.streams);
const writerCounts = String(values.writers).split(',').map(Number);
const baselineEvents = Number(values['baseline-events']);

function sampleEvent(stream: number, revision: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    data: {
      pairingId: `pairing-${stream}`,
      activityId: randomUUID(),
      type: 'guidance_day',
      date: '2026-11-20',
      participants: 12,
      summary: '党建指导日：村党支部学习会，讨论集体经济项目',
      revision,
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'bench', role: 'operator' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/**
 * `rowsPerTx` rows per transaction: 1 as an application without group commit would write, 100 as
 * the batched rate. Latency is per transaction (what each of its rows waited).
 */
function measureBaseline(dir: string, count: number, rowsPerTx: number): Row {
  const db = new BetterSqlite3(join(dir, `baseline-${rowsPerTx}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream_id TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, UNIQUE(stream_id, revision))',
  );
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertRows = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const stream = i % streamCount;
      const revision = Math.floor(i / streamCount);
      const e = sampleEvent(stream, revision);
      insert.run(
        e.eventId,
        `s-${stream}`,
        revision,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
      );
    }
  });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += rowsPerTx) {
    const t = performance.now();
    insertRows(i, Math.min(count, i + rowsPerTx));
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  latencies.sort((a, b) => a - b);
  return {
    run: `raw better-sqlite3, ${rowsPerTx} row${rowsPerTx > 1 ? 's' : ''}/tx`,
    writers: 1,
    events: count,
    seconds: round(seconds),
    eventsPerSec: Math.round(count / seconds),
    p50ms: round(percentile(latencies, 50)),
    p99ms: round(percentile(latencies, 99)),
  };
}

/** `writers` concurrent loops, each owning a share of the streams, appending with exact revisions. */
async function measurePort(dir: string, writers: number): Promise<Row> {
  const store = new SqliteEventStore(join(dir, `port-${writers}.sqlite`));
  const revisions = new Array<number>(streamCount).fill(-1);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < totalEvents; i = next++) {
        const stream = i % streamCount;
        // Fewer writers than streams: no two appends in flight share a stream, so no conflicts.
        const expected = revisions[stream];
        revisions[stream] = expected + 1;
        const t = performance.now();
        await store.append(
          `bench-${stream}`,
          [sampleEvent(stream, expected + 1)],
          expected < 0 ? 'no_stream' : expected,
        );
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    run: 'EventStore port (sqlite)',
    writers,
    events: totalEvents,
    seconds: round(seconds),
    eventsPerSec: Math.round(totalEvents / seconds),
    p50ms: round(percentile(latencies, 50)),
    p99ms: round(percentile(latencies, 99)),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-bench-append-'));
  try {
    const baseline = measureBaseline(dir, baselineEvents, 1);
    const batched = measureBaseline(dir, Math.max(baselineEvents, 100 * 100), 100);
    batched.vsBaseline = round(Number(batched.eventsPerSec) / Number(baseline.eventsPerSec));
    const rows: Row[] = [baseline, batched];
    for (const writers of writerCounts) {
      const row = await measurePort(dir, writers);
      row.vsBaseline = round(Number(row.eventsPerSec) / Number(baseline.eventsPerSec));
      row.vsBatched = round(Number(row.eventsPerSec) / Number(batched.eventsPerSec));
      rows.push(row);
      console.error(`done: ${writers} writer(s), ${row.eventsPerSec} events/s`);
    }
    printReport('Event store append (durable: WAL, synchronous=FULL)', rows, {
      machine: machineInfo(),
      targets: {
        at64Writers: '>= 4x baseline (1 row/tx), p99 < 25 ms, >= 0.5x batched (100 rows/tx)',
        at1Writer: '>= 0.8x baseline',
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
