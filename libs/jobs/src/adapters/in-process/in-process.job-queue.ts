import { assertFlowRequest } from '../../flow-request';
import { assertJobId } from '../../job-id';
import { HandlerRegistrationError, InvalidFlowError } from '../../job-queue.errors';
import { assertCronSchedule } from '../../job-schedule';
import type {
  ChildOutcomes,
  CronSchedule,
  EnqueuedFlow,
  EnqueuedJob,
  FlowRequest,
  JobHandler,
  JobId,
  JobOptions,
  JobProgress,
  JobQueue,
  JobSnapshot,
  JobTemplate,
  RunningJob,
  SchedulerInfo,
  SchedulerUpsertOutcome,
} from '../../job-queue.port';
import { assertSchedulerId } from '../../scheduler-id';
import { asJson, InProcessJobRecord, snapshotOf } from './in-process-job.record';
import { InProcessScheduler } from './in-process.scheduler';

export interface InProcessJobQueueOptions {
  /** Handlers running at once. */
  concurrency: number;
  /** Default deliveries per job. */
  attempts: number;
  /** First retry delay, doubled on each further retry. */
  backoffMs: number;
  /** Finished jobs kept (for getJob and idempotency by id); the oldest go first. */
  maxFinishedJobs?: number;
}

const DEFAULT_MAX_FINISHED_JOBS = 10_000;

/**
 * The embedded job runner: the same handlers, idempotency by job id, flows, schedulers and
 * progress as the BullMQ adapter, in memory. Jobs do not survive the process: a restart forgets
 * queued and finished jobs alike (callers re-enqueue what must run, by deterministic id).
 */
export class InProcessJobQueue implements JobQueue {
  readonly engine = 'in-process' as const;
  readonly available = true;

  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs = new Map<JobId, InProcessJobRecord>();
  private readonly finishedOrder: JobId[] = [];
  private readonly ready: JobId[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly scheduler = new InProcessScheduler((id, template, occurrence) =>
    this.enqueueScheduled(id, template, occurrence),
  );
  private started = false;
  private closed = false;

  constructor(private readonly options: InProcessJobQueueOptions) {}

  register<Data, Result>(name: string, handler: JobHandler<Data, Result>): void {
    if (this.started) throw new HandlerRegistrationError(`register "${name}" before start()`);
    if (this.handlers.has(name)) {
      throw new HandlerRegistrationError(`a handler for "${name}" is already registered`);
    }
    this.handlers.set(name, handler as JobHandler);
  }

  async start(): Promise<void> {
    this.started = true;
    this.pump();
  }

  async enqueue<Data>(name: string, data: Data, options: JobOptions): Promise<EnqueuedJob> {
    assertJobId(options.jobId);
    if (!this.jobs.has(options.jobId)) {
      this.jobs.set(options.jobId, this.newRecord(name, data, options, 'queued'));
      this.ready.push(options.jobId);
      this.pump();
    }
    return { jobId: options.jobId };
  }

  async enqueueFlow<ParentData, ChildData>(
    flow: FlowRequest<ParentData, ChildData>,
  ): Promise<EnqueuedFlow> {
    assertFlowRequest(flow);
    const childJobIds = flow.children.map((child) => child.jobId);
    const enqueued = { parentJobId: flow.parent.jobId, childJobIds };
    if (this.jobs.has(flow.parent.jobId)) return enqueued;
    const taken = childJobIds.find((id) => this.jobs.has(id));
    if (taken !== undefined) {
      throw new InvalidFlowError(`child job id ${taken} is already used by another job`);
    }
    const parent = this.newRecord(
      flow.parent.name,
      flow.parent.data,
      flow.parent,
      'waiting-children',
    );
    parent.flow = {
      failurePolicy: flow.failurePolicy,
      pendingChildren: new Set(childJobIds),
      results: {},
      failures: {},
    };
    this.jobs.set(parent.id, parent);
    for (const child of flow.children) {
      const record = this.newRecord(child.name, child.data, child, 'queued');
      record.parentId = parent.id;
      this.jobs.set(record.id, record);
      this.ready.push(record.id);
    }
    this.pump();
    return enqueued;
  }

  async getJob(jobId: JobId): Promise<JobSnapshot | undefined> {
    const record = this.jobs.get(jobId);
    return record ? snapshotOf(record) : undefined;
  }

  async upsertScheduler(
    schedulerId: string,
    schedule: CronSchedule,
    template: JobTemplate,
  ): Promise<SchedulerUpsertOutcome> {
    assertSchedulerId(schedulerId);
    assertCronSchedule(schedulerId, schedule);
    this.scheduler.upsert(schedulerId, schedule, {
      name: template.name,
      data: asJson(template.data),
    });
    return 'applied';
  }

  async removeScheduler(schedulerId: string): Promise<boolean> {
    return this.scheduler.remove(schedulerId);
  }

  async listSchedulers(): Promise<SchedulerInfo[]> {
    return this.scheduler.list();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
    this.scheduler.stop();
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await Promise.allSettled([...this.running]);
  }

  private newRecord(
    name: string,
    data: unknown,
    options: JobOptions,
    state: InProcessJobRecord['state'],
  ): InProcessJobRecord {
    return {
      id: options.jobId,
      name,
      data: asJson(data),
      state,
      maxAttempts: Math.max(1, options.attempts ?? this.options.attempts),
      attemptsStarted: 0,
      createdAt: new Date(),
    };
  }

  private enqueueScheduled(schedulerId: string, template: JobTemplate, occurrence: Date): void {
    const jobId = `scheduler-${schedulerId}-${occurrence.getTime()}`;
    if (this.jobs.has(jobId) || this.closed) return;
    const record = this.newRecord(template.name, template.data, { jobId }, 'queued');
    record.scheduledFor = occurrence;
    this.jobs.set(jobId, record);
    this.ready.push(jobId);
    this.pump();
  }

  private pump(): void {
    while (
      this.started &&
      !this.closed &&
      this.running.size < this.options.concurrency &&
      this.ready.length > 0
    ) {
      const record = this.jobs.get(this.ready.shift()!);
      if (!record || record.state !== 'queued') continue;
      const run = this.run(record).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(record: InProcessJobRecord): Promise<void> {
    record.state = 'running';
    record.attemptsStarted += 1;
    const handler = this.handlers.get(record.name);
    try {
      if (!handler) throw new Error(`no handler is registered for job name "${record.name}"`);
      const result = await handler(this.runningJob(record));
      this.complete(record, asJson(result));
    } catch (error) {
      this.fail(record, error instanceof Error ? error.message : String(error));
    }
  }

  private runningJob(record: InProcessJobRecord): RunningJob {
    return {
      id: record.id,
      name: record.name,
      data: asJson(record.data),
      attempt: record.attemptsStarted,
      scheduledFor: record.scheduledFor,
      updateProgress: async (progress: JobProgress) => {
        record.progress = { done: progress.done, total: progress.total };
      },
      childOutcomes: async (): Promise<ChildOutcomes> => ({
        results: asJson(record.flow?.results ?? {}) as Record<JobId, unknown>,
        failures: { ...record.flow?.failures },
      }),
    };
  }

  private complete(record: InProcessJobRecord, result: unknown): void {
    record.state = 'completed';
    record.result = result;
    record.failureReason = undefined;
    this.finish(record);
    const parent = this.parentOf(record);
    if (!parent?.flow) return;
    parent.flow.results[record.id] = result;
    this.childSettled(parent, record.id);
  }

  private fail(record: InProcessJobRecord, reason: string): void {
    record.failureReason = reason;
    if (record.attemptsStarted < record.maxAttempts && !this.closed) {
      record.state = 'queued';
      const delay = this.options.backoffMs * 2 ** (record.attemptsStarted - 1);
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.ready.push(record.id);
        this.pump();
      }, delay);
      this.retryTimers.add(timer);
      return;
    }
    record.state = 'failed';
    this.finish(record);
    const parent = this.parentOf(record);
    if (!parent?.flow) return;
    if (parent.flow.failurePolicy === 'fail-parent') {
      parent.state = 'failed';
      parent.failureReason = `child ${record.id} failed: ${reason}`;
      this.finish(parent);
      return;
    }
    parent.flow.failures[record.id] = reason;
    this.childSettled(parent, record.id);
  }

  private parentOf(record: InProcessJobRecord): InProcessJobRecord | undefined {
    const parent = record.parentId === undefined ? undefined : this.jobs.get(record.parentId);
    return parent?.state === 'waiting-children' ? parent : undefined;
  }

  private childSettled(parent: InProcessJobRecord, childId: JobId): void {
    parent.flow!.pendingChildren.delete(childId);
    if (parent.flow!.pendingChildren.size > 0) return;
    parent.state = 'queued';
    this.ready.push(parent.id);
  }

  private finish(record: InProcessJobRecord): void {
    record.finishedAt = new Date();
    this.finishedOrder.push(record.id);
    const limit = this.options.maxFinishedJobs ?? DEFAULT_MAX_FINISHED_JOBS;
    while (this.finishedOrder.length > limit) {
      const oldest = this.jobs.get(this.finishedOrder.shift()!);
      if (oldest && (oldest.state === 'completed' || oldest.state === 'failed')) {
        this.jobs.delete(oldest.id);
      }
    }
  }
}
