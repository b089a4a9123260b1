import type { Job, JobState } from 'bullmq';
import type { JobId, JobProgress, JobSnapshot, JobStatus } from '../../job-queue.port';

export function statusOf(state: JobState | 'unknown'): JobStatus | undefined {
  switch (state) {
    case 'active':
      return 'running';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'waiting':
    case 'waiting-children':
    case 'delayed':
    case 'prioritized':
      return 'queued';
    default:
      return undefined;
  }
}

export function snapshotOfBullMqJob(job: Job, status: JobStatus): JobSnapshot {
  const snapshot: JobSnapshot = {
    id: job.id!,
    name: job.name,
    status,
    data: job.data as unknown,
    attempts: job.attemptsStarted,
    createdAt: new Date(job.timestamp),
  };
  const progress = progressOf(job.progress);
  if (progress) snapshot.progress = progress;
  if (status === 'completed') snapshot.result = job.returnvalue ?? null;
  if (job.failedReason) snapshot.failureReason = job.failedReason;
  if (job.finishedOn && (status === 'completed' || status === 'failed')) {
    snapshot.finishedAt = new Date(job.finishedOn);
  }
  return snapshot;
}

function progressOf(progress: unknown): JobProgress | undefined {
  if (typeof progress !== 'object' || progress === null) return undefined;
  const { done, total } = progress as Partial<JobProgress>;
  return typeof done === 'number' && typeof total === 'number' ? { done, total } : undefined;
}

/** BullMQ keys children as `<prefix>:<queue>:<id>`; ids never contain `:` (job-id.ts). */
export function byChildJobId<T>(values: Record<string, T>): Record<JobId, T> {
  const byId: Record<JobId, T> = {};
  for (const [key, value] of Object.entries(values)) {
    byId[key.slice(key.lastIndexOf(':') + 1)] = value;
  }
  return byId;
}
