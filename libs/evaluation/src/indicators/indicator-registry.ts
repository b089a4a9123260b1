import type { DeductionKind, IndicatorKind, IndicatorRule } from '../rule-set/rule-set.types';
import { appraisalScore } from './appraisal.indicator';
import { collectiveIncome } from './collective-income.indicator';
import { commitmentsDelivered } from './commitments-delivered.indicator';
import { completedProjects } from './completed-projects.indicator';
import { fundingStandardsMet, fundsSpentAsAllocated, fundsUndisbursed } from './funds.indicator';
import {
  activistReserve,
  newMembers,
  overdueDevelopmentSteps,
} from './member-development.indicator';
import type { Measure, MeasureInput, Occurrences } from './measure';
import { collectiveActivityDays, guidanceDays } from './pairing-activity.indicator';

export const MEASURES: Record<
  IndicatorKind,
  (input: MeasureInput, rule: IndicatorRule) => Measure
> = {
  collective_activity_days: collectiveActivityDays,
  guidance_days: guidanceDays,
  activist_reserve: activistReserve,
  new_members: newMembers,
  funding_standards_met: fundingStandardsMet,
  funds_spent_as_allocated: fundsSpentAsAllocated,
  collective_income: collectiveIncome,
  commitments_delivered: commitmentsDelivered,
  completed_projects: completedProjects,
  appraisal_score: appraisalScore,
};

export const OCCURRENCES: Record<DeductionKind, (input: MeasureInput) => Occurrences> = {
  overdue_development_steps: overdueDevelopmentSteps,
  funds_undisbursed: fundsUndisbursed,
};
