/** Calendar arithmetic on YYYY-MM-DD business dates (no time zone involved). */
const DAY_MS = 86_400_000;

export function isBusinessDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Monday to Friday days in [from, to], both inclusive. Public holidays are not modelled. */
export function workingDaysInclusive(from: string, to: string): number {
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The business date in Asia/Shanghai (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A business date's start in Asia/Shanghai, as an ISO-8601 UTC instant. */
export function shanghaiMidnight(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}
