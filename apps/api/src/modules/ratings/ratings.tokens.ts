export const EVALUATION_RUNS = Symbol.for('gongjian.EvaluationRuns');
/** The runs, their schedulers and the finalization, as one set of job handlers. */
export const EVALUATION_JOBS_TOKEN = Symbol.for('gongjian.EvaluationJobs');
