/**
 * Star-rating runs on a county of ≥ 500k events: the same run (plan → batches → the parent that
 * applies quotas and records the ratings) through the in-process job runner and through BullMQ
 * with 1 and 2 worker processes, each on its own copy of the same log.
 *
 *   npm run bench:evaluation [-- --events 500000 --data <dir to keep the log>]
 *
 * BullMQ needs REDIS_URL (a unique key prefix per run, deleted afterwards). The log is the demo
 * county (scripts/demo/demo-event-log.ts) with a democratic appraisal score per village, written
 * once and reused when --data points at a directory that holds it. The clock runs from the
 * request (POST /evaluations's work: the run recorded, the plan job enqueued) to the recorded
 * EvaluationCompleted, with the workers already started and idle.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@gongjian/config';
import { evaluationStreamId, ratingStreamId } from '@gongjian/domain';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { InProcessJobQueue, JobQueue, openJobQueue } from '@gongjian/jobs';
import { DecisionRunner } from '@gongjian/write-side';
import { EvaluationRuns } from '../../apps/api/src/modules/ratings/runs/evaluation-runs';
import { writeDemoEventLog } from '../demo/demo-event-log';
import { DEMO_SCALES } from '../demo/demo-plan.types';
import { planOrganizations } from '../demo/plan-organizations';
import { SeededRandom } from '../demo/seeded-random';
import { deleteKeysWithPrefix } from '../../libs/jobs/test/redis-keys';
import { printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '500000' },
    data: { type: 'string' },
    seed: { type: 'string', default: '2026' },
  },
});
const totalEvents = Number(values.events);
const seed = Number(values.seed);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const settings = {
  batches: config.evaluationBatches,
  appendChunkSize: config.evaluationAppendChunkSize,
  noticeDays: config.ratingNoticeDays,
  defaultRuleSetId: config.evaluationRuleSetId,
};
const now = new Date();
const PERIOD = String(now.getUTCFullYear() - 1);

async function generateLog(path: string): Promise<void> {
  const events = new SqliteEventStore(path);
  try {
    if ((await events.headPosition()) !== undefined) return;
    const started = performance.now();
    await writeDemoEventLog(events, { events: totalEvents, seed, now });
    const random = new SeededRandom(seed + 1);
    for (const village of planOrganizations(new SeededRandom(seed), DEMO_SCALES.county).villages) {
      const commandId = randomUUID();
      const appraisal: NewEvent = {
        eventId: randomUUID(),
        type: 'AppraisalScoreRecorded',
        data: { organizationId: village.id, period: PERIOD, score: random.int(55, 98) },
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: { id: 'bench', role: 'admin' },
          occurredAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      };
      await events.append(ratingStreamId(village.id), [appraisal], 'any');
    }
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`generated the log in ${seconds.toFixed(1)} s\n`);
  } finally {
    await events.close();
  }
}

/** A fresh copy of the generated log, so that every case rates the same log from scratch. */
function workingCopy(source: string, dir: string): string {
  const path = join(dir, 'events.sqlite');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(source, path);
  return path;
}

async function completion(store: SqliteEventStore, deadlineMs = 600_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const done = (await store.readStream(evaluationStreamId(PERIOD))).find(
      (e) => e.type === 'EvaluationCompleted' || e.type === 'EvaluationFailed',
    );
    if (done) return done;
    if (Date.now() > deadline) throw new Error('the run did not finish');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function timeRun(store: SqliteEventStore, jobs: JobQueue, label: string): Promise<Row> {
  const runs = new EvaluationRuns(store, new DecisionRunner(store), jobs, settings);
  if (jobs.engine === 'in-process') {
    runs.registerHandlers();
    await jobs.start();
  }
  const head = await store.headPosition();
  const started = performance.now();
  await runs.start({ period: PERIOD, cutoff: head }, 'api');
  const done = await completion(store);
  const ms = performance.now() - started;
  if (done.type !== 'EvaluationCompleted') throw new Error(`${label}: ${String(done.data.reason)}`);
  return {
    case: label,
    'events rated over': Number(head),
    branches: Number(done.data.rated),
    seconds: ms / 1000,
    'events/s folded': Math.round(Number(head) / (ms / 1000)),
  };
}

function startWorkers(count: number, dataDir: string, prefix: string, dist: string) {
  return Array.from({ length: count }, () => {
    const child = spawn(process.execPath, [join(dist, 'apps/worker/src/main.js')], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        JOBS_PREFIX: prefix,
        LOG_LEVEL: 'silent',
        PROJECTIONS_MODULE: join(dist, 'scripts/bench/no-read-models.js'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ready = new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr?.on('data', (chunk) => {
        seen += chunk;
        if (seen.includes('jobs: running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${seen}`)));
    });
    return { child, ready };
  });
}

async function bullmqRun(source: string, dir: string, workers: number, dist: string): Promise<Row> {
  const prefix = `gj-bench-${Date.now().toString(36)}-${workers}`;
  const path = workingCopy(source, dir);
  const store = new SqliteEventStore(path);
  const started = startWorkers(workers, dir, prefix, dist);
  const children: ChildProcess[] = started.map((s) => s.child);
  const producer = await openJobQueue({ ...config, jobsPrefix: prefix });
  try {
    await Promise.all(started.map((s) => s.ready));
    return await timeRun(store, producer, `BullMQ, ${workers} worker${workers > 1 ? 's' : ''}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => (c.exitCode !== null ? resolve(0) : c.once('exit', resolve))),
      ),
    );
    await producer.close();
    await store.close();
    await deleteKeysWithPrefix(config.redisUrl!, prefix);
  }
}

async function main(): Promise<void> {
  const dir = values.data ?? mkdtempSync(join(tmpdir(), 'gongjian-bench-evaluation-'));
  mkdirSync(dir, { recursive: true });
  const source = join(dir, 'events.sqlite');
  await generateLog(source);
  const dist = join(__dirname, '..', '..');
  const rows: Row[] = [];
  try {
    const copy = workingCopy(source, join(dir, 'in-process'));
    const store = new SqliteEventStore(copy);
    const jobs = new InProcessJobQueue({
      concurrency: config.jobsConcurrency,
      attempts: config.jobsAttempts,
      backoffMs: config.jobsBackoffMs,
    });
    rows.push(await timeRun(store, jobs, 'in-process'));
    await jobs.close();
    await store.close();
    if (config.redisUrl) {
      if (!existsSync(join(dist, 'apps/worker/src/main.js')))
        throw new Error('run through npm run bench:evaluation (it compiles the worker)');
      for (const workers of [1, 2])
        rows.push(await bullmqRun(source, join(dir, `bullmq-${workers}`), workers, dist));
    } else {
      process.stderr.write('REDIS_URL not set: BullMQ is not measured\n');
    }
  } finally {
    for (const name of ['in-process', 'bullmq-1', 'bullmq-2'])
      rmSync(join(dir, name), { recursive: true, force: true });
    if (!values.data) rmSync(dir, { recursive: true, force: true });
  }
  const inProcess = Number(rows[0].seconds);
  for (const row of rows) row['× in-process'] = Number(row.seconds) / inProcess;
  printReport(`Star-rating run, period ${PERIOD} (${totalEvents} generated events)`, rows, {
    machine: machineInfo(),
    settings,
    targets: { inProcessSeconds: 5, bullmqRatio: 1.5 },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
