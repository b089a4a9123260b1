import type { IndicatorRule } from '../rule-set/rule-set.types';
import type { Measure, MeasureInput, Occurrences } from './measure';

/** 入党积极分子储备: activists and development targets of the branch at the period's end. */
export function activistReserve({ reserve }: MeasureInput, rule: IndicatorRule): Measure {
  return { value: reserve.length, target: rule.target ?? 0, evidence: [...reserve] };
}

/** 发展党员: admissions as probationary members approved in the period. */
export function newMembers({ branch }: MeasureInput, rule: IndicatorRule): Measure {
  return {
    value: branch.admissions.length,
    target: rule.target ?? 0,
    evidence: [...branch.admissions],
  };
}

/** Development steps taken after their deadline, dated in the period. */
export function overdueDevelopmentSteps({ branch }: MeasureInput): Occurrences {
  return { count: branch.overdueSteps.length, evidence: [...branch.overdueSteps] };
}
