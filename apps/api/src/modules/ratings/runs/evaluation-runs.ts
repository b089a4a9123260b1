import { randomUUID } from 'node:crypto';
import {
  BranchRatedData,
  DomainError,
  EvaluationRequestedData,
  EvaluationRunCommand,
  evaluationRunDecider,
  EvaluationRunEvent,
  evaluationStreamId,
  RateBranch,
  ratingDecider,
  RatingErrorCode,
  ratingStreamId,
} from '@gongjian/domain';
import type { EventStore } from '@gongjian/event-store';
import {
  BranchRating,
  finishRatings,
  rateableBranches,
  RuleSet,
  scoreBranches,
} from '@gongjian/evaluation';
import type { JobQueue, RunningJob } from '@gongjian/jobs';
import { CommandMetadata, DecisionRunner, domainCommand } from '@gongjian/write-side';
import {
  batchJobId,
  EVALUATION_JOBS,
  finishJobId,
  periodOfRunId,
  planJobId,
  runIdFor,
} from './evaluation-run-key';
import { LogFactsReader } from './log-facts.reader';
import { RuleSetSource } from './rule-set-source';

export interface EvaluationSettings {
  /** Branches scored per flow child. */
  batchSize: number;
  /** Length of the public notice (公示) in days. */
  noticeDays: number;
  /** The rule set used when a run names none. */
  defaultRuleSetId: string;
}

type RunKey = Omit<EvaluationRequestedData, 'trigger'>;
interface RunJobData {
  key: RunKey;
  attempt: number;
  ruleSet: RuleSet;
}
interface BatchJobData extends RunJobData {
  organizationIds: string[];
}

export const EVALUATION_ACTOR = { id: 'evaluation-runner', role: 'scheduler' } as const;

export function systemMetadata(now = new Date().toISOString()): CommandMetadata {
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: commandId,
    requestHash: commandId,
    actor: { ...EVALUATION_ACTOR, townships: ['*'] },
    now,
  };
}

export const cutoffAfterHead = (cutoff: string, head: string | undefined) =>
  new DomainError('CUTOFF_AFTER_HEAD', `cut-off ${cutoff} is past the end of the log`, {
    cutoff,
    head: head ?? null,
  });

/**
 * Evaluation runs: a run is keyed by (period, rule set and hash, cut-off); starting it appends
 * `EvaluationRequested` once and enqueues a plan job, which folds the log and enqueues a flow
 * of batches whose parent applies the quotas and records one `BranchRated` per branch. Every
 * step is idempotent (job ids and the rating stream's run check), so a redelivered job, a
 * crashed worker or a second request changes nothing.
 *
 * Failure policy: `continue-parent`. The parent always runs; when any batch failed after its
 * attempts it records `EvaluationFailed` and rates nobody, so a run is all or nothing. The run
 * can be asked for again (a new attempt, new job ids).
 */
export class EvaluationRuns {
  readonly ruleSets: RuleSetSource;
  private readonly reader: LogFactsReader;

  constructor(
    private readonly store: EventStore,
    private readonly runner: DecisionRunner,
    private readonly jobs: JobQueue,
    private readonly settings: EvaluationSettings,
  ) {
    this.ruleSets = new RuleSetSource(store, runner);
    this.reader = new LogFactsReader(store);
  }

  registerHandlers(): void {
    this.jobs.register<RunJobData, { total: number }>(EVALUATION_JOBS.plan, (job) =>
      this.plan(job),
    );
    this.jobs.register<BatchJobData, BranchRating[]>(EVALUATION_JOBS.batch, (job) =>
      this.batch(job),
    );
    this.jobs.register<RunJobData, { rated: number }>(EVALUATION_JOBS.finish, (job) =>
      this.finish(job),
    );
  }

  /** Starts (or finds) the run for the request; answers its id. */
  async start(
    request: { period: string; ruleSetId?: string; cutoff?: string },
    trigger: EvaluationRequestedData['trigger'],
    metadata: CommandMetadata = systemMetadata(),
  ): Promise<{ runId: string }> {
    // Refuse before writing anything when the jobs cannot run.
    await this.jobs.ping();
    const { ruleSet, hash } = await this.ruleSets.latest(
      request.ruleSetId ?? this.settings.defaultRuleSetId,
      metadata,
    );
    const history = await this.runEvents(request.period);
    const cutoffPosition = await this.cutoffFor(request, hash, history);
    const keyWithoutId = {
      period: request.period,
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      ruleSetHash: hash,
      cutoffPosition,
    };
    const key: RunKey = { runId: runIdFor(keyWithoutId), ...keyWithoutId };
    await this.decideRun(
      request.period,
      { type: 'RequestEvaluation', data: { ...key, trigger } } as EvaluationRunCommand,
      metadata,
    );
    const events = (await this.runEvents(request.period)).filter((e) => e.data.runId === key.runId);
    if (events.some((e) => e.type === 'EvaluationCompleted')) return { runId: key.runId };
    const attempt = events.filter((e) => e.type === 'EvaluationRequested').length;
    await this.jobs.enqueue<RunJobData>(
      EVALUATION_JOBS.plan,
      { key, attempt, ruleSet },
      { jobId: planJobId(key.runId, attempt) },
    );
    return { runId: key.runId };
  }

  /** The run as `GET /evaluations/{runId}` shows it, or undefined when unknown. */
  async status(runId: string) {
    const events = (await this.runEvents(periodOfRunId(runId))).filter(
      (e) => e.data.runId === runId,
    );
    const requests = events.filter((e) => e.type === 'EvaluationRequested');
    if (requests.length === 0) return undefined;
    const key = requests[0].data as EvaluationRequestedData;
    const last = events[events.length - 1];
    const base = {
      runId,
      period: key.period,
      ruleSetId: key.ruleSetId,
      ruleSetVersion: key.ruleSetVersion,
      ruleSetHash: key.ruleSetHash,
      cutoffPosition: key.cutoffPosition,
    };
    if (last.type === 'EvaluationCompleted') {
      const { rated, byStars, skipped } = last.data;
      return {
        ...base,
        status: 'completed' as const,
        progress: { done: rated, total: rated + skipped.length },
        summary: { byStars, skipped },
      };
    }
    if (last.type === 'EvaluationFailed')
      return {
        ...base,
        status: 'failed' as const,
        failureReason: last.data.reason,
        progress: { done: 0, total: 0 },
      };
    const attempt = requests.length;
    const [plan, finish] = await Promise.all([
      this.jobs.getJob(planJobId(runId, attempt)),
      this.jobs.getJob(finishJobId(runId, attempt)),
    ]);
    const running = plan?.status === 'running' || plan?.status === 'completed';
    return {
      ...base,
      status: running ? ('running' as const) : ('queued' as const),
      progress: finish?.progress ?? plan?.progress ?? { done: 0, total: 0 },
    };
  }

  private async plan(job: RunningJob<RunJobData>): Promise<{ total: number }> {
    const { key, attempt, ruleSet } = job.data;
    const { facts } = await this.reader.facts(key.period, key.cutoffPosition);
    const ids = rateableBranches(ruleSet, facts);
    if (ids.length === 0) {
      await this.complete(key, [], []);
      return { total: 0 };
    }
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += this.settings.batchSize)
      batches.push(ids.slice(i, i + this.settings.batchSize));
    await job.updateProgress({ done: 0, total: ids.length });
    await this.jobs.enqueueFlow<RunJobData, BatchJobData>({
      parent: {
        name: EVALUATION_JOBS.finish,
        data: { key, attempt, ruleSet },
        jobId: finishJobId(key.runId, attempt),
      },
      children: batches.map((organizationIds, index) => ({
        name: EVALUATION_JOBS.batch,
        data: { key, attempt, ruleSet, organizationIds },
        jobId: batchJobId(key.runId, attempt, index),
      })),
      failurePolicy: 'continue-parent',
    });
    return { total: ids.length };
  }

  private async batch(job: RunningJob<BatchJobData>): Promise<BranchRating[]> {
    const { key, ruleSet, organizationIds } = job.data;
    const { facts, index } = await this.reader.facts(key.period, key.cutoffPosition);
    return scoreBranches(ruleSet, facts, organizationIds, index);
  }

  private async finish(job: RunningJob<RunJobData>): Promise<{ rated: number }> {
    const { key, ruleSet } = job.data;
    const outcomes = await job.childOutcomes();
    const failures = Object.entries(outcomes.failures);
    if (failures.length > 0) {
      const reason = failures.map(([id, why]) => `${id}: ${why}`).join('; ');
      await this.decideRun(
        key.period,
        {
          type: 'FailEvaluation',
          data: { runId: key.runId, period: key.period, reason },
        } as EvaluationRunCommand,
        systemMetadata(),
      );
      return { rated: 0 };
    }
    const scored = Object.keys(outcomes.results)
      .sort()
      .flatMap((id) => outcomes.results[id] as BranchRating[]);
    const ratings = finishRatings(ruleSet, scored);
    const skipped: string[] = [];
    let done = 0;
    for (const rating of ratings) {
      if (!(await this.record(key, rating))) skipped.push(rating.organizationId);
      done++;
      if (done % 200 === 0) await job.updateProgress({ done, total: ratings.length });
    }
    await job.updateProgress({ done, total: ratings.length });
    await this.complete(
      key,
      ratings.filter((r) => !skipped.includes(r.organizationId)),
      skipped,
    );
    return { rated: ratings.length - skipped.length };
  }

  /** Appends the branch's rating unless this run already did; false when it is final. */
  private async record(key: RunKey, rating: BranchRating): Promise<boolean> {
    const data: Omit<BranchRatedData, 'noticeEndsOn'> = {
      ...rating,
      runId: key.runId,
      ruleSetId: key.ruleSetId,
      ruleSetVersion: key.ruleSetVersion,
      ruleSetHash: key.ruleSetHash,
      cutoffPosition: key.cutoffPosition,
    };
    const metadata = systemMetadata();
    try {
      await this.runner.run({
        id: rating.organizationId,
        streamId: ratingStreamId(rating.organizationId),
        decider: ratingDecider,
        metadata,
        ignoreIfMatch: true,
        command: () =>
          domainCommand<RateBranch>(
            'RateBranch',
            { rating: data, noticeDays: this.settings.noticeDays },
            metadata,
          ),
      });
      return true;
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === RatingErrorCode.RATING_ALREADY_FINAL ||
          error.code === RatingErrorCode.RATING_ALREADY_REVOKED)
      )
        return false;
      throw error;
    }
  }

  private async complete(key: RunKey, rated: BranchRating[], skipped: string[]) {
    const byStars: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const r of rated) byStars[String(r.stars)]++;
    await this.decideRun(
      key.period,
      {
        type: 'CompleteEvaluation',
        data: { runId: key.runId, period: key.period, rated: rated.length, byStars, skipped },
      } as EvaluationRunCommand,
      systemMetadata(),
    );
  }

  private decideRun(period: string, command: EvaluationRunCommand, metadata: CommandMetadata) {
    return this.runner.run({
      id: command.data.runId,
      streamId: evaluationStreamId(period),
      decider: evaluationRunDecider,
      metadata,
      ignoreIfMatch: true,
      command: () => ({
        ...command,
        context: domainCommand(command.type, command.data, metadata).context,
      }),
    });
  }

  private async runEvents(period: string): Promise<EvaluationRunEvent[]> {
    const events = await this.store.readStream(evaluationStreamId(period));
    return events.map((e) => ({ type: e.type, data: e.data }) as EvaluationRunEvent);
  }

  /**
   * The explicit cut-off; else the one of an earlier run of the period with the same rules (so
   * asking again re-runs nothing); else the end of the log now.
   */
  private async cutoffFor(
    request: { cutoff?: string },
    hash: string,
    history: EvaluationRunEvent[],
  ): Promise<string> {
    const head = await this.store.headPosition();
    if (request.cutoff !== undefined) {
      if (head === undefined || request.cutoff > head) throw cutoffAfterHead(request.cutoff, head);
      return request.cutoff;
    }
    const earlier = history.find(
      (e) => e.type === 'EvaluationRequested' && e.data.ruleSetHash === hash,
    );
    if (earlier?.type === 'EvaluationRequested') return earlier.data.cutoffPosition;
    if (head === undefined) throw cutoffAfterHead('(head)', head);
    return head;
  }
}
