import {
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { JOB_QUEUE, JobQueue, openJobQueue } from '@gongjian/jobs';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { DecisionRunner } from '@gongjian/write-side';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { GetEvaluationHandler } from './queries/get-evaluation.handler';
import { ListRatingsHandler } from './queries/list-ratings.handler';
import { OrganizationRatingsHandler } from './queries/organization-ratings.handler';
import { GetRuleSetHandler, ListRuleSetsHandler } from './queries/rule-sets.handlers';
import { RatingQueriesController } from './rating-queries.controller';
import { RatingsController } from './ratings.controller';
import { EVALUATION_JOBS_TOKEN, EVALUATION_RUNS } from './ratings.tokens';
import { evaluationJobs } from './runs/evaluation-jobs';

type EvaluationJobs = ReturnType<typeof evaluationJobs>;

/**
 * Star ratings. Embedded (no REDIS_URL) the api runs the evaluation jobs and their schedulers
 * itself on the in-process runner; with BullMQ it only enqueues them and the worker runs them.
 */
@Module({
  controllers: [RatingsController, RatingQueriesController],
  providers: [
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Jobs');
        return openJobQueue(config, {
          log: { info: (m: string) => logger.log(m), warn: (m: string) => logger.warn(m) },
        });
      },
    },
    {
      provide: EVALUATION_JOBS_TOKEN,
      inject: [EVENT_STORE, DecisionRunner, JOB_QUEUE, READ_MODEL_READER, APP_CONFIG],
      useFactory: (
        store: EventStore,
        runner: DecisionRunner,
        jobs: JobQueue,
        reader: ReadModelReader,
        config: AppConfig,
      ) => {
        const logger = new Logger('Evaluations');
        return evaluationJobs({
          store,
          runner,
          jobs,
          reader,
          config,
          log: { warn: (m: string) => logger.warn(m) },
        });
      },
    },
    {
      provide: EVALUATION_RUNS,
      inject: [EVALUATION_JOBS_TOKEN],
      useFactory: (evaluation: EvaluationJobs) => evaluation.runs,
    },
    ListRatingsHandler,
    OrganizationRatingsHandler,
    ListRuleSetsHandler,
    GetRuleSetHandler,
    GetEvaluationHandler,
  ],
})
export class RatingsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(EVALUATION_JOBS_TOKEN) private readonly evaluation: EvaluationJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.jobs.engine !== 'in-process') return;
    this.evaluation.register();
    await this.jobs.start();
    await this.evaluation.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.evaluation.scheduler.stop();
    await this.jobs.close();
  }
}
