import { assessPairingMonth, PairingTerm } from '@gongjian/domain';
import type { MonthTally } from '@gongjian/projections';

export { COLLECTIVE_ACTIVITY_DAYS_PER_MONTH, GUIDANCE_DAYS_PER_MONTH } from '@gongjian/domain';

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
 * The monthly tallies the pairings read model keeps, against the targets. With `period`
 * (YYYY-MM-DD bounds, inclusive), every month it touches is listed, months without activities
 * included; months with activities outside it are listed too. Ascending by month. With `term`,
 * the months it covers in part are measured against prorated targets (assessPairingMonth, the
 * rule the activities report applies too).
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
  return [...keys].sort().map((month) => {
    const tally = months[month];
    const guidanceDays = tally?.guidanceDates.length ?? 0;
    const collectiveActivityDays = tally?.collectiveDates.length ?? 0;
    const { meetsTargets, prorated } = assessPairingMonth(
      month,
      { guidanceDays, collectiveActivityDays },
      term,
    );
    return {
      month,
      guidanceDays,
      collectiveActivityDays,
      otherActivities: tally?.otherActivities ?? 0,
      meetsTargets,
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
