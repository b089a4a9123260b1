import { assessPairingMonth, dayNumberOf, PairingTerm } from '@gongjian/domain';
import type { MonthTally } from '@gongjian/projections';

export { COLLECTIVE_ACTIVITY_DAYS_PER_MONTH, GUIDANCE_DAYS_PER_WEEK } from '@gongjian/domain';

export interface MonthlyActivity {
  /** YYYY-MM */
  month: string;
  /** Distinct dates with a guidance day (党建指导日). */
  guidanceDays: number;
  /** Distinct dates with a collective activity day (集体活动日). */
  collectiveActivityDays: number;
  /** Activities of every other type (组织生活会, 联谊, 培训, 走访慰问). */
  otherActivities: number;
  /** Weeks (Monday to Sunday) touching the month within the term, each asking a guidance day. */
  guidanceWeeks: number;
  /** Of those weeks, the ones with a guidance day (on any of their days, in this month or not). */
  weeksWithGuidance: number;
  meetsTargets: boolean;
  /** Present for a month the term covers only in part: the collective target prorated to its days. */
  prorated?: { days: number; collectiveActivityDays: number };
}

/**
 * The monthly tallies the pairings read model keeps, against the targets. With `period`
 * (YYYY-MM-DD bounds, inclusive), every month it touches is listed, months without activities
 * included; months with activities outside it are listed too. Ascending by month. With `term`,
 * the months it covers in part are measured against prorated targets (assessPairingMonth, the
 * rule the activities report applies too): every week touching a month needs a guidance day,
 * which may fall in the month before or after for its first and last week.
 */
export function activitiesByMonth(
  months: Readonly<Record<string, MonthTally>>,
  period?: { from: string; to: string },
  term?: PairingTerm,
): MonthlyActivity[] {
  const keys = new Set(Object.keys(months));
  if (period && period.from <= period.to) {
    for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7); key = nextMonth(key)) {
      keys.add(key);
    }
  }
  const guidanceDayNumbers = new Set(
    Object.values(months).flatMap((tally) => tally.guidanceDates.map(dayNumberOf)),
  );
  const isGuidanceDay = (day: number) => guidanceDayNumbers.has(day);
  return [...keys].sort().map((month) => {
    const tally = months[month];
    const guidanceDays = tally?.guidanceDates.length ?? 0;
    const collectiveActivityDays = tally?.collectiveDates.length ?? 0;
    const assessed = assessPairingMonth(month, { isGuidanceDay, collectiveActivityDays }, term);
    return {
      month,
      guidanceDays,
      collectiveActivityDays,
      otherActivities: tally?.otherActivities ?? 0,
      guidanceWeeks: assessed.targets.guidanceWeeks,
      weeksWithGuidance: assessed.weeksWithGuidance,
      meetsTargets: assessed.meetsTargets,
      ...(assessed.prorated && { prorated: assessed.prorated }),
    };
  });
}

function nextMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}
