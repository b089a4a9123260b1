/**
 * Projection rebuild throughput, next to the raw insertMany rate of the same documents into the
 * same read store, measured in the same run.
 *
 *   npm run bench:projections [-- --events 1000000 --pairings 2000 --data <dir to keep the log>]
 *
 * SQLite always; a MongoDB-wire server too when MONGODB_URL is set (collections are prefixed
 * and dropped afterwards). The log is generated once (scripts/bench/event-generator.ts) into an
 * embedded event store and reused when --data points at a directory that already holds it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '@gongjian/event-store';
import {
  DocumentReadModelReader,
  rebuildProjection,
  rebuildProjections,
} from '@gongjian/projections';
import { DocumentStore, ReadDocument, SqliteDocumentStore } from '@gongjian/read-store';
import { printReport, Row } from './bench-report';
import { READ_MODELS } from './bench-projections';
import { generateCounty } from './event-generator';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    pairings: { type: 'string', default: '2000' },
    data: { type: 'string' },
    'skip-sqlite': { type: 'boolean', default: false },
  },
});
const totalEvents = Number(values.events);
const pairings = Number(values.pairings);

async function generateLog(path: string): Promise<SqliteEventStore> {
  const reuse = existsSync(path);
  const events = new SqliteEventStore(path);
  if (reuse && (await events.headPosition()) !== undefined) return events;
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (const append of generateCounty(totalEvents, pairings)) {
    pending.push(events.append(append.streamId, append.events, 'any'));
    if (pending.length >= 1000) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`generated ${totalEvents} events in ${seconds.toFixed(1)} s\n`);
  return events;
}

async function measureStore(
  label: string,
  events: SqliteEventStore,
  store: DocumentStore,
  namespace: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const settings = { namespace };
  const reader = new DocumentReadModelReader(store, READ_MODELS, { namespace });
  let totalRebuildMs = 0;
  let totalRawMs = 0;
  let totalDocs = 0;
  const created: string[] = [];
  for (const projection of READ_MODELS) {
    const started = performance.now();
    await rebuildProjection({
      events,
      store,
      projections: READ_MODELS,
      settings,
      name: projection.name,
    });
    const rebuildMs = performance.now() - started;
    reader.invalidate();
    const docs: { name: string; documents: ReadDocument[] }[] = [];
    for (const name of Object.keys(projection.collections)) {
      const collection = await reader.collection(projection.name, name);
      created.push(collection.name);
      docs.push({ name: collection.name, documents: await collection.find({}) });
    }
    // The same documents, written raw into fresh collections of the same store.
    const rawStarted = performance.now();
    for (const { name, documents } of docs) {
      const raw = store.collection(`${name}_raw`);
      created.push(raw.name);
      await raw.drop();
      for (let i = 0; i < documents.length; i += 1000)
        await raw.insertMany(documents.slice(i, i + 1000));
    }
    const rawMs = performance.now() - rawStarted;
    const documents = docs.reduce((n, d) => n + d.documents.length, 0);
    totalRebuildMs += rebuildMs;
    totalRawMs += rawMs;
    totalDocs += documents;
    rows.push({
      store: label,
      projection: projection.name,
      events: totalEvents,
      documents,
      'rebuild s': rebuildMs / 1000,
      'rebuild events/s': Math.round(totalEvents / (rebuildMs / 1000)),
      'raw insertMany docs/s': Math.round(documents / (rawMs / 1000)),
      'raw s': rawMs / 1000,
      'raw s / rebuild s': rawMs / rebuildMs,
      'events/s ÷ raw docs/s': totalEvents / (rebuildMs / 1000) / (documents / (rawMs / 1000)),
    });
  }
  rows.push({
    store: label,
    projection: 'all (one after another)',
    events: totalEvents,
    documents: totalDocs,
    'rebuild s': totalRebuildMs / 1000,
    'rebuild events/s': Math.round(totalEvents / (totalRebuildMs / 1000)),
    'raw insertMany docs/s': Math.round(totalDocs / (totalRawMs / 1000)),
    'raw s': totalRawMs / 1000,
    'raw s / rebuild s': totalRawMs / totalRebuildMs,
    'events/s ÷ raw docs/s':
      totalEvents / (totalRebuildMs / 1000) / (totalDocs / (totalRawMs / 1000)),
  });
  // All read models rebuilt together, reading the log once (how a fresh deployment builds).
  const started = performance.now();
  await rebuildProjections({
    events,
    store,
    projections: READ_MODELS,
    settings,
    names: READ_MODELS.map((p) => p.name),
  });
  const together = performance.now() - started;
  rows.push({
    store: label,
    projection: 'all together (one read of the log)',
    events: totalEvents,
    documents: totalDocs,
    'rebuild s': together / 1000,
    'rebuild events/s': Math.round(totalEvents / (together / 1000)),
    'raw insertMany docs/s': Math.round(totalDocs / (totalRawMs / 1000)),
    'raw s': totalRawMs / 1000,
    'raw s / rebuild s': totalRawMs / together,
    'events/s ÷ raw docs/s': totalEvents / (together / 1000) / (totalDocs / (totalRawMs / 1000)),
  });
  reader.invalidate();
  for (const projection of READ_MODELS)
    for (const name of Object.keys(projection.collections))
      created.push((await reader.collection(projection.name, name)).name);
  for (const name of created)
    await store
      .collection(name)
      .drop()
      .catch(() => undefined);
  await store.collection(`${namespace}projection_control`).drop();
  return rows;
}

async function main(): Promise<void> {
  const dir = values.data ?? mkdtempSync(join(tmpdir(), 'gongjian-bench-projections-'));
  mkdirSync(dir, { recursive: true });
  const events = await generateLog(join(dir, 'events.sqlite'));
  const rows: Row[] = [];
  try {
    if (!values['skip-sqlite']) {
      const path = join(dir, 'bench-read-models.sqlite');
      const removeStore = () =>
        ['', '-wal', '-shm'].forEach((s) => rmSync(path + s, { force: true }));
      removeStore();
      const sqlite = new SqliteDocumentStore(path);
      rows.push(...(await measureStore('sqlite', events, sqlite, '')));
      await sqlite.close();
      removeStore();
    }
    if (process.env.MONGODB_URL) {
      const { MongoDocumentStore } =
        await import('../../libs/read-store/src/adapters/mongodb/mongodb.document-store');
      const mongo = await MongoDocumentStore.connect(process.env.MONGODB_URL, {
        bulkChunkSize: Number(process.env.MONGODB_BULK_CHUNK_SIZE ?? 32),
      });
      const namespace = `bench${Date.now().toString(36)}_`;
      rows.push(...(await measureStore('mongodb', events, mongo, namespace)));
      await mongo.close();
    } else {
      process.stderr.write('MONGODB_URL not set: the MongoDB-wire store is not measured\n');
    }
  } finally {
    await events.close();
    if (!values.data) rmSync(dir, { recursive: true, force: true });
  }
  printReport(`Projection rebuild vs raw insertMany (${totalEvents} events)`, rows, {
    machine: machineInfo(),
    targets: { sqliteEventsPerSecond: 100_000, mongodbEventsPerSecond: 10_000, mongodbRatio: 0.5 },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
