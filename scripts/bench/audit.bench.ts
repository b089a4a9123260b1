/**
 * Audit verification throughput: the whole log checked against a signed checkpoint (every
 * stream's chain in log order, the Merkle tree over the log, the leaf index), next to raw
 * SHA-256 over the same bytes in the same run: each event's chain bytes and its leaf bytes. The
 * raw figure the target is taken against is one thread, each digest a string (the form the
 * verifier's hashing thread uses); beside it, each digest a Buffer, as earlier runs measured it.
 * The verifier is timed with its hashing thread and without it.
 *
 *   npm run bench:audit [-- --events 1000000 --streams 20000] [--log <file>]
 *
 * With --log, the seeded log is kept in that file (seeded there when it is absent) and each run
 * works on a copy of it, so that runs to compare need not seed again.
 */
import { generateKeyPairSync, hash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import {
  AuditAnchorService,
  eventBytes,
  LeafIndex,
  LogScan,
  verifierOf,
  verifyStore,
} from '@gongjian/audit';
import {
  EventStore,
  GENESIS_HASH,
  NewEvent,
  portOnly,
  RecordedEvent,
  sealLinks,
  SqliteEventStore,
} from '@gongjian/event-store';
import { printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    streams: { type: 'string', default: '20000' },
    log: { type: 'string' },
  },
});
const totalEvents = Number(values.events);
const streamCount = Number(values.streams);

function sampleEvent(stream: number, revision: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    data: {
      pairingId: `p-${stream}`,
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
      occurredAt: '2026-11-20T02:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/**
 * Writes the rows the SQLite adapter writes (same columns, same sealing), in large transactions:
 * a million appends through the port would only measure group commit, which bench:append does.
 */
function seedLog(path: string): void {
  new SqliteEventStore(path).close();
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, prev_hash, hash, link)
     VALUES (?, ?, ?, ?, '', '', ?, ?, ?, ?)`,
  );
  const heads = Array.from({ length: streamCount }, () => ({ revision: 0, hash: GENESIS_HASH }));
  const recordedAt = new Date().toISOString();
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const stream = i % streamCount;
      const head = heads[stream];
      const event = sampleEvent(stream, head.revision);
      const streamId = `pairing-p-${stream}`;
      const [{ metadata, bytes }] = sealLinks(
        streamId,
        head.revision,
        head.hash,
        [event],
        recordedAt,
      );
      const own = metadata.hash;
      insert.run(
        event.eventId,
        streamId,
        head.revision,
        event.type,
        recordedAt,
        metadata.prevHash,
        own,
        bytes,
      );
      heads[stream] = { revision: head.revision + 1, hash: own };
    }
  });
  for (let from = 0; from < totalEvents; from += 20_000)
    writeBatch(from, Math.min(totalEvents, from + 20_000));
  db.close();
}

/** The seeded log at `path`: copied from --log's file (seeded there first when absent). */
function prepareLog(path: string): void {
  const kept = values.log;
  if (!kept) return seedLog(path);
  if (!existsSync(kept)) seedLog(kept);
  const db = new BetterSqlite3(kept, { readonly: true });
  const { events } = db.prepare('SELECT count(*) AS events FROM events').get() as {
    events: number;
  };
  db.close();
  if (events !== totalEvents) throw new Error(`${kept} holds ${events} events, not ${totalEvents}`);
  copyFileSync(kept, path);
}

/**
 * The verifier's own per-event work (LogScan: chain + leaf + tree) over events already read, and
 * raw SHA-256 over the exact buffers it hashes, made before the clock starts.
 */
function computeOnly(batch: RecordedEvent[], scan: LogScan) {
  const sizeBefore = scan.range.size;
  let started = process.hrtime.bigint();
  for (const event of batch) scan.add(event);
  const verifyNs = process.hrtime.bigint() - started;
  const inputs = batch.flatMap((event) => {
    const bytes = eventBytes(event);
    return [Buffer.from(bytes.link), Buffer.from(bytes.leafInput)];
  });
  started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  for (const input of inputs) hash('sha256', input, 'buffer');
  const rawNs = process.hrtime.bigint() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // The same with each digest as a string (the hashing thread's form), not a Buffer each.
  started = process.hrtime.bigint();
  for (const input of inputs) hash('sha256', input, 'binary');
  const rawStringNs = process.hrtime.bigint() - started;
  // As many 65-byte node inputs (0x01 ‖ left ‖ right) as the tree hashed for this batch.
  const nodes = nodesHashed(scan.range.size) - nodesHashed(sizeBefore);
  const nodeInputs = Array.from({ length: nodes }, (_, i) => Buffer.alloc(65, i % 251));
  started = process.hrtime.bigint();
  for (const input of nodeInputs) hash('sha256', input, 'buffer');
  const rawNodesNs = process.hrtime.bigint() - started;
  const rawCpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    verifyNs,
    rawNs,
    rawStringNs,
    rawNodesNs,
    rawCpuSeconds,
    bytes: inputs.reduce((n, b) => n + b.length, 0),
  };
}

/** Interior nodes a compact range has hashed after `size` appends: size − popcount(size). */
function nodesHashed(size: number): number {
  let ones = 0;
  for (let rest = size; rest > 0; rest = Math.floor(rest / 2)) ones += rest % 2;
  return size - ones;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-bench-audit-'));
  try {
    const path = join(dir, 'events.sqlite');
    let started = Date.now();
    prepareLog(path);
    const seedMs = Date.now() - started;
    const store = new SqliteEventStore(path);
    const leaves = new LeafIndex(join(dir, 'audit-leaves.sqlite'));
    const signer = { name: 'bench.local/audit-log', ...generateKeyPairSync('ed25519') };
    started = Date.now();
    const loadAverageBefore = loadavg().map((l) => Number(l.toFixed(2)));
    const checkpoint = await new AuditAnchorService(store, leaves, signer).anchor({
      id: 'bench',
      role: 'admin',
    });
    const anchorMs = Date.now() - started;

    const verifier = verifierOf(signer);
    // CPU seconds of all the process's threads, beside the wall clock: on a shared machine they
    // show the work done when the clock mostly shows the wait for a core.
    const timedVerify = async (on: EventStore, hashingThread: boolean) => {
      const began = Date.now();
      const cpuBefore = process.cpuUsage();
      const result = await verifyStore(on, verifier, leaves, { hashingThread });
      const cpu = process.cpuUsage(cpuBefore);
      if (!result.ok || result.checkedEvents !== totalEvents + 1) {
        throw new Error(`verification did not pass: ${JSON.stringify(result)}`);
      }
      return { result, ms: Date.now() - began, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    };
    const twoThreads = await timedVerify(store, true);
    const { result: verification, ms: verifyMs } = twoThreads;
    const oneThread = await timedVerify(store, false);
    const viaPort = await timedVerify(portOnly(store), false);

    started = Date.now();
    let linkAfter: string | undefined;
    for (;;) {
      const { entries } = await store.readStoredLinks({ fromPosition: linkAfter, limit: 1500 });
      if (entries.length === 0) break;
      linkAfter = entries[entries.length - 1].position;
    }
    const readLinksMs = Date.now() - started;

    // The same work with the reads taken out, next to hashing the same bytes.
    const scan = new LogScan(Number.MAX_SAFE_INTEGER);
    let verifyNs = 0n;
    let rawNs = 0n;
    let rawStringNs = 0n;
    let rawNodesNs = 0n;
    let rawCpuSeconds = 0;
    let readNs = 0n;
    let bytes = 0;
    let after: string | undefined;
    for (;;) {
      const readStarted = process.hrtime.bigint();
      const batch = await store.readAll({ fromPosition: after, limit: 5000 });
      readNs += process.hrtime.bigint() - readStarted;
      if (batch.length === 0) break;
      const measured = computeOnly(batch, scan);
      verifyNs += measured.verifyNs;
      rawNs += measured.rawNs;
      rawStringNs += measured.rawStringNs;
      rawNodesNs += measured.rawNodesNs;
      rawCpuSeconds += measured.rawCpuSeconds;
      bytes += measured.bytes;
      after = batch[batch.length - 1].position;
    }
    const events = verification.checkedEvents;
    if (scan.chainBreak || scan.scanned !== events) throw new Error('the timed scan did not pass');
    await store.close();
    leaves.close();

    const perSecond = (n: number, ns: bigint | number) => n / (Number(ns) / 1e9);
    const raw = perSecond(events, rawNs);
    // The like-for-like reference: the same hashes with each digest a string, as the verifier's
    // hashing thread takes them. The target is taken against it.
    const rawString = perSecond(events, rawStringNs);
    const rawAll = perSecond(events, rawNs + rawNodesNs);
    const row = (measure: string, ns: number | bigint): Row => ({
      measure,
      events,
      seconds: Number(ns) / 1e9,
      eventsPerSecond: perSecond(events, ns),
      vsRawStringDigests: perSecond(events, ns) / rawString,
      vsRawEventBytes: perSecond(events, ns) / raw,
      vsRawAllInputs: perSecond(events, ns) / rawAll,
    });
    const rows: Row[] = [
      {
        ...row('verify store, 2 threads (read + chain + Merkle + leaf index)', verifyMs * 1e6),
        cpuSeconds: twoThreads.cpuSeconds,
      },
      { ...row('verify store, 1 thread', oneThread.ms * 1e6), cpuSeconds: oneThread.cpuSeconds },
      {
        ...row('verify store through readAll (parses events; KurrentDB path)', viaPort.ms * 1e6),
        cpuSeconds: viaPort.cpuSeconds,
      },
      row('verify, reads excluded (chain + Merkle over parsed events)', verifyNs),
      row('reading the stored links alone (readStoredLinks)', readLinksMs * 1e6),
      row('reading the log alone (readAll through the port)', readNs),
      { ...row('raw SHA-256: every link and 0x00‖leaf', rawNs), cpuSeconds: rawCpuSeconds },
      row('raw SHA-256: the same, each digest a string, not a Buffer', rawStringNs),
      row('raw SHA-256: those and the 0x01‖l‖r tree nodes', rawNs + rawNodesNs),
      {
        measure: 'checkpoint from scratch (index catch-up + tree + sign)',
        events: checkpoint.treeSize,
        seconds: anchorMs / 1000,
        eventsPerSecond: perSecond(checkpoint.treeSize, anchorMs * 1e6),
      },
    ];
    printReport(`Audit verification, ${events} events in ${streamCount} streams (SQLite)`, rows, {
      machine: machineInfo(),
      loadAverageBefore,
      loadAverageAfter: loadavg().map((l) => Number(l.toFixed(2))),
      seedSeconds: seedMs / 1000,
      hashedMiB: Math.round(bytes / 2 ** 20),
      targets: { eventsPerSecond: 200_000, vsRawStringDigests: 0.5 },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
