import { FlowProducer, Job, JobsOptions, Queue, Worker } from 'bullmq';
import { assertFlowRequest } from '../../flow-request';
import { assertJobId } from '../../job-id';
import { HandlerRegistrationError, JobsUnavailableError } from '../../job-queue.errors';
import { assertCronSchedule } from '../../job-schedule';
import type {
  CronSchedule,
  EnqueuedFlow,
  EnqueuedJob,
  FlowFailurePolicy,
  FlowRequest,
  JobHandler,
  JobId,
  JobOptions,
  JobQueue,
  JobSnapshot,
  JobTemplate,
  RunningJob,
  SchedulerInfo,
  SchedulerUpsertOutcome,
} from '../../job-queue.port';
import { assertSchedulerId } from '../../scheduler-id';
import { byChildJobId, snapshotOfBullMqJob, statusOf } from './bullmq-job.mapper';
import { RedisAvailabilityMonitor } from './redis-availability.monitor';

export interface JobQueueLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface BullMqJobQueueOptions {
  url: string;
  /** How the address appears in messages, without credentials (e.g. `REDIS_URL=redis://h:6379`). */
  address: string;
  /** Key prefix: one per deployment (and per test run on a shared Redis). */
  prefix: string;
  queueName: string;
  concurrency: number;
  attempts: number;
  backoffMs: number;
  probeIntervalMs: number;
  /** Deadline for one producer call (enqueue, getJob, ...). */
  commandTimeoutMs: number;
  /** Stalled-job recovery; BullMQ's defaults (30 s, 30 s, 1) unless set. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  log?: JobQueueLog;
}

interface DesiredScheduler {
  schedule: CronSchedule;
  template: JobTemplate;
}

const SILENT_LOG: JobQueueLog = { info: () => undefined, warn: () => undefined };

/**
 * The job port on BullMQ: one Queue (producer side), one FlowProducer and, once started, one
 * Worker that dispatches by job name. Nothing of BullMQ is created until Redis first answers,
 * so a process starts with Redis down; producer calls then fail fast with JobsUnavailableError
 * (producer connections have no offline queue), workers wait and resume on their own, and the
 * schedulers upserted through this queue are upserted again each time Redis comes back (a
 * Redis restarted without persistence has forgotten them).
 */
export class BullMqJobQueue implements JobQueue {
  readonly engine = 'bullmq' as const;

  private readonly handlers = new Map<string, JobHandler>();
  private readonly desiredSchedulers = new Map<string, DesiredScheduler>();
  private readonly monitor: RedisAvailabilityMonitor;
  private readonly log: JobQueueLog;
  private queue?: Queue;
  private flows?: FlowProducer;
  private worker?: Worker;
  private transition: Promise<void> = Promise.resolve();
  private isAvailable = false;
  private started = false;
  private closed = false;
  private readonly firstAvailable: Promise<void>;
  private resolveFirstAvailable!: () => void;

  constructor(private readonly options: BullMqJobQueueOptions) {
    this.log = options.log ?? SILENT_LOG;
    this.firstAvailable = new Promise((resolve) => (this.resolveFirstAvailable = resolve));
    this.monitor = new RedisAvailabilityMonitor({
      url: options.url,
      probeIntervalMs: options.probeIntervalMs,
      pingTimeoutMs: options.commandTimeoutMs,
      onUp: () => this.serialize(() => this.becomeAvailable()),
      onDown: (reason) => this.serialize(async () => this.becomeUnavailable(reason)),
    });
  }

  get available(): boolean {
    return this.isAvailable;
  }

  /** Resolves once Redis has answered and the queue is ready, or false after `timeoutMs`. */
  async waitUntilAvailable(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.firstAvailable.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Why Redis is not reachable (the last connection error). */
  get unavailableReason(): string {
    return this.monitor.reason;
  }

  register<Data, Result>(name: string, handler: JobHandler<Data, Result>): void {
    if (this.started) throw new HandlerRegistrationError(`register "${name}" before start()`);
    if (this.handlers.has(name)) {
      throw new HandlerRegistrationError(`a handler for "${name}" is already registered`);
    }
    this.handlers.set(name, handler as JobHandler);
  }

  async start(): Promise<void> {
    this.started = true;
    this.serialize(async () => {
      if (this.queue) this.startWorker();
    });
  }

  async enqueue<Data>(name: string, data: Data, options: JobOptions): Promise<EnqueuedJob> {
    assertJobId(options.jobId);
    const queue = this.requireQueue();
    await this.call('enqueue', () => queue.add(name, data, this.jobOptions(options)));
    return { jobId: options.jobId };
  }

  async enqueueFlow<ParentData, ChildData>(
    flow: FlowRequest<ParentData, ChildData>,
  ): Promise<EnqueuedFlow> {
    assertFlowRequest(flow);
    const queue = this.requireQueue();
    const flows = this.flows!;
    const enqueued = {
      parentJobId: flow.parent.jobId,
      childJobIds: flow.children.map((child) => child.jobId),
    };
    // BullMQ would skip an existing parent but still add children it does not know yet.
    const existing = await this.call('enqueueFlow', () => queue.getJob(flow.parent.jobId));
    if (existing) return enqueued;
    const { queueName } = this.options;
    await this.call('enqueueFlow', () =>
      flows.add({
        name: flow.parent.name,
        queueName,
        data: flow.parent.data,
        opts: this.jobOptions(flow.parent),
        children: flow.children.map((child) => ({
          name: child.name,
          queueName,
          data: child.data,
          opts: { ...this.jobOptions(child), ...childFailureOptions(flow.failurePolicy) },
        })),
      }),
    );
    return enqueued;
  }

  async getJob(jobId: JobId): Promise<JobSnapshot | undefined> {
    const queue = this.requireQueue();
    return this.call('getJob', async () => {
      // State first, then the job: a job read before its state could be completed without its
      // result (completion writes both at once, after the job was read).
      const status = statusOf(await queue.getJobState(jobId));
      const job = status && (await queue.getJob(jobId));
      return job ? snapshotOfBullMqJob(job, status) : undefined;
    });
  }

  async upsertScheduler(
    schedulerId: string,
    schedule: CronSchedule,
    template: JobTemplate,
  ): Promise<SchedulerUpsertOutcome> {
    assertSchedulerId(schedulerId);
    assertCronSchedule(schedulerId, schedule);
    const desired = {
      schedule: { cron: schedule.cron, tz: schedule.tz },
      template: { name: template.name, data: template.data },
    };
    this.desiredSchedulers.set(schedulerId, desired);
    if (!this.isAvailable || !this.queue) return 'pending';
    try {
      await this.applyScheduler(this.queue, schedulerId, desired);
      return 'applied';
    } catch (error) {
      if (error instanceof JobsUnavailableError) return 'pending';
      throw error;
    }
  }

  async removeScheduler(schedulerId: string): Promise<boolean> {
    this.desiredSchedulers.delete(schedulerId);
    const queue = this.requireQueue();
    return this.call('removeScheduler', () => queue.removeJobScheduler(schedulerId));
  }

  async listSchedulers(): Promise<SchedulerInfo[]> {
    const queue = this.requireQueue();
    const stored = await this.call('listSchedulers', () => queue.getJobSchedulers(0, -1, true));
    return stored.map((scheduler) => {
      const info: SchedulerInfo = {
        schedulerId: scheduler.key,
        schedule: { cron: scheduler.pattern ?? '', tz: scheduler.tz ?? 'UTC' },
        template: { name: scheduler.name, data: scheduler.template?.data ?? {} },
      };
      if (scheduler.next !== undefined) info.nextRunAt = new Date(scheduler.next);
      return info;
    });
  }

  async ping(): Promise<void> {
    try {
      await this.monitor.ping();
    } catch (error) {
      throw this.unavailable(error);
    }
    if (!this.isAvailable) throw this.unavailable(new Error('the job queue is not ready yet'));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.transition;
    await this.worker?.close();
    await this.flows?.close();
    await this.queue?.close();
    await this.monitor.stop();
  }

  private serialize(step: () => Promise<void>): void {
    this.transition = this.transition.then(step).catch((error: unknown) => {
      this.log.warn(`job queue: ${errorMessage(error)}`);
    });
  }

  private async becomeAvailable(): Promise<void> {
    if (this.closed || !this.monitor.isUp) return;
    try {
      if (!this.queue) await this.openProducers();
      if (this.started) this.startWorker();
      for (const [schedulerId, desired] of this.desiredSchedulers) {
        await this.applyScheduler(this.queue!, schedulerId, desired);
      }
    } catch (error) {
      this.log.warn(
        `jobs: ${this.options.address} answers but is not usable yet: ${errorMessage(error)}`,
      );
      const retry = setTimeout(
        () => this.serialize(() => this.becomeAvailable()),
        this.options.probeIntervalMs,
      );
      retry.unref();
      return;
    }
    this.isAvailable = this.monitor.isUp;
    if (this.isAvailable) {
      this.log.info(`jobs: ${this.options.address} answers; jobs are available`);
      this.resolveFirstAvailable();
    }
  }

  private async becomeUnavailable(reason: string): Promise<void> {
    if (this.closed) return;
    this.isAvailable = false;
    this.log.warn(
      `jobs: ${this.options.address} is not reachable (${reason}); enqueueing fails until it answers`,
    );
  }

  private async openProducers(): Promise<void> {
    const connection = {
      url: this.options.url,
      enableOfflineQueue: false,
      retryStrategy: () => this.options.probeIntervalMs,
    };
    const queue = new Queue(this.options.queueName, { connection, prefix: this.options.prefix });
    const flows = new FlowProducer({ connection, prefix: this.options.prefix });
    queue.on('error', (error) => this.reportError('queue', error));
    flows.on('error', (error) => this.reportError('flow producer', error));
    await this.call('connect', async () => {
      await Promise.all([queue.waitUntilReady(), flows.waitUntilReady()]);
    });
    this.queue = queue;
    this.flows = flows;
  }

  private startWorker(): void {
    if (this.worker || this.closed) return;
    const worker = new Worker(this.options.queueName, (job: Job) => this.process(job), {
      connection: {
        url: this.options.url,
        maxRetriesPerRequest: null,
        retryStrategy: () => this.options.probeIntervalMs,
      },
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      autorun: true,
      ...(this.options.lockDurationMs !== undefined && {
        lockDuration: this.options.lockDurationMs,
      }),
      ...(this.options.stalledIntervalMs !== undefined && {
        stalledInterval: this.options.stalledIntervalMs,
      }),
      ...(this.options.maxStalledCount !== undefined && {
        maxStalledCount: this.options.maxStalledCount,
      }),
    });
    worker.on('error', (error) => this.reportError('worker', error));
    this.worker = worker;
  }

  private async process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`no handler is registered for job name "${job.name}"`);
    const result = await handler(runningJobOf(job));
    return result === undefined ? null : result;
  }

  private async applyScheduler(
    queue: Queue,
    schedulerId: string,
    desired: DesiredScheduler,
  ): Promise<void> {
    await this.call('upsertScheduler', () =>
      queue.upsertJobScheduler(
        schedulerId,
        { pattern: desired.schedule.cron, tz: desired.schedule.tz },
        {
          name: desired.template.name,
          data: desired.template.data,
          opts: { attempts: this.options.attempts, backoff: this.backoff() },
        },
      ),
    );
  }

  private jobOptions(options: JobOptions): JobsOptions {
    return {
      jobId: options.jobId,
      attempts: Math.max(1, options.attempts ?? this.options.attempts),
      backoff: this.backoff(),
    };
  }

  private backoff() {
    return { type: 'exponential' as const, delay: this.options.backoffMs };
  }

  private requireQueue(): Queue {
    if (!this.isAvailable || !this.queue) {
      throw this.unavailable(new Error(this.monitor.reason || 'not connected'));
    }
    return this.queue;
  }

  /** Runs one producer call under the command deadline; connection trouble becomes 503-able. */
  private async call<T>(what: string, command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DeadlineError(`${what}: no answer within ${this.options.commandTimeoutMs} ms`),
          ),
        this.options.commandTimeoutMs,
      );
    });
    try {
      return await Promise.race([command(), deadline]);
    } catch (error) {
      if (error instanceof DeadlineError || isConnectionError(error)) throw this.unavailable(error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private unavailable(cause: unknown): JobsUnavailableError {
    return new JobsUnavailableError(this.options.address, errorMessage(cause), { cause });
  }

  private reportError(source: string, error: Error): void {
    // While Redis is down every reconnect attempt errors; the monitor already said so once.
    if (this.isAvailable && !isConnectionError(error)) {
      this.log.warn(`jobs ${source}: ${errorMessage(error)}`);
    }
  }
}

class DeadlineError extends Error {}

function childFailureOptions(policy: FlowFailurePolicy): JobsOptions {
  return policy === 'fail-parent'
    ? { failParentOnFailure: true }
    : { ignoreDependencyOnFailure: true };
}

function runningJobOf(job: Job): RunningJob {
  const prevMillis = job.opts.prevMillis;
  return {
    id: job.id!,
    name: job.name,
    data: job.data as unknown,
    attempt: Math.max(1, job.attemptsStarted),
    scheduledFor: job.repeatJobKey && prevMillis ? new Date(prevMillis) : undefined,
    updateProgress: (progress) =>
      job.updateProgress({ done: progress.done, total: progress.total }),
    childOutcomes: async () => {
      const [results, failures] = await Promise.all([
        job.getChildrenValues(),
        job.getIgnoredChildrenFailures(),
      ]);
      return {
        results: byChildJobId(results as Record<string, unknown>),
        failures: byChildJobId(failures),
      };
    },
  };
}

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|Connection is closed|Stream isn't writeable|enableOfflineQueue|MaxRetriesPerRequest|Reached the max retries|connect/i;

function isConnectionError(error: unknown): boolean {
  return (
    CONNECTION_ERROR.test(errorMessage(error)) ||
    CONNECTION_ERROR.test(String((error as { code?: unknown })?.code))
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
