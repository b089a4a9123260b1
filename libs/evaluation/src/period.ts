/** A rating period is a calendar year, written `YYYY` (business dates in Asia/Shanghai). */
export const PERIOD_PATTERN = /^(19|20|21)\d{2}$/;

export interface PeriodRange {
  period: string;
  year: number;
  /** First and last business dates of the period, inclusive. */
  startsOn: string;
  endsOn: string;
}

export function periodRange(period: string): PeriodRange {
  if (!PERIOD_PATTERN.test(period)) throw new RangeError(`not a rating period: ${period}`);
  const year = Number(period);
  return { period, year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
}

export const previousPeriod = (period: string): string => String(Number(period) - 1);

/** Whether the period has ended on `today` (a business date). */
export const isClosedPeriod = (period: string, today: string): boolean =>
  periodRange(period).endsOn < today;
