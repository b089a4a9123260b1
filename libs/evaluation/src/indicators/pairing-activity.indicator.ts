import { ACTIVITY_TARGETS, addDays, dayNumberOf, mondayOf } from '@gongjian/domain';
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

function monthsCovered(terms: string[][]): Set<string> {
  const months = new Set<string>();
  for (const [from, to] of terms) {
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month))
      months.add(month);
  }
  return months;
}

/** The weeks (by their Monday's day number) holding a covered day. */
function weeksCovered(terms: string[][]): Set<number> {
  const mondays = new Set<number>();
  for (const [from, to] of terms) {
    const last = dayNumberOf(to);
    for (let monday = mondayOf(dayNumberOf(from)); monday <= last; monday += 7) mondays.add(monday);
  }
  return mondays;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const pairingEvidence = (branch: BranchFacts): string[] =>
  [...branch.pairings.values()].map((p) => p.evidence[0]);

/**
 * 集体活动日: 3 a month in every month a pairing covered. A month counts its distinct days, up to
 * 3: days beyond them, or a second activity on one day, make up for no other month.
 */
export function collectiveActivityDays({ branch, range }: MeasureInput): Measure {
  const months = monthsCovered(coveredDays(branch, range));
  const daysByMonth = new Map<string, Set<string>>();
  for (const { date } of branch.collectiveActivityDays) {
    const month = date.slice(0, 7);
    if (months.has(month)) daysByMonth.set(month, (daysByMonth.get(month) ?? new Set()).add(date));
  }
  const perMonth = ACTIVITY_TARGETS.collectiveActivityDaysPerMonth;
  const target = perMonth * months.size;
  return {
    value: [...daysByMonth.values()].reduce((sum, days) => sum + Math.min(perMonth, days.size), 0),
    target,
    evidence: [
      ...pairingEvidence(branch),
      ...branch.collectiveActivityDays
        .filter(({ date }) => months.has(date.slice(0, 7)))
        .map((d) => d.eventId),
    ],
    ...(target === 0 && { note: 'no_pairing' }),
  };
}

/**
 * 党建指导日: one a week, Monday to Sunday, in every week holding a day a pairing covered; a
 * guidance day anywhere in such a week meets it (a week across the year's end included), and a
 * second one in the same week makes up for no other.
 */
export function guidanceDays({ branch, range }: MeasureInput): Measure {
  const weeks = weeksCovered(coveredDays(branch, range));
  const daysByWeek = new Map<number, Set<string>>();
  const counted: string[] = [];
  for (const { eventId, date } of branch.guidanceDays) {
    const monday = mondayOf(dayNumberOf(date));
    if (!weeks.has(monday)) continue;
    daysByWeek.set(monday, (daysByWeek.get(monday) ?? new Set()).add(date));
    counted.push(eventId);
  }
  const perWeek = ACTIVITY_TARGETS.guidanceDaysPerWeek;
  const target = perWeek * weeks.size;
  return {
    value: [...daysByWeek.values()].reduce((sum, days) => sum + Math.min(perWeek, days.size), 0),
    target,
    evidence: [...pairingEvidence(branch), ...counted],
    ...(target === 0 && { note: 'no_pairing' }),
  };
}
