import { addYears } from '@gongjian/domain';
import type { BranchFacts } from '../facts/branch-facts';
import type { PeriodRange } from '../period';
import type { VetoRule } from '../rule-set/rule-set.types';
import type { AppliedVeto } from '../scoring/rating.types';

/** A disciplinary veto recorded for the period (`POST /organizations/{id}/vetoes`). */
function recordedVeto(rule: VetoRule, branch: BranchFacts): AppliedVeto | undefined {
  if (branch.vetoes.length === 0) return undefined;
  return {
    key: rule.key,
    label: rule.label,
    reason: branch.vetoes.map((v) => v.reason).join('；'),
    evidence: branch.vetoes.map((v) => v.eventId),
  };
}

/**
 * No member admitted in the last `years` years up to the period's end. Applied only when the
 * record covers those years (the branch was registered before they began): a branch the log
 * knows for a shorter time has no evidence either way, and is not vetoed on a guess.
 */
function noNewMember(
  rule: VetoRule,
  branch: BranchFacts,
  range: PeriodRange,
): AppliedVeto | undefined {
  const years = rule.years ?? 3;
  const windowStartsOn = addYears(range.startsOn, -(years - 1));
  if (branch.registeredOn === '' || branch.registeredOn > windowStartsOn) return undefined;
  if (branch.lastAdmission && branch.lastAdmission.on >= windowStartsOn) return undefined;
  return {
    key: rule.key,
    label: rule.label,
    reason: branch.lastAdmission
      ? `last admission on ${branch.lastAdmission.on}, none since ${windowStartsOn}`
      : `no admission on record since ${windowStartsOn}`,
    evidence: branch.lastAdmission ? [branch.lastAdmission.eventId] : [],
  };
}

export function applicableVetoes(
  rules: readonly VetoRule[],
  branch: BranchFacts,
  range: PeriodRange,
): AppliedVeto[] {
  const applied: AppliedVeto[] = [];
  for (const rule of rules) {
    const veto =
      rule.kind === 'recorded_veto' ? recordedVeto(rule, branch) : noNewMember(rule, branch, range);
    if (veto) applied.push(veto);
  }
  return applied;
}
