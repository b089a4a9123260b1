import { evaluationStreamId } from '@gongjian/domain';
import type { EventStore } from '@gongjian/event-store';
import {
  cronOccurrences,
  type CronSchedule,
  type JobQueue,
  JobsUnavailableError,
  type RunningJob,
} from '@gongjian/jobs';
import { EVALUATION_JOBS, missedPeriodJobId } from './evaluation-run-key';
import type { EvaluationRuns } from './evaluation-runs';
import type { RatingFinalizer } from './rating-finalizer';

export const EVALUATION_SCHEDULER_ID = 'evaluation-yearly';
export const FINALIZE_SCHEDULER_ID = 'rating-finalize';

export interface EvaluationSchedules {
  /** When the yearly run starts; it rates the year before the occurrence. */
  evaluation: CronSchedule;
  /** When due ratings are finalized. */
  finalize: CronSchedule;
}

interface ScheduledRunData {
  /** Set for a missed period; a scheduler occurrence rates the year before it. */
  period?: string;
}

/** The year, in the schedule's time zone, before the occurrence: the period it rates. */
export function periodRatedAt(occurrence: Date, tz: string): string {
  const year = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric' }).format(
    occurrence,
  );
  return String(Number(year) - 1);
}

/**
 * The yearly run and the daily finalization on cron schedulers, and the periods missed while
 * nothing ran: schedulers never replay a missed occurrence, so at start every occurrence since
 * the log began whose period has no run is enqueued, with one job id per period.
 */
export class EvaluationScheduler {
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly jobs: JobQueue,
    private readonly runs: EvaluationRuns,
    private readonly finalizer: RatingFinalizer,
    private readonly schedules: EvaluationSchedules,
    private readonly log: { warn(message: string): void },
    private readonly retryMs = 2000,
  ) {}

  registerHandlers(): void {
    this.jobs.register<ScheduledRunData, { runId: string }>(EVALUATION_JOBS.scheduled, (job) =>
      this.runScheduled(job),
    );
    this.jobs.register<unknown, { finalized: number }>(EVALUATION_JOBS.finalize, () =>
      this.finalizer.finalizeDue(),
    );
  }

  /**
   * Upserts both schedulers (kept and applied when the job server answers again) and enqueues
   * the missed periods, trying again until the job server answers.
   */
  async start(now: () => Date = () => new Date()): Promise<void> {
    await this.jobs.upsertScheduler(EVALUATION_SCHEDULER_ID, this.schedules.evaluation, {
      name: EVALUATION_JOBS.scheduled,
      data: {},
    });
    await this.jobs.upsertScheduler(FINALIZE_SCHEDULER_ID, this.schedules.finalize, {
      name: EVALUATION_JOBS.finalize,
      data: {},
    });
    const attempt = async () => {
      if (this.stopped) return;
      try {
        await this.enqueueMissed(now());
      } catch (error) {
        if (!(error instanceof JobsUnavailableError)) throw error;
        this.retry = setTimeout(() => void attempt().catch(report), this.retryMs);
        this.retry.unref();
      }
    };
    const report = (error: unknown) =>
      this.log.warn(`missed evaluation periods not enqueued: ${(error as Error).message}`);
    await attempt().catch(report);
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
  }

  /** The periods whose scheduled run fell between the log's start and `now` and has no run. */
  async missedPeriods(now: Date): Promise<string[]> {
    const [first] = await this.store.readAll({ limit: 1 });
    if (!first) return [];
    const { evaluation } = this.schedules;
    const occurrences = cronOccurrences(evaluation, new Date(first.metadata.recordedAt), now);
    const periods = [...new Set(occurrences.map((o) => periodRatedAt(o, evaluation.tz)))];
    const missed: string[] = [];
    for (const period of periods) {
      const [run] = await this.store.readStream(evaluationStreamId(period), { limit: 1 });
      if (!run) missed.push(period);
    }
    return missed;
  }

  async enqueueMissed(now: Date): Promise<string[]> {
    const missed = await this.missedPeriods(now);
    for (const period of missed) {
      await this.jobs.enqueue<ScheduledRunData>(
        EVALUATION_JOBS.scheduled,
        { period },
        { jobId: missedPeriodJobId(period) },
      );
    }
    return missed;
  }

  private async runScheduled(job: RunningJob<ScheduledRunData>): Promise<{ runId: string }> {
    const missed = job.data.period;
    const period =
      missed ?? periodRatedAt(job.scheduledFor ?? new Date(), this.schedules.evaluation.tz);
    const { runId } = await this.runs.start({ period }, missed ? 'startup' : 'scheduler');
    return { runId };
  }
}
