import type { AppConfig } from '@gongjian/config';
import type { EventStore } from '@gongjian/event-store';
import type { JobQueue } from '@gongjian/jobs';
import type { ReadModelReader } from '@gongjian/projections';
import type { DecisionRunner } from '@gongjian/write-side';
import { EvaluationRuns } from './evaluation-runs';
import { EvaluationScheduler } from './evaluation-scheduler';
import { RatingFinalizer } from './rating-finalizer';
import { RatingRecorder } from './rating-recorder';

export interface EvaluationJobDependencies {
  store: EventStore;
  runner: DecisionRunner;
  jobs: JobQueue;
  reader: ReadModelReader;
  config: Pick<
    AppConfig,
    | 'evaluationBatches'
    | 'evaluationAppendChunkSize'
    | 'evaluationRuleSetId'
    | 'ratingNoticeDays'
    | 'evaluationCron'
    | 'evaluationTz'
    | 'ratingFinalizeCron'
    | 'jobsProbeIntervalMs'
  >;
  log: { warn(message: string): void };
}

export function evaluationRuns({ store, runner, jobs, config }: EvaluationJobDependencies) {
  return new EvaluationRuns(store, runner, jobs, {
    batches: config.evaluationBatches,
    appendChunkSize: config.evaluationAppendChunkSize,
    noticeDays: config.ratingNoticeDays,
    defaultRuleSetId: config.evaluationRuleSetId,
  });
}

/**
 * Everything that runs the star-rating jobs, the same in the api (embedded, in-process runner)
 * and in the worker (server mode, BullMQ): the run's handlers, the schedulers and the missed
 * periods. Call before `jobs.start()`, then `scheduler.start()`.
 */
export function evaluationJobs(deps: EvaluationJobDependencies) {
  const runs = evaluationRuns(deps);
  const finalizer = new RatingFinalizer(
    deps.reader,
    new RatingRecorder(deps.runner, deps.config.evaluationAppendChunkSize),
  );
  const scheduler = new EvaluationScheduler(
    deps.store,
    deps.jobs,
    runs,
    finalizer,
    {
      evaluation: { cron: deps.config.evaluationCron, tz: deps.config.evaluationTz },
      finalize: { cron: deps.config.ratingFinalizeCron, tz: deps.config.evaluationTz },
    },
    deps.log,
    deps.config.jobsProbeIntervalMs,
  );
  return {
    runs,
    scheduler,
    register(): void {
      runs.registerHandlers();
      scheduler.registerHandlers();
    },
  };
}
