/** Dependency-injection token under which the apps provide the configured JobQueue. */
export const JOB_QUEUE = Symbol.for('gongjian.JobQueue');
