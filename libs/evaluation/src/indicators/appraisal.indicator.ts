import type { Measure, MeasureInput } from './measure';

/** 民主评议: the recorded appraisal score out of 100; missing when none was recorded. */
export function appraisalScore({ branch }: MeasureInput): Measure {
  if (!branch.appraisal) return { value: 0, target: 100, evidence: [], missing: true };
  return { value: branch.appraisal.score, target: 100, evidence: [branch.appraisal.eventId] };
}
