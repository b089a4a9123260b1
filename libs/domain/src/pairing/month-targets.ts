import { ACTIVITY_TARGETS } from './pairing.vocabulary';

/** ≥ 1 党建指导日 a week, read as ≥ 4 distinct days a calendar month. */
export const GUIDANCE_DAYS_PER_MONTH = ACTIVITY_TARGETS.guidanceDaysPerWeek * 4;
/** ≥ 3 集体活动日 a calendar month. */
export const COLLECTIVE_ACTIVITY_DAYS_PER_MONTH = ACTIVITY_TARGETS.collectiveActivityDaysPerMonth;

/**
 * The days a pairing's term covers, both inclusive (YYYY-MM-DD): its start and its end, or the
 * day it was dissolved once it has been.
 */
export interface PairingTerm {
  startsOn: string;
  endsOn: string;
}

/** What a pairing did in a month: the distinct days with each targeted kind of activity. */
export interface MonthActivityDays {
  guidanceDays: number;
  collectiveActivityDays: number;
}

/** The targets a month is measured against: distinct days of each kind. */
export interface MonthTargets {
  guidanceDays: number;
  collectiveActivityDays: number;
}

/** A pairing-month against its targets. */
export interface PairingMonthAssessment {
  /** Days of the month the term covers. */
  days: number;
  daysInMonth: number;
  targets: MonthTargets;
  /**
   * Present when the term covers the month only in part: the days it covers and the targets
   * prorated to them (the same as `targets`).
   */
  prorated?: { days: number } & MonthTargets;
  meetsGuidanceTarget: boolean;
  meetsCollectiveActivityTarget: boolean;
  /** Both targets met. */
  meetsTargets: boolean;
}

/**
 * The targets of a pairing-month and whether what was done meets them; the one rule of the
 * pairing's `activitiesByMonth` and of the activities report.
 *
 * A month the term covers whole (or any month, without a term) is measured against the full
 * targets. A month it covers only in part (a pairing starting or ending in its middle) is
 * measured against each target × covered days ÷ days of the month, rounded to the nearest day
 * but never below 1: a month of the term is always asked for at least one day of each kind, so
 * that a month with nothing done never meets its targets (a day or two of a term would otherwise
 * round its targets to 0). A month outside the term is none of the pairing's months: nothing is
 * asked of it (targets 0, `days` 0) and it meets no target.
 */
export function assessPairingMonth(
  month: string,
  done: MonthActivityDays,
  term?: PairingTerm,
): PairingMonthAssessment {
  const daysInMonth = daysInMonthOf(month);
  const days = term === undefined ? daysInMonth : daysCovered(month, daysInMonth, term);
  const targets: MonthTargets = {
    guidanceDays: targetFor(GUIDANCE_DAYS_PER_MONTH, days, daysInMonth),
    collectiveActivityDays: targetFor(COLLECTIVE_ACTIVITY_DAYS_PER_MONTH, days, daysInMonth),
  };
  const inTerm = days > 0;
  const meetsGuidanceTarget = inTerm && done.guidanceDays >= targets.guidanceDays;
  const meetsCollectiveActivityTarget =
    inTerm && done.collectiveActivityDays >= targets.collectiveActivityDays;
  return {
    days,
    daysInMonth,
    targets,
    ...(days < daysInMonth && { prorated: { days, ...targets } }),
    meetsGuidanceTarget,
    meetsCollectiveActivityTarget,
    meetsTargets: meetsGuidanceTarget && meetsCollectiveActivityTarget,
  };
}

/** A monthly target for a month of which `days` of `daysInMonth` are covered. */
function targetFor(target: number, days: number, daysInMonth: number): number {
  if (days <= 0) return 0;
  if (days >= daysInMonth) return target;
  return Math.max(1, Math.round((target * days) / daysInMonth));
}

/** Days of `month` (YYYY-MM) from the term's start to its end, both inclusive. */
function daysCovered(month: string, daysInMonth: number, term: PairingTerm): number {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth).padStart(2, '0')}`;
  const from = term.startsOn > first ? term.startsOn : first;
  const to = term.endsOn < last ? term.endsOn : last;
  return to < from ? 0 : Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
}

function daysInMonthOf(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}
