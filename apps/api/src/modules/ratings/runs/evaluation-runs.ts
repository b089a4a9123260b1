import { randomUUID } from 'node:crypto';
import {
  DomainError,
  EvaluationRequestedData,
  EvaluationRunCommand,
  evaluationRunDecider,
  EvaluationRunEvent,
  evaluationStreamId,
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
  planJobId,
  runIdFor,
} from './evaluation-run-key';
import { LogFactsReader } from './log-facts.reader';
import { RatingRecorder } from './rating-recorder';
import { RuleSetSource } from './rule-set-source';

export interface EvaluationSettings {
  /**
   * Batch jobs (flow children) a run fans out to: each folds the log in its own process (once
   * per process, shared by the batches it runs) and scores its slice of the branches, so
   * several workers fold side by side.
   */
  batches: number;
  /** Rating streams appended to in one atomic append by the flow's parent. */
  appendChunkSize: number;
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
  /** This batch scores the `index`-th of `of` contiguous slices of the rateable branches. */
  slice: { index: number; of: number };
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
 * `EvaluationRequested` once and enqueues a plan job, which enqueues a flow of batches (each
 * folds the log up to the cut-off and scores its slice of the branches) whose parent applies
 * the quotas and records one `BranchRated` per branch, a chunk
 * of branches per atomic multi-stream append. Every
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
  private readonly recorder: RatingRecorder;

  constructor(
    private readonly store: EventStore,
    private readonly runner: DecisionRunner,
    private readonly jobs: JobQueue,
    private readonly settings: EvaluationSettings,
  ) {
    this.ruleSets = new RuleSetSource(store, runner);
    this.reader = new LogFactsReader(store);
    this.recorder = new RatingRecorder(runner, settings.appendChunkSize);
  }

  registerHandlers(): void {
    this.jobs.register<RunJobData, { batches: number }>(EVALUATION_JOBS.plan, (job) =>
      this.plan(job),
    );
    this.jobs.register<BatchJobData, BranchRating[]>(EVALUATION_JOBS.batch, (job) =>
      this.batch(job),
    );
    this.jobs.register<RunJobData, { rated: number }>(EVALUATION_JOBS.finish, (job) =>
      this.finish(job),
    );
  }

  /**
   * Starts (or finds) the run for the request; answers its id and the log position that records
   * the request (a query with it as `minPosition` sees the run).
   */
  async start(
    request: { period: string; ruleSetId?: string; cutoff?: string },
    trigger: EvaluationRequestedData['trigger'],
    metadata: CommandMetadata = systemMetadata(),
  ): Promise<{ runId: string; position: string }> {
    // The jobs are asked (once) only where something needs them, before anything is written:
    // the default rule set published on first use, or a run to enqueue. A completed run needs none.
    let jobsAsked: Promise<void> | undefined;
    const jobsReachable = () => (jobsAsked ??= this.jobs.ping());
    const ruleSetId = request.ruleSetId ?? this.settings.defaultRuleSetId;
    let published = await this.ruleSets.findLatest(ruleSetId);
    if (!published) {
      await jobsReachable();
      published = await this.ruleSets.publishDefault(ruleSetId, metadata);
    }
    const { ruleSet, hash } = published;
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
    const completed = (events: EvaluationRunEvent[]) =>
      events.some((e) => e.type === 'EvaluationCompleted' && e.data.runId === key.runId);
    if (!completed(history)) await jobsReachable();
    const { position } = await this.decideRun(
      request.period,
      { type: 'RequestEvaluation', data: { ...key, trigger } } as EvaluationRunCommand,
      metadata,
    );
    const answer = { runId: key.runId, position: position ?? '' };
    const events = (await this.runEvents(request.period)).filter((e) => e.data.runId === key.runId);
    if (completed(events)) return answer;
    const attempt = events.filter((e) => e.type === 'EvaluationRequested').length;
    await this.jobs.enqueue<RunJobData>(
      EVALUATION_JOBS.plan,
      { key, attempt, ruleSet },
      { jobId: planJobId(key.runId, attempt) },
    );
    return answer;
  }

  /** Enqueues the flow: no fold here, so that the batches' folds can run side by side. */
  private async plan(job: RunningJob<RunJobData>): Promise<{ batches: number }> {
    const { key, attempt, ruleSet } = job.data;
    const of = this.settings.batches;
    await this.jobs.enqueueFlow<RunJobData, BatchJobData>({
      parent: {
        name: EVALUATION_JOBS.finish,
        data: { key, attempt, ruleSet },
        jobId: finishJobId(key.runId, attempt),
      },
      children: Array.from({ length: of }, (_, index) => ({
        name: EVALUATION_JOBS.batch,
        data: { key, attempt, ruleSet, slice: { index, of } },
        jobId: batchJobId(key.runId, attempt, index),
      })),
      failurePolicy: 'continue-parent',
    });
    return { batches: of };
  }

  private async batch(job: RunningJob<BatchJobData>): Promise<BranchRating[]> {
    const { key, ruleSet, slice } = job.data;
    const { facts, index } = await this.reader.facts(key.period, key.cutoffPosition);
    const ids = rateableBranches(ruleSet, facts);
    const from = Math.floor((slice.index * ids.length) / slice.of);
    const to = Math.floor(((slice.index + 1) * ids.length) / slice.of);
    await job.updateProgress({ done: 0, total: to - from });
    return scoreBranches(ruleSet, facts, ids.slice(from, to), index);
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
    const total = ratings.length;
    await job.updateProgress({ done: 0, total });
    const skipped = await this.recorder.rate(
      ratings.map((rating) => ({
        ...rating,
        runId: key.runId,
        ruleSetId: key.ruleSetId,
        ruleSetVersion: key.ruleSetVersion,
        ruleSetHash: key.ruleSetHash,
        cutoffPosition: key.cutoffPosition,
      })),
      this.settings.noticeDays,
      () => systemMetadata(),
      (done) => job.updateProgress({ done, total }),
    );
    const left = new Set(skipped);
    await this.complete(
      key,
      ratings.filter((r) => !left.has(r.organizationId)),
      skipped,
    );
    return { rated: total - skipped.length };
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
