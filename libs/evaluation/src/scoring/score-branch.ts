import type { PeriodRange } from '../period';
import type { BranchFacts } from '../facts/branch-facts';
import { MEASURES, OCCURRENCES } from '../indicators/indicator-registry';
import type { MeasureInput } from '../indicators/measure';
import type { FiveStarCondition, RuleSet } from '../rule-set/rule-set.types';
import { applicableVetoes } from '../vetoes/vetoes';
import type { BranchRating, IndicatorResult, StarLimit } from './rating.types';
import { weightedMax, weightedPoints } from './points';

/** The stars a score earns by the thresholds alone. */
export function starsForScore(ruleSet: RuleSet, scoreCenti: number): number {
  const threshold = ruleSet.thresholds.find((t) => scoreCenti >= t.minScore * 100);
  return threshold?.stars ?? ruleSet.minimumStars;
}

function scoreParts(ruleSet: RuleSet, input: MeasureInput): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  for (const part of ruleSet.parts) {
    let partTotal = 0;
    for (const rule of ruleSet.indicators.filter((i) => i.part === part.key)) {
      const measure = MEASURES[rule.kind](input, rule);
      const pointsCenti = measure.missing
        ? 0
        : weightedPoints(rule.maxPoints, part.weightPercent, measure.value, measure.target);
      partTotal += pointsCenti;
      results.push({
        key: rule.key,
        label: rule.label,
        part: part.key,
        type: 'indicator',
        value: measure.value,
        target: measure.target,
        pointsCenti,
        maxPointsCenti: weightedMax(rule.maxPoints, part.weightPercent),
        evidence: measure.evidence,
        ...(measure.missing && { missing: true as const }),
        ...(measure.note !== undefined && { note: measure.note }),
      });
    }
    for (const rule of ruleSet.deductions.filter((d) => d.part === part.key)) {
      const occurrences = OCCURRENCES[rule.kind](input);
      const raw = Math.min(rule.maxPoints, occurrences.count * rule.pointsPerOccurrence);
      // A part never goes below zero: a deduction takes at most what is left of the part.
      const taken = Math.min(raw * part.weightPercent, partTotal);
      partTotal -= taken;
      results.push({
        key: rule.key,
        label: rule.label,
        part: part.key,
        type: 'deduction',
        value: occurrences.count,
        target: 0,
        pointsCenti: -taken,
        maxPointsCenti: weightedMax(rule.maxPoints, part.weightPercent),
        evidence: occurrences.evidence,
      });
    }
  }
  return results;
}

function conditionMet(condition: FiveStarCondition, branch: BranchFacts): boolean {
  switch (condition.kind) {
    case 'completed_project':
      return branch.completedProjects.length > 0;
  }
}

/**
 * One branch's rating before the county-wide quotas: score from the indicators, stars from the
 * thresholds, then vetoes (minimum star), category caps and the five-star conditions.
 */
export function scoreBranch(
  ruleSet: RuleSet,
  input: MeasureInput,
  range: PeriodRange,
): BranchRating {
  const { branch } = input;
  const indicators = scoreParts(ruleSet, input);
  const scoreCenti = indicators.reduce((sum, i) => sum + i.pointsCenti, 0);
  const scoreStars = starsForScore(ruleSet, scoreCenti);
  const limits: StarLimit[] = [];
  let stars = scoreStars;
  const limit = (key: string, kind: StarLimit['kind'], to: number) => {
    if (to >= stars) return;
    limits.push({ key, kind, fromStars: stars, toStars: to });
    stars = to;
  };
  const vetoes = applicableVetoes(ruleSet.vetoes, branch, range);
  for (const veto of vetoes) limit(veto.key, 'veto', ruleSet.minimumStars);
  for (const cap of ruleSet.categoryCaps) {
    if (branch.categories.includes(cap.category))
      limit(`category_${cap.category}`, 'category_cap', cap.maxStars);
  }
  if (stars === 5) {
    for (const condition of ruleSet.fiveStarConditions) {
      if (!conditionMet(condition, branch)) limit(condition.key, 'five_star_condition', 4);
    }
  }
  return {
    organizationId: branch.organizationId,
    name: branch.name,
    township: branch.township,
    period: range.period,
    scoreCenti,
    scoreStars,
    stars,
    change: 'new',
    incomplete: indicators.some((i) => i.missing === true),
    indicators,
    vetoes,
    limits,
  };
}
