import { loadConfig } from '@gongjian/config';
import { officialWorkingDays } from '@gongjian/domain';
import { calendarFor, chineseDaysCalendar, loadOfficialCalendar } from './official-calendar.source';

const configWith = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp', ...env });

describe('official calendar source', () => {
  it('builds each year from chinese-days: 国庆 2024 off, the make-up Saturday 2024-10-12 on', () => {
    const year = chineseDaysCalendar()['2024'];
    expect(year.holidays).toEqual(
      expect.arrayContaining(['2024-10-01', '2024-10-04', '2024-06-10']),
    );
    expect(year.workdays).toEqual(expect.arrayContaining(['2024-09-29', '2024-10-12']));
    expect(year.holidays).not.toContain('2024-09-30');
  });

  it('counts 2024-09-30 → 2024-10-04 as 1 working day', () =>
    expect(officialWorkingDays('2024-09-30', '2024-10-04', chineseDaysCalendar())).toEqual({
      ok: true,
      workingDays: 1,
    }));

  it('adds a year from configuration and replaces one given there', () => {
    const calendar = loadOfficialCalendar(
      configWith({
        OFFICIAL_CALENDAR: JSON.stringify({
          '2099': { holidays: ['2099-01-01'], workdays: [] },
          '2024': { holidays: [], workdays: [] },
        }),
      }),
    );
    expect(calendar['2099']).toEqual({ holidays: ['2099-01-01'], workdays: [] });
    expect(officialWorkingDays('2024-09-30', '2024-10-04', calendar)).toEqual({
      ok: true,
      workingDays: 5,
    });
  });

  it('refuses a malformed override, naming the variable', () => {
    expect(() => loadOfficialCalendar(configWith({ OFFICIAL_CALENDAR: '{"2099": {}}' }))).toThrow(
      /^OFFICIAL_CALENDAR: 2099.holidays/,
    );
    expect(() =>
      loadOfficialCalendar(
        configWith({
          OFFICIAL_CALENDAR: JSON.stringify({ '2099': { holidays: ['2098-01-01'], workdays: [] } }),
        }),
      ),
    ).toThrow(/^OFFICIAL_CALENDAR: /);
    expect(() =>
      loadOfficialCalendar(configWith({ OFFICIAL_CALENDAR_FILE: '/nonexistent/calendar.json' })),
    ).toThrow(/^OFFICIAL_CALENDAR_FILE: cannot read/);
  });

  it('gives the decider only the years a period touches, leaving out those it lacks', () => {
    const calendar = chineseDaysCalendar();
    expect(Object.keys(calendarFor(calendar, '2024-12-30', '2025-01-06'))).toEqual([
      '2024',
      '2025',
    ]);
    const beyond = calendarFor(calendar, '2099-12-30', '2100-01-06');
    expect(beyond).toEqual({});
    expect(officialWorkingDays('2099-12-30', '2100-01-06', beyond)).toEqual({
      ok: false,
      missingYears: ['2099', '2100'],
    });
  });
});
