import { loadConfig } from '@gongjian/config';
import { describeUnavailable, restartablePort, uniqueResourceName } from '@gongjian/testing';
import { waitForJob } from '../../../../../test/contract/job-queue.contract';
import { LocalRedisServer, redisServerOnPath } from '../../../test/local-redis-server';
import { JobsUnavailableError } from '../../job-queue.errors';
import type { JobQueue } from '../../job-queue.port';
import { openJobQueue } from '../../open-job-queue';

async function until(check: () => boolean, what: string, deadlineMs = 20_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const title = 'a BullMQ job queue whose Redis is down at start, comes up, goes down and comes back';

if (!redisServerOnPath()) {
  describeUnavailable('redis', title, 'redis-server is not on PATH');
} else {
  describe(title, () => {
    let server: LocalRedisServer;
    let queue: JobQueue | undefined;
    const lines: string[] = [];
    const ran: string[] = [];

    beforeAll(async () => {
      server = new LocalRedisServer(await restartablePort());
    });
    afterAll(async () => {
      await queue?.close();
      await server?.dispose();
    });

    it('starts without Redis, refuses work with JobsUnavailableError, and says so in one line', async () => {
      const config = loadConfig({
        REDIS_URL: `redis://:secret@127.0.0.1:${server.port}`,
        JOBS_PREFIX: uniqueResourceName('gj-test'),
        JOBS_PROBE_INTERVAL_MS: '200',
        JOBS_BACKOFF_MS: '10',
        STARTUP_TIMEOUT_MS: '500',
        STORE_TIMEOUT_MS: '1000',
      });
      const log = {
        info: (line: string) => lines.push(line),
        warn: (line: string) => lines.push(line),
      };
      queue = await openJobQueue(config, { log });
      queue.register('note', async (job) => {
        ran.push(job.id);
        return job.id;
      });
      await queue.start();

      expect(queue.engine).toBe('bullmq');
      expect(queue.available).toBe(false);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(
          `^REDIS_URL: job queue at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${server.port}.* is not reachable`,
        ),
      );
      expect(lines[0]).not.toMatch(/secret|\n/);

      const refused = await queue
        .enqueue('note', {}, { jobId: 'while-down' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(JobsUnavailableError);
      expect((refused as JobsUnavailableError).code).toBe('JOBS_UNAVAILABLE');
      expect((refused as Error).message).toMatch(/REDIS_URL=/);
      await expect(queue.ping()).rejects.toThrow(JobsUnavailableError);
      await expect(queue.getJob('while-down')).rejects.toThrow(JobsUnavailableError);

      await expect(
        queue.upsertScheduler(
          'evaluation-yearly',
          { cron: '0 2 15 1 *', tz: 'Asia/Shanghai' },
          { name: 'note', data: {} },
        ),
      ).resolves.toBe('pending');
    });

    it('when Redis comes up: upserts the pending scheduler and runs jobs', async () => {
      await server.start();
      await until(() => queue!.available, 'available after Redis started');
      await expect(queue!.ping()).resolves.toBeUndefined();
      expect((await queue!.listSchedulers()).map((s) => s.schedulerId)).toEqual([
        'evaluation-yearly',
      ]);
      await queue!.enqueue('note', {}, { jobId: 'after-start' });
      await expect(waitForJob(queue!, 'after-start', ['completed'])).resolves.toMatchObject({
        result: 'after-start',
      });
    });

    it('when Redis goes away: enqueue fails fast again', async () => {
      await server.stop();
      await until(() => !queue!.available, 'unavailable after Redis stopped');
      await expect(queue!.enqueue('note', {}, { jobId: 'during-outage' })).rejects.toThrow(
        JobsUnavailableError,
      );
      expect(
        lines.some((line) => /is not reachable .*enqueueing fails until it answers/.test(line)),
      ).toBe(true);
    });

    it('when Redis comes back empty: the scheduler is upserted again and the worker resumes', async () => {
      await server.start();
      await until(() => queue!.available, 'available after Redis restarted');
      expect((await queue!.listSchedulers()).map((s) => s.schedulerId)).toEqual([
        'evaluation-yearly',
      ]);
      await queue!.enqueue('note', {}, { jobId: 'after-restart' });
      await expect(waitForJob(queue!, 'after-restart', ['completed'])).resolves.toMatchObject({
        result: 'after-restart',
      });
      expect(ran).toEqual(['after-start', 'after-restart']);
    });
  });
}
