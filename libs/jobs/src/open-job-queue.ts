import { AppConfig, redactUrl } from '@gongjian/config';
import type { JobQueue } from './job-queue.port';
import { InProcessJobQueue } from './adapters/in-process/in-process.job-queue';
import type { BullMqJobQueueOptions, JobQueueLog } from './adapters/bullmq/bullmq.job-queue';

export type JobQueueSettings = Pick<
  AppConfig,
  | 'redisUrl'
  | 'jobsPrefix'
  | 'jobsConcurrency'
  | 'jobsAttempts'
  | 'jobsBackoffMs'
  | 'jobsProbeIntervalMs'
  | 'storeTimeoutMs'
  | 'startupTimeoutMs'
>;

export interface OpenJobQueueOptions {
  /** One queue holds every job name; defaults to `jobs`. */
  queueName?: string;
  log?: JobQueueLog;
  /** BullMQ stalled-job recovery settings (tests shorten them). */
  stalled?: Pick<BullMqJobQueueOptions, 'lockDurationMs' | 'stalledIntervalMs' | 'maxStalledCount'>;
}

/**
 * Opens the configured job queue: BullMQ when REDIS_URL is set, otherwise the in-process runner.
 * Unlike the stores, an unreachable Redis does not stop the process: after waiting up to
 * startupTimeoutMs for it, this logs one line naming REDIS_URL and the address and returns a
 * queue that is unavailable (enqueue throws JobsUnavailableError) until Redis answers.
 */
export async function openJobQueue(
  settings: JobQueueSettings,
  options: OpenJobQueueOptions = {},
): Promise<JobQueue> {
  const queueName = options.queueName ?? 'jobs';
  if (!settings.redisUrl) {
    return new InProcessJobQueue({
      concurrency: settings.jobsConcurrency,
      attempts: settings.jobsAttempts,
      backoffMs: settings.jobsBackoffMs,
    });
  }
  const { BullMqJobQueue } = await import('./adapters/bullmq/bullmq.job-queue');
  const address = `REDIS_URL=${redactUrl(settings.redisUrl)}`;
  const queue = new BullMqJobQueue({
    url: settings.redisUrl,
    address,
    prefix: settings.jobsPrefix,
    queueName,
    concurrency: settings.jobsConcurrency,
    attempts: settings.jobsAttempts,
    backoffMs: settings.jobsBackoffMs,
    probeIntervalMs: settings.jobsProbeIntervalMs,
    commandTimeoutMs: settings.storeTimeoutMs,
    ...options.stalled,
    log: options.log,
  });
  if (!(await queue.waitUntilAvailable(settings.startupTimeoutMs))) {
    options.log?.warn(
      `REDIS_URL: job queue at ${redactUrl(settings.redisUrl)} is not reachable ` +
        `(${queue.unavailableReason}); starting without jobs, they resume when it answers`,
    );
  }
  return queue;
}
