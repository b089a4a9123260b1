/**
 * A rule set is data: what a county scores, how much each item weighs, where the star
 * thresholds lie and which items cap or veto a rating. Points are whole numbers in a rule set;
 * the engine computes in hundredths of a point (centipoints) so that no float is ever hashed.
 */

/** Every way the engine knows to turn a branch's facts into an indicator's value. */
export const INDICATOR_KINDS = [
  'collective_activity_days',
  'guidance_days',
  'activist_reserve',
  'new_members',
  'funding_standards_met',
  'funds_spent_as_allocated',
  'collective_income',
  'commitments_delivered',
  'completed_projects',
  'appraisal_score',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DEDUCTION_KINDS = ['overdue_development_steps', 'funds_undisbursed'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

export const VETO_KINDS = ['recorded_veto', 'no_new_member'] as const;
export type VetoKind = (typeof VETO_KINDS)[number];

export const FIVE_STAR_CONDITION_KINDS = ['completed_project'] as const;
export type FiveStarConditionKind = (typeof FIVE_STAR_CONDITION_KINDS)[number];

/** A weighted part of the score, e.g. basic items 70%, democratic appraisal 30%. */
export interface ScorePart {
  key: string;
  label: string;
  /** Share of the final score, in percent; the parts add up to 100. */
  weightPercent: number;
}

/** A scored item: its points within its part (the items of a part add up to 100). */
export interface IndicatorRule {
  key: string;
  label: string;
  part: string;
  kind: IndicatorKind;
  maxPoints: number;
  /**
   * The target the value is measured against, for kinds whose target is not derived from the
   * facts (activist reserve, new members, completed projects, collective income in fen).
   */
  target?: number;
}

/** Points taken off a part, per occurrence, up to a maximum. */
export interface DeductionRule {
  key: string;
  label: string;
  part: string;
  kind: DeductionKind;
  pointsPerOccurrence: number;
  maxPoints: number;
}

/** 一票否决: the rating gets the minimum star whatever the score. */
export interface VetoRule {
  key: string;
  label: string;
  kind: VetoKind;
  /** For `no_new_member`: how many years without an admission veto the rating. */
  years?: number;
}

/** A village category that caps the stars (e.g. 软弱涣散 at most 2). */
export interface CategoryCap {
  category: string;
  maxStars: number;
}

export interface FiveStarCondition {
  key: string;
  label: string;
  kind: FiveStarConditionKind;
}

export interface StarThreshold {
  stars: number;
  /** Whole points; a score at or above it earns the stars. */
  minScore: number;
}

/**
 * At most `maxSharePercent` of the rated branches at exactly `stars`; the rest drop a star,
 * the lowest scores first (ties: the organization id, descending, drops first).
 */
export interface StarQuota {
  stars: number;
  maxSharePercent: number;
}

export interface RuleSet {
  id: string;
  version: number;
  title: string;
  /** Which organizations a run rates. */
  appliesTo: { sectors: string[] };
  parts: ScorePart[];
  indicators: IndicatorRule[];
  deductions: DeductionRule[];
  /** Strictly descending; below the last one a branch gets `minimumStars`. */
  thresholds: StarThreshold[];
  minimumStars: number;
  /** The share of five-star branches, county-wide (API.md `fiveStarCap`). */
  fiveStarCap: { maxSharePercent: number };
  /** Further quotas for other levels (a 10/40/30 split), applied top down after the cap. */
  levelQuotas: StarQuota[];
  vetoes: VetoRule[];
  categoryCaps: CategoryCap[];
  fiveStarConditions: FiveStarCondition[];
}
