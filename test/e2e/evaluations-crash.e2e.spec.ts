import { randomUUID } from 'node:crypto';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratingStreamId } from '@gongjian/domain';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { DecisionRunner } from '@gongjian/write-side';
import { BullMqJobQueue } from '../../libs/jobs/src/adapters/bullmq/bullmq.job-queue';
import { deleteKeysWithPrefix } from '../../libs/jobs/test/redis-keys';
import { EvaluationRuns } from '../../apps/api/src/modules/ratings/runs/evaluation-runs';

const root = join(__dirname, '..', '..');
const VILLAGES = 300;
const PERIOD = String(new Date().getUTCFullYear());

async function until(check: () => Promise<boolean>, what: string, deadlineMs = 90_000) {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const registered = (i: number): NewEvent => {
  const organizationId = `v-${String(i).padStart(4, '0')}`;
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'OrganizationRegistered',
    data: {
      organizationId,
      name: `第${i}村党支部`,
      level: 'branch',
      sector: 'village',
      township: `T0${i % 3}`,
    },
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'admin:county', role: 'admin' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
};

describeWithService(
  'redis',
  'REDIS_URL',
  (url) => {
    const out = join(root, '.cache', `evaluations-crash-dist-${process.pid}`);
    const prefix = uniqueResourceName('gj-test');
    const dataDir = mkdtempSync(join(tmpdir(), 'gongjian-evaluations-crash-'));
    let store: SqliteEventStore;
    let producer: BullMqJobQueue;
    let worker: ChildProcess | undefined;
    let stderr = '';

    const startWorker = () => {
      const child = spawn(process.execPath, [join(out, 'apps/worker/src/main.js')], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          KURRENTDB_URL: '',
          MONGODB_URL: '',
          REDIS_URL: url,
          JOBS_PREFIX: prefix,
          JOBS_ATTEMPTS: '1',
          JOBS_CONCURRENCY: '2',
          JOBS_LOCK_MS: '1000',
          // Many batches and one stream per append: the kill lands inside the run.
          EVALUATION_BATCHES: '12',
          EVALUATION_APPEND_CHUNK: '1',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr?.on('data', (chunk) => (stderr += chunk));
      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve(child.signalCode ?? child.exitCode)
          : child.once('exit', (code, signal) => resolve(signal ?? code)),
      );
    const ratingCounts = async () =>
      Promise.all(
        Array.from({ length: VILLAGES }, async (_, i) => {
          const events = await store.readStream(ratingStreamId(`v-${String(i).padStart(4, '0')}`));
          return events.filter((e) => e.type === 'BranchRated').length;
        }),
      );
    const runEvents = async () =>
      (await store.readStream(`evaluation-${PERIOD}`)).map((e) => e.type);

    beforeAll(async () => {
      execFileSync(process.execPath, ['scripts/compile.mjs', '--out', out], { cwd: root });
      store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
      for (let i = 0; i < VILLAGES; i++) {
        await store.append(
          `organization-v-${String(i).padStart(4, '0')}`,
          [registered(i)],
          'no_stream',
        );
      }
      producer = new BullMqJobQueue({
        url,
        address: 'REDIS_URL',
        prefix,
        queueName: 'jobs',
        concurrency: 1,
        attempts: 1,
        backoffMs: 10,
        probeIntervalMs: 200,
        commandTimeoutMs: 5000,
      });
      if (!(await producer.waitUntilAvailable(5000))) throw new Error('Redis did not answer');
    }, 120_000);

    afterAll(async () => {
      worker?.kill('SIGKILL');
      await producer?.close();
      await store?.close();
      await deleteKeysWithPrefix(url, prefix).catch(() => undefined);
      rmSync(out, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('completes a run after its worker is SIGKILLed mid-run, with exactly one rating per branch', async () => {
      // The api's side of a run: the request recorded, the plan job enqueued; nobody runs it here.
      const runs = new EvaluationRuns(store, new DecisionRunner(store), producer, {
        batches: 12,
        appendChunkSize: 1,
        noticeDays: 5,
        defaultRuleSetId: 'county-default',
      });
      const { runId } = await runs.start({ period: PERIOD }, 'api');

      worker = startWorker();
      await until(async () => {
        const rated = (await ratingCounts()).filter((n) => n > 0).length;
        return rated >= 10;
      }, 'ratings being recorded');
      worker.kill('SIGKILL');
      expect(await exited(worker)).toBe('SIGKILL');
      const atKill = (await ratingCounts()).filter((n) => n > 0).length;
      expect(atKill).toBeLessThan(VILLAGES);
      expect(await runEvents()).toEqual(['EvaluationRequested']);

      worker = startWorker();
      await until(async () => (await runEvents()).includes('EvaluationCompleted'), 'the run');
      worker.kill('SIGTERM');
      await exited(worker);

      expect(await ratingCounts()).toEqual(Array(VILLAGES).fill(1));
      const completed = (await store.readStream(`evaluation-${PERIOD}`)).find(
        (e) => e.type === 'EvaluationCompleted',
      );
      expect(completed?.data).toMatchObject({ runId, rated: VILLAGES, skipped: [] });
      expect(await runEvents()).toEqual(['EvaluationRequested', 'EvaluationCompleted']);
      expect(stderr).not.toMatch(/error/i);
    }, 180_000);
  },
  { title: 'a BullMQ worker killed with SIGKILL in the middle of an evaluation run' },
);
