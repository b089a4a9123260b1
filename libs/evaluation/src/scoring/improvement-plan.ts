import type { RuleSet } from '../rule-set/rule-set.types';
import type { BranchRating, ImprovementPlan } from './rating.types';

/**
 * The points a branch is missing for the star above the one it got, indicator by indicator:
 * what each item could still add (a deduction: what it took away), largest first, and the
 * limits (vetoes, caps, conditions, quotas) that would hold it back anyway.
 */
export function improvementPlan(
  ruleSet: RuleSet,
  rating: BranchRating,
): ImprovementPlan | undefined {
  const nextStars = rating.stars + 1;
  const threshold = ruleSet.thresholds.find((t) => t.stars === nextStars);
  if (nextStars > 5 || threshold === undefined) return undefined;
  const gapCenti = Math.max(0, threshold.minScore * 100 - rating.scoreCenti);
  const items = rating.indicators
    .map((i) => ({
      key: i.key,
      label: i.label,
      missingCenti: i.type === 'deduction' ? -i.pointsCenti : i.maxPointsCenti - i.pointsCenti,
    }))
    .filter((i) => i.missingCenti > 0)
    .sort((a, b) => b.missingCenti - a.missingCenti || (a.key < b.key ? -1 : 1));
  const blockers = rating.limits
    .filter((l) => l.toStars < nextStars)
    .map((l) => ({ key: l.key, kind: l.kind }));
  const available = items.reduce((sum, i) => sum + i.missingCenti, 0);
  return { nextStars, gapCenti, items, blockers, reachable: available >= gapCenti };
}
