import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';

interface RateJob {
  branchId: string;
  points: number[];
}

interface RateResult {
  branchId: string;
  total: number;
  worker: string;
}

/** Proves Redis through BullMQ: a job added to a queue is run by a worker and its result returned. */
describeWithService('redis', 'REDIS_URL', (url) => {
  const queueName = uniqueResourceName('smoke-rate');
  let queue: Queue<RateJob, RateResult>;
  let events: QueueEvents;
  let worker: Worker<RateJob, RateResult>;
  const seen: string[] = [];

  beforeAll(async () => {
    const connection = { url, maxRetriesPerRequest: null };
    queue = new Queue<RateJob, RateResult>(queueName, { connection });
    events = new QueueEvents(queueName, { connection });
    worker = new Worker<RateJob, RateResult>(
      queueName,
      async (job: Job<RateJob, RateResult>) => {
        seen.push(job.id ?? '');
        return {
          branchId: job.data.branchId,
          total: job.data.points.reduce((sum, p) => sum + p, 0),
          worker: 'smoke',
        };
      },
      { connection, concurrency: 1 },
    );
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
  });

  afterAll(async () => {
    await worker?.close();
    if (queue) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await events?.close();
  });

  it('runs a job on a worker and returns its result', async () => {
    const job = await queue.add('rate', { branchId: 'branch-07', points: [3, 4, 5] });
    expect(job.id).toBeDefined();

    const result = await job.waitUntilFinished(events, 15_000);
    expect(result).toEqual({ branchId: 'branch-07', total: 12, worker: 'smoke' });
    expect(seen).toContain(job.id);

    const stored = await Job.fromId<RateJob, RateResult>(queue, job.id!);
    expect(stored?.returnvalue).toEqual(result);
    expect(await stored?.getState()).toBe('completed');
  });

  it('honours a custom job id: adding it twice runs it once', async () => {
    const jobId = 'rate-branch-08-2026Q1';
    const first = await queue.add('rate', { branchId: 'branch-08', points: [1] }, { jobId });
    const second = await queue.add('rate', { branchId: 'branch-08', points: [1] }, { jobId });
    expect(second.id).toBe(first.id);
    await expect(first.waitUntilFinished(events, 15_000)).resolves.toMatchObject({ total: 1 });
    expect(seen.filter((id) => id === jobId)).toHaveLength(1);
  });
});
