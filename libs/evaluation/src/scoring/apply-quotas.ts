import type { RuleSet, StarQuota } from '../rule-set/rule-set.types';
import type { BranchRating } from './rating.types';

/**
 * The order in which branches keep their stars under a quota: higher score first, then the
 * organization id (ascending). Total and deterministic, so a quota always drops the same ones.
 */
export function quotaOrder(a: BranchRating, b: BranchRating): number {
  if (a.scoreCenti !== b.scoreCenti) return b.scoreCenti - a.scoreCenti;
  return a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0;
}

/** How many branches of `rated` may hold a level under a quota (rounded down). */
export const quotaSeats = (quota: StarQuota, rated: number): number =>
  Math.floor((quota.maxSharePercent * rated) / 100);

/**
 * Applies the five-star cap, then the other level quotas top down, over every branch rated in
 * the run (the cap is county-wide, so only the whole run can apply it). Branches beyond a quota
 * drop one star and join the next level, where its own quota applies in turn. Returns new
 * ratings; the input is left as it is.
 */
export function applyQuotas(ruleSet: RuleSet, ratings: readonly BranchRating[]): BranchRating[] {
  const quotas: StarQuota[] = [
    { stars: 5, maxSharePercent: ruleSet.fiveStarCap.maxSharePercent },
    ...[...ruleSet.levelQuotas].sort((a, b) => b.stars - a.stars),
  ];
  const result = ratings.map((r) => ({ ...r, limits: [...r.limits] }));
  for (const quota of quotas) {
    const holders = result.filter((r) => r.stars === quota.stars).sort(quotaOrder);
    const seats = quotaSeats(quota, result.length);
    for (const dropped of holders.slice(seats)) {
      dropped.limits.push({
        key: `quota_${quota.stars}`,
        kind: 'quota',
        fromStars: quota.stars,
        toStars: quota.stars - 1,
      });
      dropped.stars = quota.stars - 1;
    }
  }
  return result;
}
