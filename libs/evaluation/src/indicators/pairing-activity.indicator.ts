import { ACTIVITY_TARGETS, addDays, daysBetween } from '@gongjian/domain';
import type { BranchFacts } from '../facts/branch-facts';
import type { PeriodRange } from '../period';
import type { Measure, MeasureInput } from './measure';

/** The days of the period covered by at least one of the branch's pairing terms. */
function coveredDays(branch: BranchFacts, range: PeriodRange): string[][] {
  const terms = [...branch.pairings.values()]
    .map((p) => [
      p.startsOn > range.startsOn ? p.startsOn : range.startsOn,
      p.endsOn < range.endsOn ? p.endsOn : range.endsOn,
    ])
    .filter(([from, to]) => from <= to)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: string[][] = [];
  for (const [from, to] of terms) {
    const last = merged[merged.length - 1];
    if (last && from <= addDays(last[1], 1)) {
      if (to > last[1]) last[1] = to;
    } else merged.push([from, to]);
  }
  return merged;
}

function monthsCovered(terms: string[][]): number {
  const months = new Set<string>();
  for (const [from, to] of terms) {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month))
      months.add(month);
  }
  return months.size;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const pairingEvidence = (branch: BranchFacts): string[] =>
  [...branch.pairings.values()].map((p) => p.evidence[0]);

/** 集体活动日: 3 a month in every month a pairing covered. */
export function collectiveActivityDays({ branch, range }: MeasureInput): Measure {
  const target =
    ACTIVITY_TARGETS.collectiveActivityDaysPerMonth * monthsCovered(coveredDays(branch, range));
  return {
    value: branch.collectiveActivityDays.length,
    target,
    evidence: [...pairingEvidence(branch), ...branch.collectiveActivityDays],
    ...(target === 0 && { note: 'no_pairing' }),
  };
}

/** 党建指导日: one a week over the days a pairing covered (at least one when any day was). */
export function guidanceDays({ branch, range }: MeasureInput): Measure {
  const days = coveredDays(branch, range).reduce(
    (sum, [from, to]) => sum + daysBetween(from, to) + 1,
    0,
  );
  const weeks = days === 0 ? 0 : Math.max(1, Math.floor(days / 7));
  const target = ACTIVITY_TARGETS.guidanceDaysPerWeek * weeks;
  return {
    value: branch.guidanceDays.length,
    target,
    evidence: [...pairingEvidence(branch), ...branch.guidanceDays],
    ...(target === 0 && { note: 'no_pairing' }),
  };
}
