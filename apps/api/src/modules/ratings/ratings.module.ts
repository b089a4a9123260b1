import {
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { DEFAULT_RULE_SET } from '@gongjian/evaluation';
import { JOB_QUEUE, JobQueue, openJobQueue } from '@gongjian/jobs';
import { DecisionRunner } from '@gongjian/write-side';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { RatingsController } from './ratings.controller';
import { EVALUATION_RUNS } from './ratings.tokens';
import { EvaluationRuns } from './runs/evaluation-runs';

/**
 * Star ratings. Embedded (no REDIS_URL) the api runs the evaluation jobs itself on the
 * in-process runner; with BullMQ it only enqueues them and the worker runs them.
 */
@Module({
  controllers: [RatingsController],
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
      provide: EVALUATION_RUNS,
      inject: [EVENT_STORE, DecisionRunner, JOB_QUEUE],
      useFactory: (store: EventStore, runner: DecisionRunner, jobs: JobQueue) =>
        new EvaluationRuns(store, runner, jobs, {
          batchSize: 500,
          noticeDays: 5,
          defaultRuleSetId: DEFAULT_RULE_SET.id,
        }),
    },
  ],
})
export class RatingsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    @Inject(EVALUATION_RUNS) private readonly runs: EvaluationRuns,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.jobs.engine !== 'in-process') return;
    this.runs.registerHandlers();
    await this.jobs.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
  }
}
