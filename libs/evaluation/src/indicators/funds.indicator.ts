import { assessStandards, DEFAULT_FUNDING_STANDARDS, FundPurpose } from '@gongjian/domain';
import type { AllocationFacts } from '../facts/branch-facts';
import type { Measure, MeasureInput, Occurrences } from './measure';

const evidenceOf = (allocations: readonly AllocationFacts[]): string[] =>
  allocations.flatMap((a) => a.evidence);

/** 经费保障: the county's funding standards the branch's allocations for the year meet. */
export function fundingStandardsMet(input: MeasureInput): Measure {
  const allocations = input.allocations;
  const totals: Partial<Record<FundPurpose, number>> = {};
  for (const a of allocations)
    totals[a.purpose as FundPurpose] = (totals[a.purpose as FundPurpose] ?? 0) + a.allocatedFen;
  const { branch } = input;
  const assessed = assessStandards(DEFAULT_FUNDING_STANDARDS, {
    recipientSector: branch.sector,
    memberCount: branch.memberCount?.count,
    totalsByPurposeFen: totals,
  });
  const evidence = [
    ...evidenceOf(allocations),
    ...(branch.memberCount ? [branch.memberCount.eventId] : []),
  ];
  return {
    value: assessed.filter((s) => s.met).length,
    target: assessed.length,
    evidence,
    ...(assessed.length === 0 && { note: 'no_standard_applies' }),
  };
}

/** 按用途使用: money spent (with receipts) against what was allocated, in fen. */
export function fundsSpentAsAllocated(input: MeasureInput): Measure {
  const allocations = input.allocations;
  const allocated = allocations.reduce((sum, a) => sum + a.allocatedFen, 0);
  return {
    value: allocations.reduce((sum, a) => sum + Math.min(a.spentFen, a.allocatedFen), 0),
    target: allocated,
    evidence: evidenceOf(allocations),
    ...(allocated === 0 && { note: 'nothing_allocated' }),
  };
}

/** 资金滞留: allocations of the period not fully disbursed at the cut-off. */
export function fundsUndisbursed(input: MeasureInput): Occurrences {
  const stuck = input.allocations.filter((a) => a.disbursedFen < a.allocatedFen);
  return { count: stuck.length, evidence: evidenceOf(stuck) };
}
