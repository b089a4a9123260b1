import { addYears } from './business-date';

/**
 * The plausible dates of each kind of field, relative to today: a typo such as 0001-01-01 or
 * 9999-12-31 is refused at the door instead of becoming a record no report can place. The near
 * future stays inside the windows: the deciders refuse it with their own rule (DATE_IN_FUTURE).
 */
export const DATE_WINDOWS = {
  /** Something that happened or is planned: applications, steps, activities, project dates. */
  record: { earliest: '1950-01-01', yearsAhead: 2 },
  /** Money moving: disbursements, expenditures, investments (budgets start in 2000). */
  funds: { earliest: '2000-01-01', yearsAhead: 2 },
  /** The end of a term: pairings, renewals, first secretaries. */
  termEnd: { earliest: '1950-01-01', yearsAhead: 10 },
  /** A person's birth date. */
  birth: { yearsBack: 100, yearsAhead: 0 },
} as const;

export type DateWindowName = keyof typeof DATE_WINDOWS;

export function dateWindow(name: DateWindowName, today: string): { from: string; to: string } {
  const window: { earliest?: string; yearsBack?: number; yearsAhead: number } = DATE_WINDOWS[name];
  return {
    from: window.earliest ?? addYears(today, -(window.yearsBack ?? 0)),
    to: addYears(today, window.yearsAhead),
  };
}

/** `date` (YYYY-MM-DD) inside the window, both ends included. */
export function isInDateWindow(date: string, name: DateWindowName, today: string): boolean {
  const { from, to } = dateWindow(name, today);
  return date >= from && date <= to;
}
