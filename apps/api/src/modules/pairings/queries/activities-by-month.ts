import { ACTIVITY_TARGETS } from '@gongjian/domain';
import type { MonthTally } from '@gongjian/projections';

/** ≥ 1 党建指导日 a week, read as ≥ 4 a calendar month. */
export const GUIDANCE_DAYS_PER_MONTH = ACTIVITY_TARGETS.guidanceDaysPerWeek * 4;
/** ≥ 3 集体活动日 a calendar month. */
export const COLLECTIVE_ACTIVITY_DAYS_PER_MONTH = ACTIVITY_TARGETS.collectiveActivityDaysPerMonth;

export interface MonthlyActivity {
  /** YYYY-MM */
  month: string;
  /** Distinct dates with a guidance day (党建指导日). */
  guidanceDays: number;
  /** Distinct dates with a collective activity day (集体活动日). */
  collectiveActivityDays: number;
  /** Activities of every other type (组织生活会, 联谊, 培训, 走访慰问). */
  otherActivities: number;
  meetsTargets: boolean;
  /** Present for a month the term covers only in part: the targets prorated to its days. */
  prorated?: { days: number; guidanceDays: number; collectiveActivityDays: number };
}

/**
 * The targets of a month the term covers only in part (a pairing starting or ending in the
 * middle of it): each target × covered days ÷ days of the month, rounded to the nearest day.
 */
export function proratedTargets(month: string, term: { startsOn: string; endsOn: string }) {
  const [year, m] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth).padStart(2, '0')}`;
  const from = term.startsOn > first ? term.startsOn : first;
  const to = term.endsOn < last ? term.endsOn : last;
  const days = to < from ? 0 : Number(to.slice(8)) - Number(from.slice(8)) + 1;
  if (days === daysInMonth) return undefined;
  const share = (target: number) => Math.round((target * days) / daysInMonth);
  return {
    days,
    guidanceDays: share(GUIDANCE_DAYS_PER_MONTH),
    collectiveActivityDays: share(COLLECTIVE_ACTIVITY_DAYS_PER_MONTH),
  };
}

/**
 * The monthly tallies the pairings read model keeps, against the targets. With `period`
 * (YYYY-MM-DD bounds, inclusive), every month it touches is listed, months without activities
 * included; months with activities outside it are listed too. Ascending by month. With `term`,
 * the months it covers in part are measured against prorated targets.
 */
export function activitiesByMonth(
  months: Readonly<Record<string, MonthTally>>,
  period?: { from: string; to: string },
  term?: { startsOn: string; endsOn: string },
): MonthlyActivity[] {
  const keys = new Set(Object.keys(months));
  if (period && period.from <= period.to) {
    for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7); key = nextMonth(key)) {
      keys.add(key);
    }
  }
  return [...keys].sort().map((month) => {
    const tally = months[month];
    const guidanceDays = tally?.guidanceDates.length ?? 0;
    const collectiveActivityDays = tally?.collectiveDates.length ?? 0;
    const prorated = term && proratedTargets(month, term);
    return {
      month,
      guidanceDays,
      collectiveActivityDays,
      otherActivities: tally?.otherActivities ?? 0,
      meetsTargets:
        guidanceDays >= (prorated?.guidanceDays ?? GUIDANCE_DAYS_PER_MONTH) &&
        collectiveActivityDays >=
          (prorated?.collectiveActivityDays ?? COLLECTIVE_ACTIVITY_DAYS_PER_MONTH),
      ...(prorated && { prorated }),
    };
  });
}

function nextMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
