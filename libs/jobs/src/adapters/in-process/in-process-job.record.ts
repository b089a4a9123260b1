import type {
  FlowFailurePolicy,
  JobId,
  JobProgress,
  JobSnapshot,
  JobStatus,
} from '../../job-queue.port';

/** A job as the in-process runner keeps it; `waiting-children` shows as `queued`. */
export interface InProcessJobRecord {
  id: JobId;
  name: string;
  data: unknown;
  state: JobStatus | 'waiting-children';
  maxAttempts: number;
  attemptsStarted: number;
  createdAt: Date;
  finishedAt?: Date;
  progress?: JobProgress;
  result?: unknown;
  failureReason?: string;
  scheduledFor?: Date;
  /** Set on a flow's children. */
  parentId?: JobId;
  /** Set on a flow's parent. */
  flow?: {
    failurePolicy: FlowFailurePolicy;
    pendingChildren: Set<JobId>;
    results: Record<JobId, unknown>;
    failures: Record<JobId, string>;
  };
}

export function snapshotOf(record: InProcessJobRecord): JobSnapshot {
  const snapshot: JobSnapshot = {
    id: record.id,
    name: record.name,
    status: record.state === 'waiting-children' ? 'queued' : record.state,
    data: asJson(record.data),
    attempts: record.attemptsStarted,
    createdAt: record.createdAt,
  };
  if (record.progress) snapshot.progress = { ...record.progress };
  if (record.state === 'completed') snapshot.result = asJson(record.result);
  if (record.failureReason !== undefined) snapshot.failureReason = record.failureReason;
  if (record.finishedAt) snapshot.finishedAt = record.finishedAt;
  return snapshot;
}

/**
 * What a value becomes once stored as JSON, as BullMQ stores it: handlers and callers see the
 * same shapes in both adapters (no Dates, no undefined fields, no shared references).
 */
export function asJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
