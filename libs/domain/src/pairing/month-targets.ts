import { ACTIVITY_TARGETS } from './pairing.vocabulary';

const DAY_MS = 86_400_000;

/** ≥ 1 党建指导日 in every week, Monday to Sunday. */
export const GUIDANCE_DAYS_PER_WEEK = ACTIVITY_TARGETS.guidanceDaysPerWeek;
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

/** What a pairing did around a month. */
export interface MonthActivityDays {
  /**
   * Whether a guidance day was held on a day (its `dayNumberOf`). It is asked for every day of the
   * weeks that touch the month, so for the days of its first and last week that fall in the
   * months beside it too: a week running across a month's end is one week.
   */
  isGuidanceDay: (dayNumber: number) => boolean;
  /** Distinct days of the month with a collective activity day. */
  collectiveActivityDays: number;
}

/** What a month is measured against. */
export interface MonthTargets {
  /** Weeks (Monday to Sunday) with a day of the month in the term; each asks for a guidance day. */
  guidanceWeeks: number;
  /** Distinct days with a collective activity day. */
  collectiveActivityDays: number;
}

/** A pairing-month against its targets. */
export interface PairingMonthAssessment {
  /** Days of the month the term covers. */
  days: number;
  daysInMonth: number;
  targets: MonthTargets;
  /** Of `targets.guidanceWeeks`, those that had their guidance day. */
  weeksWithGuidance: number;
  /**
   * Present when the term covers the month only in part: the days it covers and the collective
   * activity target prorated to them (the same as in `targets`).
   */
  prorated?: { days: number; collectiveActivityDays: number };
  meetsGuidanceTarget: boolean;
  meetsCollectiveActivityTarget: boolean;
  /** Both targets met. */
  meetsTargets: boolean;
}

/**
 * The targets of a pairing-month and whether what was done meets them; the one rule of the
 * pairing's `activitiesByMonth` and of the activities report.
 *
 * Guidance days are asked week by week: every week (Monday to Sunday) holding a day of the month
 * that the term covers needs a guidance day on one of its days, whichever month that day falls
 * in. A week that runs across a month's end is thus asked of both months and met or missed in
 * both alike; a term starting on a Saturday asks its first week's guidance day on that Saturday
 * or Sunday.
 *
 * Collective activity days are asked month by month. A month the term covers whole (or any month,
 * without a term) asks the full 3; a month it covers only in part asks 3 × covered days ÷ days of
 * the month, rounded to the nearest day but never below 1, so that a month of the term with
 * nothing done never meets its targets. A month outside the term is none of the pairing's
 * months: nothing is asked of it (targets 0, `days` 0) and it meets no target.
 */
export function assessPairingMonth(
  month: string,
  done: MonthActivityDays,
  term?: PairingTerm,
): PairingMonthAssessment {
  const daysInMonth = daysInMonthOf(month);
  const covered = coveredSpan(month, daysInMonth, term);
  const days = covered ? dayOfMonth(covered.to) - dayOfMonth(covered.from) + 1 : 0;
  const weeks = covered ? weeksOf(covered, done.isGuidanceDay, term) : { asked: 0, met: 0 };
  const targets: MonthTargets = {
    guidanceWeeks: weeks.asked,
    collectiveActivityDays: targetFor(COLLECTIVE_ACTIVITY_DAYS_PER_MONTH, days, daysInMonth),
  };
  const inTerm = days > 0;
  const meetsGuidanceTarget = inTerm && weeks.met === weeks.asked;
  const meetsCollectiveActivityTarget =
    inTerm && done.collectiveActivityDays >= targets.collectiveActivityDays;
  return {
    days,
    daysInMonth,
    targets,
    weeksWithGuidance: weeks.met,
    ...(days < daysInMonth && {
      prorated: { days, collectiveActivityDays: targets.collectiveActivityDays },
    }),
    meetsGuidanceTarget,
    meetsCollectiveActivityTarget,
    meetsTargets: meetsGuidanceTarget && meetsCollectiveActivityTarget,
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumberOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The day number of the Monday of a day's week (day 0, 1 January 1970, was a Thursday). */
export function mondayOf(dayNumber: number): number {
  return dayNumber - ((dayNumber + 3) % 7);
}

/**
 * The weeks touching `span`, and those of them with enough guidance days: the target, or every
 * day of the week the term covers when it covers fewer.
 */
function weeksOf(
  span: { from: string; to: string },
  isGuidanceDay: (dayNumber: number) => boolean,
  term: PairingTerm | undefined,
): { asked: number; met: number } {
  const from = dayNumberOf(span.from);
  const to = dayNumberOf(span.to);
  const termFrom = term ? dayNumberOf(term.startsOn) : -Infinity;
  const termTo = term ? dayNumberOf(term.endsOn) : Infinity;
  let asked = 0;
  let met = 0;
  for (let monday = mondayOf(from); monday <= to; monday += 7) {
    let held = 0;
    let inTerm = 0;
    for (let day = monday; day < monday + 7; day++) {
      if (isGuidanceDay(day)) held++;
      if (day >= termFrom && day <= termTo) inTerm++;
    }
    asked++;
    if (held >= Math.min(GUIDANCE_DAYS_PER_WEEK, inTerm)) met++;
  }
  return { asked, met };
}

/** A monthly target for a month of which `days` of `daysInMonth` are covered. */
function targetFor(target: number, days: number, daysInMonth: number): number {
  if (days <= 0) return 0;
  if (days >= daysInMonth) return target;
  return Math.max(1, Math.round((target * days) / daysInMonth));
}

/** The days of `month` (YYYY-MM) from the term's start to its end, both inclusive; none outside. */
function coveredSpan(
  month: string,
  daysInMonth: number,
  term: PairingTerm | undefined,
): { from: string; to: string } | undefined {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth).padStart(2, '0')}`;
  if (!term) return { from: first, to: last };
  const from = term.startsOn > first ? term.startsOn : first;
  const to = term.endsOn < last ? term.endsOn : last;
  return to < from ? undefined : { from, to };
}

const dayOfMonth = (date: string) => Number(date.slice(8, 10));

function daysInMonthOf(month: string): number {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}
