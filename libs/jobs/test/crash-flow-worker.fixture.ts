import { Redis } from 'ioredis';
import { BullMqJobQueue } from '../src/adapters/bullmq/bullmq.job-queue';

/**
 * A worker process for the crash test: REDIS_URL, JOBS_PREFIX. Each `apply-effect` child
 * records its delivery, applies its effect at most once per key (HSETNX), then keeps working
 * for a while, so that a SIGKILL lands after the effect and before the job completes.
 */
async function main(): Promise<void> {
  const url = process.env.REDIS_URL!;
  const prefix = process.env.JOBS_PREFIX!;
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new BullMqJobQueue({
    url,
    address: 'REDIS_URL',
    prefix,
    queueName: 'jobs',
    concurrency: 2,
    attempts: 1,
    backoffMs: 10,
    probeIntervalMs: 200,
    commandTimeoutMs: 5000,
    lockDurationMs: 1000,
    stalledIntervalMs: 500,
  });
  const applyOnce = async (jobId: string, value: string) => {
    await redis.hincrby(`${prefix}:deliveries`, jobId, 1);
    if ((await redis.hsetnx(`${prefix}:effects`, jobId, value)) === 1) {
      await redis.hincrby(`${prefix}:applied`, jobId, 1);
    }
  };
  queue.register('apply-effect', async (job) => {
    const { points } = job.data as { points: number };
    await applyOnce(job.id, String(points));
    await new Promise((resolve) => setTimeout(resolve, 700));
    return { points };
  });
  queue.register('total', async (job) => {
    const { results } = await job.childOutcomes();
    const total = Object.values(results).reduce<number>(
      (sum, result) => sum + (result as { points: number }).points,
      0,
    );
    await applyOnce(job.id, String(total));
    return { total, children: Object.keys(results).length };
  });
  await queue.start();
  process.stdout.write('worker started\n');
  process.once(
    'SIGTERM',
    () =>
      void queue
        .close()
        .then(() => redis.quit())
        .then(() => process.exit(0)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-flow-worker: ${String(error)}\n`);
  process.exit(1);
});
