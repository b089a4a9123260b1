import type { IndicatorRule } from '../rule-set/rule-set.types';
import type { Measure, MeasureInput } from './measure';

/** 村集体经济收入 for the period's year against the 空壳村 threshold (fen). */
export function collectiveIncome({ branch }: MeasureInput, rule: IndicatorRule): Measure {
  const target = rule.target ?? 0;
  if (!branch.collectiveIncome) return { value: 0, target, evidence: [], missing: true };
  return {
    value: branch.collectiveIncome.amountFen,
    target,
    evidence: [branch.collectiveIncome.eventId],
  };
}
