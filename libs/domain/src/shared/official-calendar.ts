/**
 * The official working-day calendar (国务院办公厅 holiday notices), kept as data per year:
 * `holidays` are the days off (statutory holidays and the days taken in lieu, weekends included
 * or not), `workdays` the weekend days worked instead (调休 make-up days). A day is a working day
 * when it is a make-up day, or a Monday to Friday that is not a day off. The calendar is given
 * to the domain (built from the `chinese-days` package or configuration); it never guesses a
 * year it does not have.
 */
import { addDays } from './business-date';

export type OfficialCalendarYear = { holidays: readonly string[]; workdays: readonly string[] };

/** Year ("2024") → its calendar. */
export type OfficialCalendar = Readonly<Record<string, OfficialCalendarYear>>;

export type WorkingDayCount =
  { ok: true; workingDays: number } | { ok: false; missingYears: string[] };

/** The years a period touches, in order. */
export function yearsOf(from: string, to: string): string[] {
  const years: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(String(y));
  return years;
}

/** Working days in [from, to], both inclusive, or the years the calendar lacks. */
export function officialWorkingDays(
  from: string,
  to: string,
  calendar: OfficialCalendar | undefined,
): WorkingDayCount {
  const missingYears = yearsOf(from, to).filter((y) => calendar?.[y] === undefined);
  if (missingYears.length > 0 || calendar === undefined) return { ok: false, missingYears };
  const off = new Set<string>();
  const on = new Set<string>();
  for (const y of yearsOf(from, to)) {
    calendar[y].holidays.forEach((d) => off.add(d));
    calendar[y].workdays.forEach((d) => on.add(d));
  }
  let workingDays = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (on.has(day) || (weekday !== 0 && weekday !== 6 && !off.has(day))) workingDays++;
  }
  return { ok: true, workingDays };
}
