/**
 * The job port: named background jobs, flows (a parent that runs after its children) and cron
 * schedulers, run by BullMQ on Redis in server mode and by an in-process runner when embedded.
 *
 * Delivery is AT LEAST ONCE in both adapters. A handler can run again for the same job after a
 * crash (a BullMQ worker that dies mid-job: the job is "stalled" and handed to another worker),
 * after a retry, or when a process restarts. Every handler must therefore be idempotent: derive
 * what it writes from the job's data, and write with keys (event ids, idempotency keys, document
 * ids) so that a second run changes nothing.
 *
 * Idempotency by job id: `enqueue` and `enqueueFlow` take a caller-chosen job id. While a job
 * with that id exists (queued, running, completed or failed) a second enqueue with the same id
 * adds nothing and resolves to the existing job. Completed and failed jobs are kept (BullMQ:
 * never removed by the adapter; in-process: the latest `maxFinishedJobs`), so a deterministic id
 * such as `evaluation-2026` runs a period once. Re-running a failed job needs a new id
 * (`evaluation-2026-r2`).
 *
 * Missed scheduler runs are not replayed (BullMQ does not, and neither does the in-process
 * runner): a scheduler fires at its next occurrence after it is upserted. A caller that needs
 * every period covered enqueues the missed ones itself at start, with deterministic job ids, so
 * that enqueueing a period that already ran does nothing; `cronOccurrences` (job-schedule.ts)
 * lists the occurrences of a schedule between two instants for that.
 */

/** Caller-chosen, stable job id: 1–200 characters, no `:` and not only digits. */
export type JobId = string;

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

/** Progress a handler reports, e.g. branches rated so far out of all branches of the run. */
export interface JobProgress {
  done: number;
  total: number;
}

/** The job as its handler sees it. */
export interface RunningJob<Data = unknown> {
  readonly id: JobId;
  readonly name: string;
  /** The data given at enqueue (a JSON round-trip of it: plain JSON values only). */
  readonly data: Data;
  /**
   * 1 on the first delivery; higher on a retry after a failure and on a redelivery after a
   * crash. Informational: handlers must be idempotent whatever its value.
   */
  readonly attempt: number;
  /** For a job started by a scheduler: the occurrence it was started for; otherwise undefined. */
  readonly scheduledFor?: Date;
  /** Stored with the job and shown by `getJob`; the last call wins. */
  updateProgress(progress: JobProgress): Promise<void>;
  /**
   * For the parent of a flow: what its children returned (by child job id) and, under the
   * `continue-parent` policy, why the failed ones failed. Empty for a job without children.
   */
  childOutcomes(): Promise<ChildOutcomes>;
}

export interface ChildOutcomes {
  /** Result of each completed child, by child job id. */
  results: Record<JobId, unknown>;
  /** Failure reason of each child that failed after all its attempts, by child job id. */
  failures: Record<JobId, string>;
}

/**
 * Runs one job. The resolved value is the job's result (JSON values only), kept with the job
 * and given to a flow's parent; a rejection is a failure, retried while attempts remain.
 */
export type JobHandler<Data = unknown, Result = unknown> = (
  job: RunningJob<Data>,
) => Promise<Result>;

export interface JobOptions {
  jobId: JobId;
  /** Deliveries in all before the job fails (1 = no retry); defaults to the queue's setting. */
  attempts?: number;
}

export interface JobRequest<Data = unknown> extends JobOptions {
  name: string;
  data: Data;
}

/**
 * What a flow's parent does when a child fails after all its attempts:
 * - `fail-parent`: the parent fails without running (BullMQ `failParentOnFailure`); children
 *   still queued or running finish on their own.
 * - `continue-parent`: the parent still waits for every other child, then runs and finds the
 *   failed children in `childOutcomes().failures` (BullMQ `ignoreDependencyOnFailure`). BullMQ's
 *   `continueParentOnFailure` is not used: it starts the parent at the first failure, while
 *   other children may still be running.
 */
export type FlowFailurePolicy = 'fail-parent' | 'continue-parent';

export interface FlowRequest<ParentData = unknown, ChildData = unknown> {
  parent: JobRequest<ParentData>;
  /** At least one; ids distinct from each other and from the parent's. */
  children: ReadonlyArray<JobRequest<ChildData>>;
  failurePolicy: FlowFailurePolicy;
}

export interface EnqueuedJob {
  jobId: JobId;
}

export interface EnqueuedFlow {
  parentJobId: JobId;
  childJobIds: JobId[];
}

/** A cron expression (5 fields, or 6 with seconds) read in an IANA time zone. */
export interface CronSchedule {
  cron: string;
  /** e.g. `Asia/Shanghai`. */
  tz: string;
}

/** The job a scheduler enqueues at each occurrence. */
export interface JobTemplate<Data = unknown> {
  name: string;
  data: Data;
}

export interface SchedulerInfo {
  schedulerId: string;
  schedule: CronSchedule;
  template: JobTemplate;
  /** The next occurrence, when known. */
  nextRunAt?: Date;
}

/**
 * `applied`: the scheduler is stored where workers see it. `pending`: the job server is not
 * reachable; the scheduler is kept by this queue and upserted as soon as the server answers.
 */
export type SchedulerUpsertOutcome = 'applied' | 'pending';

/** What `getJob` shows, e.g. for `GET /evaluations/{runId}`. */
export interface JobSnapshot {
  id: JobId;
  name: string;
  status: JobStatus;
  data: unknown;
  progress?: JobProgress;
  /** Set when completed. */
  result?: unknown;
  /** Set when failed (the last attempt's error message, or why a flow's parent failed). */
  failureReason?: string;
  /** Deliveries started so far. */
  attempts: number;
  createdAt: Date;
  finishedAt?: Date;
}

export type JobQueueEngine = 'bullmq' | 'in-process';

export interface JobQueue {
  readonly engine: JobQueueEngine;
  /**
   * Whether the job server answered at the last check (always true in-process). While false,
   * enqueue, enqueueFlow, getJob and listSchedulers reject with JobsUnavailableError.
   */
  readonly available: boolean;

  /**
   * Registers the handler for a job name. Call before `start()` (throws after it); a name has
   * one handler. A process that only enqueues (the api in server mode) registers nothing and
   * never starts.
   */
  register<Data, Result>(name: string, handler: JobHandler<Data, Result>): void;
  /**
   * Starts running jobs with the registered handlers (workers). Resolves at once, even when the
   * job server is down: the workers begin when it answers.
   */
  start(): Promise<void>;

  /** Adds a job unless one with `options.jobId` exists. Throws InvalidJobIdError, JobsUnavailableError. */
  enqueue<Data>(name: string, data: Data, options: JobOptions): Promise<EnqueuedJob>;
  /**
   * Adds a parent and its children atomically; the parent runs after all children, unless the
   * failure policy says otherwise. Unless a job with the parent's id exists, then nothing is
   * added. Throws InvalidFlowError (no children, repeated ids), InvalidJobIdError,
   * JobsUnavailableError.
   */
  enqueueFlow<ParentData, ChildData>(
    flow: FlowRequest<ParentData, ChildData>,
  ): Promise<EnqueuedFlow>;
  /** The job, or undefined when no job has that id (or it is no longer kept). */
  getJob(jobId: JobId): Promise<JobSnapshot | undefined>;

  /**
   * Creates or replaces a cron scheduler: at each occurrence it enqueues the template as a new
   * job (`RunningJob.scheduledFor` tells which occurrence). Missed occurrences are not replayed.
   * Throws InvalidScheduleError for a bad cron or time zone.
   */
  upsertScheduler(
    schedulerId: string,
    schedule: CronSchedule,
    template: JobTemplate,
  ): Promise<SchedulerUpsertOutcome>;
  removeScheduler(schedulerId: string): Promise<boolean>;
  listSchedulers(): Promise<SchedulerInfo[]>;

  /** Resolves when the job server answers; rejects with JobsUnavailableError otherwise. */
  ping(): Promise<void>;
  /** Stops taking jobs, waits for running handlers to finish, then closes connections. */
  close(): Promise<void>;
}
