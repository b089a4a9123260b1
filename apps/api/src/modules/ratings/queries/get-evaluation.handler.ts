import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVALUATION_RUNS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import { JOB_QUEUE, type JobQueue, JobsUnavailableError } from '@gongjian/jobs';
import { HttpProblemError } from '../../../http/problem/http-problem.error';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { finishJobId, planJobId } from '../runs/evaluation-run-key';

export class GetEvaluationQuery {
  constructor(
    readonly runId: string,
    readonly minPosition?: string,
  ) {}
}

/**
 * A run as its read model shows it (from `evaluation-<period>`); while it has not finished, its
 * jobs tell whether it is running and how far it is. With the job server unreachable the run
 * is shown as recorded, with `jobs: "unavailable"`.
 */
@QueryHandler(GetEvaluationQuery)
export class GetEvaluationHandler implements IQueryHandler<GetEvaluationQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  async execute({ runId, minPosition }: GetEvaluationQuery) {
    await awaitPosition(this.reader, minPosition);
    const runs = await this.reader.collection('ratings', EVALUATION_RUNS);
    const document = await runs.findById(runId);
    if (!document)
      throw new HttpProblemError(404, 'EVALUATION_NOT_FOUND', `no evaluation run ${runId}`);
    // `position`: the log position the shown status reflects (a minPosition for other reads).
    const run: Record<string, unknown> = { ...publicFields(document), position: document._pos };
    if (run.status !== 'queued') return run;
    const attempt = Number(run.attempts);
    try {
      const [plan, finish] = await Promise.all([
        this.jobs.getJob(planJobId(runId, attempt)),
        this.jobs.getJob(finishJobId(runId, attempt)),
      ]);
      const started = plan?.status === 'running' || plan?.status === 'completed';
      return {
        ...run,
        status: started ? 'running' : 'queued',
        progress: finish?.progress ?? plan?.progress ?? { done: 0, total: 0 },
      };
    } catch (error) {
      if (!(error instanceof JobsUnavailableError)) throw error;
      return { ...run, progress: { done: 0, total: 0 }, jobs: 'unavailable' };
    }
  }
}
