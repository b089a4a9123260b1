import type { EvaluationRunKey } from '@gongjian/domain';

/**
 * The run id names the whole key (period, rule set id, version, hash prefix, cut-off), so the
 * same key always gives the same id, a job id BullMQ accepts (no `:`).
 */
export function runIdFor(key: Omit<EvaluationRunKey, 'runId'>): string {
  return [
    key.period,
    key.ruleSetId,
    `v${key.ruleSetVersion}`,
    key.ruleSetHash.slice(0, 16),
    key.cutoffPosition,
  ].join('-');
}

/** The period a run id belongs to (its first part). */
export const periodOfRunId = (runId: string): string => runId.slice(0, runId.indexOf('-'));

export const EVALUATION_JOBS = {
  /** Folds the log up to the cut-off, then enqueues the flow of batches. */
  plan: 'evaluation.plan',
  /** Scores one batch of branches (a flow child). */
  batch: 'evaluation.batch',
  /** Applies the county-wide quotas and records one rating per branch (the flow parent). */
  finish: 'evaluation.finish',
  /** Starts the run of a period: on the scheduler's cron, or at start for a missed period. */
  scheduled: 'evaluation.scheduled',
  /** Finalizes the provisional ratings whose public notice is over. */
  finalize: 'rating.finalize',
} as const;

/** The job that makes up for a period whose scheduled run was missed (one per period). */
export const missedPeriodJobId = (period: string) => `evaluation-missed-${period}`;

export const planJobId = (runId: string, attempt: number) => `${runId}-plan-${attempt}`;
export const finishJobId = (runId: string, attempt: number) => `${runId}-finish-${attempt}`;
export const batchJobId = (runId: string, attempt: number, index: number) =>
  `${runId}-batch-${attempt}-${String(index).padStart(4, '0')}`;
