import { addDays, daysBetween } from '@gongjian/domain';
import { SeededRandom } from './seeded-random';

/** The end of the last complete month in Asia/Shanghai: a re-run in the same month plans the same. */
export function lastCompleteMonthEnd(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  return addDays(`${shanghai}-01`, -1);
}

/** A date in [from, to] (inclusive); `to` before `from` gives `from`. */
export function dateBetween(random: SeededRandom, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, random.int(0, span));
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** The first Monday after `date` (a public notice runs from a Monday). */
export function mondayAfter(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (8 - weekday) % 7 || 7);
}

/** Months "YYYY-MM" from `from`'s month to `to`'s month, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) return months;
    months.push(key);
    if (m === 12) {
      y += 1;
      m = 1;
    } else {
      m += 1;
    }
  }
}
