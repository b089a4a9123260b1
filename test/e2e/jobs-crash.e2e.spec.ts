import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { BullMqJobQueue } from '../../libs/jobs/src/adapters/bullmq/bullmq.job-queue';
import { deleteKeysWithPrefix } from '../../libs/jobs/test/redis-keys';
import { waitForJob } from '../contract/job-queue.contract';

const root = join(__dirname, '..', '..');
const CHILDREN = 6;

async function until(check: () => Promise<boolean>, what: string, deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeWithService(
  'redis',
  'REDIS_URL',
  (url) => {
    const out = join(root, '.cache', `jobs-crash-dist-${process.pid}`);
    const prefix = uniqueResourceName('gj-test');
    let producer: BullMqJobQueue;
    let redis: Redis;
    let worker: ChildProcess | undefined;
    let stderr = '';

    const startWorker = () => {
      const child = spawn(
        process.execPath,
        [join(out, 'libs/jobs/test/crash-flow-worker.fixture.js')],
        {
          env: { ...process.env, REDIS_URL: url, JOBS_PREFIX: prefix },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      child.stderr?.on('data', (chunk) => (stderr += chunk));
      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve(child.signalCode ?? child.exitCode)
          : child.once('exit', (code, signal) => resolve(signal ?? code)),
      );
    const hash = async (name: string) => redis.hgetall(`${prefix}:${name}`);

    beforeAll(async () => {
      execFileSync(process.execPath, ['scripts/compile.mjs', '--out', out], { cwd: root });
      redis = new Redis(url, { maxRetriesPerRequest: 1 });
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
    }, 60_000);

    afterAll(async () => {
      worker?.kill('SIGKILL');
      await producer?.close();
      await deleteKeysWithPrefix(url, prefix).catch(() => undefined);
      redis?.disconnect();
      rmSync(out, { recursive: true, force: true });
    });

    it('completes a flow after its worker is SIGKILLed mid-flow, each effect applied once', async () => {
      const children = Array.from({ length: CHILDREN }, (_, i) => ({
        name: 'apply-effect',
        data: { points: 10 + i },
        jobId: `crash-run-c${i}`,
      }));
      await producer.enqueueFlow({
        parent: { name: 'total', data: {}, jobId: 'crash-run' },
        children,
        failurePolicy: 'fail-parent',
      });

      worker = startWorker();
      // Two children are past their effect and still running: kill the worker there.
      await until(
        async () => Object.keys(await hash('deliveries')).length >= 2,
        'children started',
      );
      worker.kill('SIGKILL');
      expect(await exited(worker)).toBe('SIGKILL');
      const killedWhileRunning = Object.keys(await hash('deliveries'));
      expect((await producer.getJob('crash-run'))?.status).toBe('queued');

      worker = startWorker();
      const parent = await waitForJob(producer, 'crash-run', ['completed', 'failed'], 60_000);
      expect(stderr).toBe('');
      expect(parent).toMatchObject({
        status: 'completed',
        result: { total: children.reduce((sum, c) => sum + c.data.points, 0), children: CHILDREN },
      });

      const ids = [...children.map((c) => c.jobId), 'crash-run'].sort();
      const applied = await hash('applied');
      expect(Object.keys(applied).sort()).toEqual(ids);
      expect(Object.values(applied).every((count) => count === '1')).toBe(true);
      const effects = await hash('effects');
      for (const child of children) expect(effects[child.jobId]).toBe(String(child.data.points));

      // The jobs that were running at the kill were delivered again (stalled-job recovery),
      // and their second delivery changed nothing.
      const deliveries = await hash('deliveries');
      for (const id of killedWhileRunning) {
        expect(Number(deliveries[id])).toBeGreaterThanOrEqual(2);
      }
      for (const child of children) {
        await expect(producer.getJob(child.jobId)).resolves.toMatchObject({ status: 'completed' });
      }
    }, 120_000);
  },
  { title: 'a BullMQ worker killed with SIGKILL in the middle of a flow' },
);
