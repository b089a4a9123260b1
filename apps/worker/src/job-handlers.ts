import type { AppConfig } from '@gongjian/config';
import type { EventStore } from '@gongjian/event-store';
import type { JobQueue } from '@gongjian/jobs';
import { DocumentReadModelReader, type ReadModelProjection } from '@gongjian/projections';
import type { DocumentStore } from '@gongjian/read-store';
import { DecisionRunner } from '@gongjian/write-side';
import { evaluationJobs } from '../../api/src/modules/ratings/runs/evaluation-jobs';
import { EVALUATION_JOBS } from '../../api/src/modules/ratings/runs/evaluation-run-key';

export interface JobHandlerDependencies {
  events: EventStore;
  store: DocumentStore;
  projections: readonly ReadModelProjection[];
  config: AppConfig;
  log: (message: string) => void;
}

export interface RegisteredJobs {
  names: string[];
  /** After the queue has started: schedulers and the periods missed while nothing ran. */
  afterStart(): Promise<void>;
  stop(): void;
}

/**
 * Registers the handlers this worker runs on the job queue: the star-rating evaluation (plan,
 * batches, the flow's parent, the yearly scheduler, finalization after the public notice).
 */
export function registerJobHandlers(jobs: JobQueue, deps: JobHandlerDependencies): RegisteredJobs {
  const evaluation = evaluationJobs({
    store: deps.events,
    runner: new DecisionRunner(deps.events),
    jobs,
    reader: new DocumentReadModelReader(deps.store, deps.projections),
    config: deps.config,
    log: { warn: deps.log },
  });
  evaluation.register();
  return {
    names: Object.values(EVALUATION_JOBS),
    afterStart: () => evaluation.scheduler.start(),
    stop: () => evaluation.scheduler.stop(),
  };
}
