import { readFileSync } from 'node:fs';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { AppConfig, ConfigError } from '@gongjian/config';
import { isBusinessDate, OfficialCalendar, OfficialCalendarYear, yearsOf } from '@gongjian/domain';

/** The `chinese-days` data by year: days off (holidays) and 调休 make-up workdays. */
export function chineseDaysCalendar(): OfficialCalendar {
  const years: Record<string, { holidays: string[]; workdays: string[] }> = {};
  const yearOf = (date: string) => (years[date.slice(0, 4)] ??= { holidays: [], workdays: [] });
  for (const date of Object.keys(chineseDays.holidays).sort()) yearOf(date).holidays.push(date);
  for (const date of Object.keys(chineseDays.workdays).sort()) yearOf(date).workdays.push(date);
  return years;
}

/**
 * The calendar the API counts notices on: `chinese-days` for the years it covers, each year
 * replaced or added by configuration (OFFICIAL_CALENDAR, then OFFICIAL_CALENDAR_FILE). A
 * malformed override stops the start with one line naming the variable.
 */
export function loadOfficialCalendar(config: AppConfig): OfficialCalendar {
  const calendar: Record<string, OfficialCalendarYear> = { ...chineseDaysCalendar() };
  if (config.officialCalendarJson !== undefined) {
    Object.assign(calendar, parseOverride('OFFICIAL_CALENDAR', config.officialCalendarJson));
  }
  if (config.officialCalendarFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(config.officialCalendarFile, 'utf8');
    } catch (error) {
      throw new ConfigError(
        'OFFICIAL_CALENDAR_FILE',
        `cannot read ${config.officialCalendarFile}: ${(error as Error).message}`,
      );
    }
    Object.assign(calendar, parseOverride('OFFICIAL_CALENDAR_FILE', text));
  }
  return calendar;
}

export function parseOverride(variable: string, text: string): OfficialCalendar {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(variable, 'not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      variable,
      'expected { "<year>": { "holidays": [...], "workdays": [...] } }',
    );
  }
  const years: Record<string, OfficialCalendarYear> = {};
  for (const [year, value] of Object.entries(parsed)) {
    if (!/^\d{4}$/.test(year)) throw new ConfigError(variable, `"${year}" is not a year`);
    const { holidays, workdays } = (value ?? {}) as Record<string, unknown>;
    years[year] = {
      holidays: datesOf(variable, year, 'holidays', holidays),
      workdays: datesOf(variable, year, 'workdays', workdays),
    };
  }
  return years;
}

function datesOf(variable: string, year: string, field: string, value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    !value.every((d) => typeof d === 'string' && isBusinessDate(d) && d.startsWith(`${year}-`))
  ) {
    throw new ConfigError(
      variable,
      `${year}.${field} must be a list of dates YYYY-MM-DD in ${year}`,
    );
  }
  return value as string[];
}

/** The years of a period, each with its calendar when there is one (a pure lookup for decide). */
export function calendarFor(
  calendar: OfficialCalendar,
  from: string,
  to: string,
): OfficialCalendar {
  return Object.fromEntries(
    yearsOf(from, to)
      .filter((year) => calendar[year] !== undefined)
      .map((year) => [year, calendar[year]]),
  );
}
