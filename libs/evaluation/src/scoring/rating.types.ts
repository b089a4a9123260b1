/**
 * A branch's rating as the engine computes it. Points are hundredths of a point (centipoints),
 * so that they stay integers in events; every indicator's `pointsCenti` is its contribution to
 * the score with its part's weight applied, so they add up to `scoreCenti`.
 */
export interface IndicatorResult {
  key: string;
  label: string;
  part: string;
  /** A scored item, or a deduction (its points are negative). */
  type: 'indicator' | 'deduction';
  value: number;
  target: number;
  pointsCenti: number;
  /** The most the item can add (or, for a deduction, take away), weighted. */
  maxPointsCenti: number;
  evidence: string[];
  missing?: true;
  note?: string;
}

export interface AppliedVeto {
  key: string;
  label: string;
  reason: string;
  evidence: string[];
}

/** Something that held the stars below what the score earned, in the order applied. */
export interface StarLimit {
  key: string;
  kind: 'veto' | 'category_cap' | 'five_star_condition' | 'quota';
  fromStars: number;
  toStars: number;
}

export const RATING_CHANGES = ['new', 'upgraded', 'downgraded', 'unchanged'] as const;
export type RatingChange = (typeof RATING_CHANGES)[number];

export interface ImprovementItem {
  key: string;
  label: string;
  /** Points still to gain on this item (for a deduction: the points it takes away). */
  missingCenti: number;
}

/** What the branch needs for the next star, from the same evidence as its rating. */
export interface ImprovementPlan {
  nextStars: number;
  /** Points the score is short of the next threshold (0 when only a limit stands in the way). */
  gapCenti: number;
  items: ImprovementItem[];
  /** Limits that hold the branch below the next star whatever its score. */
  blockers: { key: string; kind: StarLimit['kind'] }[];
  /** Whether the points still to gain can close the gap. */
  reachable: boolean;
}

export interface BranchRating {
  organizationId: string;
  name: string;
  township: string;
  period: string;
  scoreCenti: number;
  /** What the score earned by the thresholds alone. */
  scoreStars: number;
  stars: number;
  previousStars?: number;
  change: RatingChange;
  /** An input is missing (e.g. no appraisal recorded): the rating stands, the gap is shown. */
  incomplete: boolean;
  indicators: IndicatorResult[];
  vetoes: AppliedVeto[];
  limits: StarLimit[];
  improvementPlan?: ImprovementPlan;
}
