export const EVALUATION_RUNS = Symbol.for('gongjian.EvaluationRuns');
