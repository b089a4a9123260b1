import { ACTIVITY_TARGETS, ActivityType } from '@gongjian/domain';

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
 * Activities per calendar month against the targets. Days are counted once however many
 * activities of the kind fall on them. With `period` (YYYY-MM-DD bounds, inclusive), every month
 * it touches is listed, months without activities included; months with activities outside it
 * are listed too. Ascending by month.
 */
export function activitiesByMonth(
  activities: Iterable<{ type: ActivityType; date: string }>,
  period?: { from: string; to: string },
): MonthlyActivity[] {
  const months = new Map<
    string,
    { guidance: Set<string>; collective: Set<string>; other: number }
  >();
  const month = (key: string) => {
    let tally = months.get(key);
    if (!tally) {
      tally = { guidance: new Set(), collective: new Set(), other: 0 };
      months.set(key, tally);
    }
    return tally;
  };
  if (period && period.from <= period.to) {
    for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7); key = nextMonth(key)) {
      month(key);
    }
  }
  for (const { type, date } of activities) {
    const tally = month(date.slice(0, 7));
    if (type === 'guidance_day') tally.guidance.add(date);
    else if (type === 'collective_activity_day') tally.collective.add(date);
    else tally.other++;
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) => ({
      month: key,
      guidanceDays: tally.guidance.size,
      collectiveActivityDays: tally.collective.size,
      otherActivities: tally.other,
      meetsTargets:
        tally.guidance.size >= GUIDANCE_DAYS_PER_MONTH &&
        tally.collective.size >= COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
    }));
}

function nextMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
