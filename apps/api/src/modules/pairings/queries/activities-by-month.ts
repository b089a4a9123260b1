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
}

/**
 * The monthly tallies the pairings read model keeps, against the targets. With `period`
 * (YYYY-MM-DD bounds, inclusive), every month it touches is listed, months without activities
 * included; months with activities outside it are listed too. Ascending by month.
 */
export function activitiesByMonth(
  months: Readonly<Record<string, MonthTally>>,
  period?: { from: string; to: string },
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
    return {
      month,
      guidanceDays,
      collectiveActivityDays,
      otherActivities: tally?.otherActivities ?? 0,
      meetsTargets:
        guidanceDays >= GUIDANCE_DAYS_PER_MONTH &&
        collectiveActivityDays >= COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
    };
  });
}

function nextMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
