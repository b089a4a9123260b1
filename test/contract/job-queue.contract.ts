import {
  HandlerRegistrationError,
  InvalidFlowError,
  InvalidJobIdError,
  InvalidScheduleError,
  JobQueue,
  JobSnapshot,
  JobStatus,
  RunningJob,
} from '@gongjian/jobs';

export interface JobQueueContractSettings {
  attempts: number;
  backoffMs: number;
  concurrency: number;
}

export interface OpenedJobQueue {
  queue: JobQueue;
  cleanup: () => Promise<void>;
}

/** A fresh, unstarted queue with nothing in it, isolated from every other test's. */
export type OpenJobQueue = (settings: JobQueueContractSettings) => Promise<OpenedJobQueue>;

const DEFAULTS: JobQueueContractSettings = { attempts: 1, backoffMs: 10, concurrency: 4 };
const DEADLINE_MS = 20_000;

export async function waitForJob(
  queue: JobQueue,
  jobId: string,
  statuses: JobStatus[],
  deadlineMs = DEADLINE_MS,
): Promise<JobSnapshot> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job && statuses.includes(job.status)) return job;
    if (Date.now() > deadline) {
      throw new Error(
        `job ${jobId} not ${statuses.join('/')} within ${deadlineMs} ms: ${JSON.stringify(job)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function until(check: () => boolean, what: string, deadlineMs = DEADLINE_MS) {
  const deadline = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise that the test resolves when it chooses. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** What every JobQueue adapter must do; see job-queue.port.ts. */
export function describeJobQueueContract(engine: string, open: OpenJobQueue): void {
  describe(`JobQueue contract: ${engine}`, () => {
    let opened: OpenedJobQueue | undefined;
    const openQueue = async (settings: Partial<JobQueueContractSettings> = {}) => {
      opened = await open({ ...DEFAULTS, ...settings });
      return opened.queue;
    };
    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
    });

    it('runs the handler registered for the job name and keeps its result', async () => {
      const queue = await openQueue();
      const seen: RunningJob<{ branches: string[] }>[] = [];
      queue.register('count-branches', async (job: RunningJob<{ branches: string[] }>) => {
        seen.push(job);
        return { counted: job.data.branches.length };
      });
      queue.register('other', async () => 'wrong handler');
      await queue.start();
      const enqueued = await queue.enqueue(
        'count-branches',
        { branches: ['b1', 'b2', 'b3'] },
        { jobId: 'count-2026' },
      );
      expect(enqueued).toEqual({ jobId: 'count-2026' });

      const job = await waitForJob(queue, 'count-2026', ['completed', 'failed']);
      expect(job).toMatchObject({
        id: 'count-2026',
        name: 'count-branches',
        status: 'completed',
        data: { branches: ['b1', 'b2', 'b3'] },
        result: { counted: 3 },
        attempts: 1,
      });
      expect(job.createdAt).toBeInstanceOf(Date);
      expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(job.createdAt.getTime());
      expect(seen.map((j) => [j.id, j.name, j.attempt, j.scheduledFor])).toEqual([
        ['count-2026', 'count-branches', 1, undefined],
      ]);
    });

    it('keeps jobs enqueued before start and runs them once started', async () => {
      const queue = await openQueue();
      let runs = 0;
      queue.register('early', async () => ++runs);
      await queue.enqueue('early', {}, { jobId: 'early-1' });
      expect((await queue.getJob('early-1'))?.status).toBe('queued');
      expect(runs).toBe(0);
      await queue.start();
      await expect(waitForJob(queue, 'early-1', ['completed'])).resolves.toMatchObject({
        result: 1,
      });
    });

    it('adds nothing for a job id that exists, while queued and after it completed', async () => {
      const queue = await openQueue();
      const runs: unknown[] = [];
      queue.register('rate', async (job) => {
        runs.push(job.data);
        return job.data;
      });
      await queue.enqueue('rate', { period: '2026', take: 1 }, { jobId: 'rate-2026' });
      await queue.enqueue('rate', { period: '2026', take: 2 }, { jobId: 'rate-2026' });
      await queue.start();
      await waitForJob(queue, 'rate-2026', ['completed']);
      await queue.enqueue('rate', { period: '2026', take: 3 }, { jobId: 'rate-2026' });
      await queue.enqueue('rate', { period: '2027', take: 1 }, { jobId: 'rate-2027' });
      await waitForJob(queue, 'rate-2027', ['completed']);

      expect(runs).toEqual([
        { period: '2026', take: 1 },
        { period: '2027', take: 1 },
      ]);
      expect((await queue.getJob('rate-2026'))?.data).toEqual({ period: '2026', take: 1 });
    });

    it('refuses job ids it cannot store as given, before adding anything', async () => {
      const queue = await openQueue();
      for (const jobId of ['evaluation:2026', '', '12345', 'two words', 'x'.repeat(201)]) {
        await expect(queue.enqueue('rate', {}, { jobId })).rejects.toThrow(InvalidJobIdError);
      }
      await expect(queue.enqueue('rate', {}, { jobId: 'evaluation:2026' })).rejects.toThrow(
        /must not contain ":"/,
      );
      expect(await queue.getJob('evaluation-2026')).toBeUndefined();
    });

    it('answers undefined for a job id it has never seen', async () => {
      const queue = await openQueue();
      await expect(queue.getJob('never-enqueued')).resolves.toBeUndefined();
    });

    it('retries a failing handler with a growing attempt number until it succeeds', async () => {
      const queue = await openQueue({ attempts: 3 });
      const attempts: number[] = [];
      queue.register('flaky', async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 2) throw new Error('township server busy');
        return 'done';
      });
      await queue.start();
      await queue.enqueue('flaky', {}, { jobId: 'flaky-1' });
      const job = await waitForJob(queue, 'flaky-1', ['completed', 'failed']);
      expect(job).toMatchObject({ status: 'completed', result: 'done', attempts: 2 });
      expect(attempts).toEqual([1, 2]);
    });

    it('fails a job after its attempts, keeping the last error as the failure reason', async () => {
      const queue = await openQueue({ attempts: 3 });
      const attempts: number[] = [];
      queue.register('broken', async (job) => {
        attempts.push(job.attempt);
        throw new Error(`rule set missing (attempt ${job.attempt})`);
      });
      await queue.start();
      await queue.enqueue('broken', {}, { jobId: 'broken-1', attempts: 2 });
      const job = await waitForJob(queue, 'broken-1', ['failed']);
      expect(job).toMatchObject({
        status: 'failed',
        failureReason: 'rule set missing (attempt 2)',
        attempts: 2,
      });
      expect(job.result).toBeUndefined();
      expect(attempts).toEqual([1, 2]);
    });

    it('fails a job whose name has no handler', async () => {
      const queue = await openQueue();
      queue.register('known', async () => 1);
      await queue.start();
      await queue.enqueue('unknown-name', {}, { jobId: 'orphan-1' });
      const job = await waitForJob(queue, 'orphan-1', ['failed']);
      expect(job.failureReason).toMatch(/no handler .*"unknown-name"/);
    });

    it('shows a running job and the progress its handler reports', async () => {
      const queue = await openQueue();
      const release = gate();
      let reported = false;
      queue.register('long', async (job) => {
        await job.updateProgress({ done: 1, total: 3 });
        reported = true;
        await release.opened;
        await job.updateProgress({ done: 3, total: 3 });
        return 'rated';
      });
      await queue.start();
      await queue.enqueue('long', {}, { jobId: 'long-1' });
      await until(() => reported, 'progress reported');
      await expect(queue.getJob('long-1')).resolves.toMatchObject({
        status: 'running',
        progress: { done: 1, total: 3 },
      });
      release.open();
      await expect(waitForJob(queue, 'long-1', ['completed'])).resolves.toMatchObject({
        progress: { done: 3, total: 3 },
        result: 'rated',
      });
    });

    it('runs a flow parent after all its children, with their results by child id', async () => {
      const queue = await openQueue({ concurrency: 2 });
      const finished: string[] = [];
      queue.register('rate-branch', async (job: RunningJob<{ branch: string; score: number }>) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        finished.push(job.id);
        return { branch: job.data.branch, score: job.data.score };
      });
      let parentSaw: unknown;
      queue.register('finish-run', async (job) => {
        parentSaw = { finishedBefore: [...finished].sort(), outcomes: await job.childOutcomes() };
        return 'run complete';
      });
      await queue.start();
      const children = [1, 2, 3].map((n) => ({
        name: 'rate-branch',
        data: { branch: `b${n}`, score: 80 + n },
        jobId: `run-1-b${n}`,
      }));
      await expect(
        queue.enqueueFlow({
          parent: { name: 'finish-run', data: { period: '2026' }, jobId: 'run-1' },
          children,
          failurePolicy: 'fail-parent',
        }),
      ).resolves.toEqual({
        parentJobId: 'run-1',
        childJobIds: ['run-1-b1', 'run-1-b2', 'run-1-b3'],
      });

      await expect(waitForJob(queue, 'run-1', ['completed', 'failed'])).resolves.toMatchObject({
        status: 'completed',
        result: 'run complete',
      });
      expect(parentSaw).toEqual({
        finishedBefore: ['run-1-b1', 'run-1-b2', 'run-1-b3'],
        outcomes: {
          results: {
            'run-1-b1': { branch: 'b1', score: 81 },
            'run-1-b2': { branch: 'b2', score: 82 },
            'run-1-b3': { branch: 'b3', score: 83 },
          },
          failures: {},
        },
      });
      await expect(queue.getJob('run-1-b2')).resolves.toMatchObject({ status: 'completed' });
    });

    it('shows a flow parent as queued while its children run', async () => {
      const queue = await openQueue();
      const release = gate();
      let childStarted = false;
      queue.register('slow-child', async () => {
        childStarted = true;
        await release.opened;
        return 1;
      });
      queue.register('parent', async () => 'ok');
      await queue.start();
      await queue.enqueueFlow({
        parent: { name: 'parent', data: {}, jobId: 'waiting-parent' },
        children: [{ name: 'slow-child', data: {}, jobId: 'waiting-parent-c1' }],
        failurePolicy: 'fail-parent',
      });
      await until(() => childStarted, 'child started');
      await expect(queue.getJob('waiting-parent')).resolves.toMatchObject({ status: 'queued' });
      release.open();
      await waitForJob(queue, 'waiting-parent', ['completed']);
    });

    it("fails the parent without running it when a child fails under 'fail-parent'", async () => {
      const queue = await openQueue();
      let parentRuns = 0;
      queue.register('child', async (job: RunningJob<{ ok: boolean }>) => {
        if (!job.data.ok) throw new Error('branch data incomplete');
        return 'fine';
      });
      queue.register('parent', async () => ++parentRuns);
      await queue.start();
      await queue.enqueueFlow({
        parent: { name: 'parent', data: {}, jobId: 'strict-run' },
        children: [
          { name: 'child', data: { ok: true }, jobId: 'strict-run-ok' },
          { name: 'child', data: { ok: false }, jobId: 'strict-run-bad' },
        ],
        failurePolicy: 'fail-parent',
      });
      await waitForJob(queue, 'strict-run-bad', ['failed']);
      await waitForJob(queue, 'strict-run-ok', ['completed']);
      const parent = await waitForJob(queue, 'strict-run', ['failed', 'completed']);
      expect(parent.status).toBe('failed');
      expect(parent.failureReason).toMatch(/strict-run-bad/);
      expect(parentRuns).toBe(0);
    });

    it("runs the parent after every child under 'continue-parent', with the failures", async () => {
      const queue = await openQueue();
      const release = gate();
      queue.register('child', async (job: RunningJob<{ ok: boolean }>) => {
        if (!job.data.ok) throw new Error('branch data incomplete');
        await release.opened;
        return 'fine';
      });
      let parentSaw: unknown;
      queue.register('parent', async (job) => {
        parentSaw = await job.childOutcomes();
        return 'partial run';
      });
      await queue.start();
      await queue.enqueueFlow({
        parent: { name: 'parent', data: {}, jobId: 'lenient-run' },
        children: [
          { name: 'child', data: { ok: false }, jobId: 'lenient-run-bad' },
          { name: 'child', data: { ok: true }, jobId: 'lenient-run-ok' },
        ],
        failurePolicy: 'continue-parent',
      });
      await waitForJob(queue, 'lenient-run-bad', ['failed']);
      // The healthy child is still running: the parent must not have started.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await queue.getJob('lenient-run'))?.status).toBe('queued');
      release.open();

      await expect(
        waitForJob(queue, 'lenient-run', ['completed', 'failed']),
      ).resolves.toMatchObject({ status: 'completed', result: 'partial run' });
      expect(parentSaw).toEqual({
        results: { 'lenient-run-ok': 'fine' },
        failures: { 'lenient-run-bad': 'branch data incomplete' },
      });
    });

    it('adds a flow once per parent id', async () => {
      const queue = await openQueue();
      const childRuns: string[] = [];
      let parentRuns = 0;
      queue.register('child', async (job) => {
        childRuns.push(job.id);
        return 1;
      });
      queue.register('parent', async () => ++parentRuns);
      const flow = {
        parent: { name: 'parent', data: {}, jobId: 'once-run' },
        children: [
          { name: 'child', data: {}, jobId: 'once-run-a' },
          { name: 'child', data: {}, jobId: 'once-run-b' },
        ],
        failurePolicy: 'fail-parent' as const,
      };
      await queue.enqueueFlow(flow);
      await queue.enqueueFlow(flow);
      await queue.start();
      await waitForJob(queue, 'once-run', ['completed']);
      await queue.enqueueFlow(flow);
      await queue.enqueue('child', {}, { jobId: 'after-flow' });
      await waitForJob(queue, 'after-flow', ['completed']);
      expect(childRuns.sort()).toEqual(['after-flow', 'once-run-a', 'once-run-b']);
      expect(parentRuns).toBe(1);
    });

    it('refuses a flow without children, with repeated ids or without a known policy', async () => {
      const queue = await openQueue();
      const parent = { name: 'parent', data: {}, jobId: 'bad-flow' };
      await expect(
        queue.enqueueFlow({ parent, children: [], failurePolicy: 'fail-parent' }),
      ).rejects.toThrow(InvalidFlowError);
      await expect(
        queue.enqueueFlow({
          parent,
          children: [
            { name: 'c', data: {}, jobId: 'bad-flow-c' },
            { name: 'c', data: {}, jobId: 'bad-flow-c' },
          ],
          failurePolicy: 'fail-parent',
        }),
      ).rejects.toThrow(/appears more than once/);
      await expect(
        queue.enqueueFlow({
          parent,
          children: [{ name: 'c', data: {}, jobId: 'bad:flow-c' }],
          failurePolicy: 'fail-parent',
        }),
      ).rejects.toThrow(InvalidJobIdError);
      await expect(
        queue.enqueueFlow({
          parent,
          children: [{ name: 'c', data: {}, jobId: 'bad-flow-c' }],
          failurePolicy: 'whatever' as never,
        }),
      ).rejects.toThrow(/failurePolicy/);
      expect(await queue.getJob('bad-flow')).toBeUndefined();
      expect(await queue.getJob('bad-flow-c')).toBeUndefined();
    });

    it('enqueues the template at each cron occurrence, read in the time zone', async () => {
      const queue = await openQueue();
      const runs: RunningJob[] = [];
      queue.register('tick', async (job) => {
        runs.push(job);
        return null;
      });
      await queue.start();
      const outcome = await queue.upsertScheduler(
        'every-second',
        { cron: '* * * * * *', tz: 'Asia/Shanghai' },
        { name: 'tick', data: { kind: 'scheduled' } },
      );
      expect(outcome).toBe('applied');
      await until(() => runs.length >= 2, 'two scheduled runs');
      await queue.removeScheduler('every-second');

      for (const run of runs.slice(0, 2)) {
        expect(run.name).toBe('tick');
        expect(run.data).toEqual({ kind: 'scheduled' });
        expect(run.scheduledFor).toBeInstanceOf(Date);
        expect(run.scheduledFor!.getTime() % 1000).toBe(0);
      }
      expect(runs[1].scheduledFor!.getTime()).toBeGreaterThan(runs[0].scheduledFor!.getTime());
      expect(new Set(runs.map((run) => run.id)).size).toBe(runs.length);
    });

    it('lists schedulers, replaces one on a second upsert and removes it', async () => {
      const queue = await openQueue();
      const before = Date.now();
      await queue.upsertScheduler(
        'evaluation-yearly',
        { cron: '0 2 15 1 *', tz: 'Asia/Shanghai' },
        { name: 'evaluation', data: { v: 1 } },
      );
      await queue.upsertScheduler(
        'evaluation-yearly',
        { cron: '0 3 15 1 *', tz: 'Asia/Shanghai' },
        { name: 'evaluation', data: { v: 2 } },
      );
      await queue.upsertScheduler(
        'monthly-report',
        { cron: '0 0 1 * *', tz: 'UTC' },
        { name: 'report', data: {} },
      );
      const listed = (await queue.listSchedulers()).sort((a, b) =>
        a.schedulerId.localeCompare(b.schedulerId),
      );
      expect(listed.map(({ nextRunAt: _next, ...rest }) => rest)).toEqual([
        {
          schedulerId: 'evaluation-yearly',
          schedule: { cron: '0 3 15 1 *', tz: 'Asia/Shanghai' },
          template: { name: 'evaluation', data: { v: 2 } },
        },
        {
          schedulerId: 'monthly-report',
          schedule: { cron: '0 0 1 * *', tz: 'UTC' },
          template: { name: 'report', data: {} },
        },
      ]);
      // 03:00 in Beijing is 19:00 UTC the day before.
      const next = listed[0].nextRunAt!;
      expect(next.getTime()).toBeGreaterThan(before);
      expect(next.toISOString()).toMatch(/^\d{4}-01-14T19:00:00\.000Z$/);

      await expect(queue.removeScheduler('evaluation-yearly')).resolves.toBe(true);
      await expect(queue.removeScheduler('evaluation-yearly')).resolves.toBe(false);
      expect((await queue.listSchedulers()).map((s) => s.schedulerId)).toEqual(['monthly-report']);
    });

    it('refuses a cron expression or a time zone that does not parse', async () => {
      const queue = await openQueue();
      const template = { name: 'tick', data: {} };
      await expect(
        queue.upsertScheduler('bad-cron', { cron: 'every day', tz: 'UTC' }, template),
      ).rejects.toThrow(InvalidScheduleError);
      await expect(
        queue.upsertScheduler('bad-tz', { cron: '0 2 15 1 *', tz: 'Mars/Olympus' }, template),
      ).rejects.toThrow(/time zone/);
      await expect(
        queue.upsertScheduler('bad:id', { cron: '0 2 15 1 *', tz: 'UTC' }, template),
      ).rejects.toThrow(InvalidScheduleError);
      expect(await queue.listSchedulers()).toEqual([]);
    });

    it('takes handlers before start only, one per name', async () => {
      const queue = await openQueue();
      queue.register('once', async () => 1);
      expect(() => queue.register('once', async () => 2)).toThrow(HandlerRegistrationError);
      await queue.start();
      expect(() => queue.register('late', async () => 3)).toThrow(/before start/);
    });

    it('answers ping and says it is available', async () => {
      const queue = await openQueue();
      await expect(queue.ping()).resolves.toBeUndefined();
      expect(queue.available).toBe(true);
    });
  });
}
