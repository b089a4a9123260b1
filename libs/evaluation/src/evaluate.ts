import type { AllocationFacts, BranchFacts, EvaluationFacts } from './facts/branch-facts';
import type { EvaluationEvent } from './facts/evaluation-event';
import { foldEvaluationFacts } from './facts/evaluation-facts.folder';
import type { MeasureInput } from './indicators/measure';
import { periodRange } from './period';
import type { RuleSet } from './rule-set/rule-set.types';
import { applyQuotas } from './scoring/apply-quotas';
import { improvementPlan } from './scoring/improvement-plan';
import type { BranchRating, RatingChange } from './scoring/rating.types';
import { scoreBranch } from './scoring/score-branch';

/**
 * The organizations a run rates: registered in one of the rule set's sectors by the period's
 * end and not deactivated by then. In id order, so batches are the same on every run.
 */
export function rateableBranches(ruleSet: RuleSet, facts: EvaluationFacts): string[] {
  const { endsOn } = periodRange(facts.period);
  const ids: string[] = [];
  for (const branch of facts.branches.values()) {
    if (branch.registeredOn === '' || branch.registeredOn > endsOn) continue;
    if (!ruleSet.appliesTo.sectors.includes(branch.sector)) continue;
    if (branch.deactivatedOn !== undefined && branch.deactivatedOn <= endsOn) continue;
    ids.push(branch.organizationId);
  }
  return ids.sort();
}

/** Indexes built once per run, so that scoring a branch is independent of the county's size. */
export interface ScoringIndex {
  reserve: Map<string, string[]>;
  allocations: Map<string, AllocationFacts[]>;
}

export function scoringIndex(facts: EvaluationFacts): ScoringIndex {
  const reserve = new Map<string, string[]>();
  for (const member of facts.members.values()) {
    if (member.stage !== 'activist' && member.stage !== 'development_target') continue;
    const list = reserve.get(member.organizationId) ?? [];
    list.push(member.eventId);
    reserve.set(member.organizationId, list);
  }
  const allocations = new Map<string, AllocationFacts[]>();
  const sorted = [...facts.allocations.values()].sort((a, b) =>
    a.allocationId < b.allocationId ? -1 : 1,
  );
  for (const allocation of sorted) {
    if (allocation.cancelled) continue;
    const list = allocations.get(allocation.recipientOrganizationId) ?? [];
    list.push(allocation);
    allocations.set(allocation.recipientOrganizationId, list);
  }
  return { reserve, allocations };
}

function previousStars(ruleSet: RuleSet, branch: BranchFacts): number | undefined {
  if (!branch.previousRating) return undefined;
  return branch.previousRating.revoked ? ruleSet.minimumStars : branch.previousRating.stars;
}

/** A batch's work: the listed branches scored, before the county-wide quotas. */
export function scoreBranches(
  ruleSet: RuleSet,
  facts: EvaluationFacts,
  organizationIds: readonly string[],
  index: ScoringIndex = scoringIndex(facts),
): BranchRating[] {
  const range = periodRange(facts.period);
  return organizationIds.map((organizationId) => {
    const branch = facts.branches.get(organizationId);
    if (!branch) throw new RangeError(`no facts for organization ${organizationId}`);
    const input: MeasureInput = {
      branch,
      range,
      reserve: index.reserve.get(organizationId) ?? [],
      allocations: index.allocations.get(organizationId) ?? [],
    };
    const rating = scoreBranch(ruleSet, input, range);
    const previous = previousStars(ruleSet, branch);
    return previous === undefined ? rating : { ...rating, previousStars: previous };
  });
}

function changeOf(rating: BranchRating): RatingChange {
  if (rating.previousStars === undefined) return 'new';
  if (rating.stars > rating.previousStars) return 'upgraded';
  if (rating.stars < rating.previousStars) return 'downgraded';
  return 'unchanged';
}

/**
 * The whole run's last step: quotas over every branch, then 升星/降星 against the previous
 * period and the improvement plan. In organization id order.
 */
export function finishRatings(ruleSet: RuleSet, scored: readonly BranchRating[]): BranchRating[] {
  return applyQuotas(ruleSet, scored)
    .map((rating) => {
      const withChange = { ...rating, change: changeOf(rating) };
      const plan = improvementPlan(ruleSet, withChange);
      return plan ? { ...withChange, improvementPlan: plan } : withChange;
    })
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
}

/** evaluate(rule set, events up to the cut-off, period) → one rating per rated branch. */
export function evaluate(
  ruleSet: RuleSet,
  events: Iterable<EvaluationEvent>,
  period: string,
  cutoffPosition: string,
): BranchRating[] {
  const facts = foldEvaluationFacts(period, cutoffPosition, events);
  return finishRatings(ruleSet, scoreBranches(ruleSet, facts, rateableBranches(ruleSet, facts)));
}
