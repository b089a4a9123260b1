import type { IndicatorRule } from '../rule-set/rule-set.types';
import type { Measure, MeasureInput } from './measure';

/** 共建项目: pairing projects of the branch completed in the period. */
export function completedProjects({ branch }: MeasureInput, rule: IndicatorRule): Measure {
  return {
    value: branch.completedProjects.length,
    target: rule.target ?? 0,
    evidence: [...branch.completedProjects],
  };
}
