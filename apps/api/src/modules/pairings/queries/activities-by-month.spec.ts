import type { MonthTally } from '@gongjian/projections';
import { activitiesByMonth } from './activities-by-month';

const tally = (guidance: string[], collective: string[], other = 0): MonthTally => ({
  guidanceDates: guidance,
  collectiveDates: collective,
  otherActivities: other,
});

describe('activitiesByMonth', () => {
  // March 2026 runs from Sunday the 1st to Tuesday the 31st: six weeks touch it, from Monday
  // 23 February to Sunday 5 April.
  const MARCH_WEEKLY = [
    '2026-02-25',
    '2026-03-04',
    '2026-03-11',
    '2026-03-18',
    '2026-03-25',
    '2026-04-01',
  ];

  it('meets the guidance target with a guidance day in every week touching the month', () => {
    const result = activitiesByMonth({
      '2026-02': tally(['2026-02-25'], []),
      '2026-03': tally(MARCH_WEEKLY.slice(1, 5), ['2026-03-05', '2026-03-12', '2026-03-19'], 2),
      '2026-04': tally(['2026-04-01'], []),
    });
    expect(result[1]).toEqual({
      month: '2026-03',
      guidanceDays: 4,
      collectiveActivityDays: 3,
      otherActivities: 2,
      guidanceWeeks: 6,
      weeksWithGuidance: 6,
      meetsTargets: true,
    });
  });

  it('misses it when a week had none, however many days the other weeks had', () => {
    const [march, april] = activitiesByMonth({
      '2026-03': tally(
        ['2026-03-02', '2026-03-03', '2026-03-09', '2026-03-16', '2026-03-23'],
        ['a', 'b', 'c'],
      ),
      '2026-04': tally(['2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27'], ['a', 'b'], 3),
    });
    expect(march).toMatchObject({
      guidanceDays: 5,
      guidanceWeeks: 6,
      weeksWithGuidance: 4,
      collectiveActivityDays: 3,
      meetsTargets: false,
    });
    // April's first week began on Monday 30 March, which had none.
    expect(april).toMatchObject({
      guidanceWeeks: 5,
      weeksWithGuidance: 4,
      collectiveActivityDays: 2,
      meetsTargets: false,
    });
  });

  it('lists every month of a period, empty ones included, across a year end', () => {
    const result = activitiesByMonth(
      { '2026-01': tally([], [], 1) },
      { from: '2025-11-20', to: '2026-02-03' },
    );
    expect(result.map((m) => [m.month, m.otherActivities, m.meetsTargets])).toEqual([
      ['2025-11', 0, false],
      ['2025-12', 0, false],
      ['2026-01', 1, false],
      ['2026-02', 0, false],
    ]);
  });

  it('lists months with activities outside the period too, ascending', () => {
    const result = activitiesByMonth(
      { '2026-05': tally([], [], 1), '2025-12': tally(['2025-12-31'], []) },
      { from: '2026-01-10', to: '2026-01-31' },
    );
    expect(result.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-05']);
  });

  it('lists no month for an empty period (a term that has not started) and no activities', () => {
    expect(activitiesByMonth({}, { from: '2026-05-01', to: '2026-04-30' })).toEqual([]);
    expect(activitiesByMonth({})).toEqual([]);
  });

  it('a pairing starting on Thursday the 16th of a 30-day month is asked its weeks from then', () => {
    const [april, may] = activitiesByMonth(
      {
        '2026-04': tally(['2026-04-16', '2026-04-23'], ['2026-04-17', '2026-04-24']),
        '2026-05': tally(['2026-05-04', '2026-05-11'], ['a', 'b', 'c']),
      },
      undefined,
      { startsOn: '2026-04-16', endsOn: '2027-04-15' },
    );
    // The weeks from Monday 13 April (in the term from the 16th), the 20th and the 27th; the
    // last is answered by no day: 27 April to 3 May had none.
    expect(april).toMatchObject({
      guidanceWeeks: 3,
      weeksWithGuidance: 2,
      meetsTargets: false,
      prorated: { days: 15, collectiveActivityDays: 2 },
    });
    const [keptApril] = activitiesByMonth(
      {
        '2026-04': tally(['2026-04-16', '2026-04-23'], ['2026-04-17', '2026-04-24']),
        '2026-05': tally(['2026-05-01'], []),
      },
      undefined,
      { startsOn: '2026-04-16', endsOn: '2027-04-15' },
    );
    expect(keptApril).toMatchObject({ weeksWithGuidance: 3, meetsTargets: true });
    expect(may).toMatchObject({ meetsTargets: false });
    expect(may).not.toHaveProperty('prorated');
  });

  it('asks a month the term covers for a single day for a day of each kind: nothing done does not meet', () => {
    const term = { startsOn: '2026-01-01', endsOn: '2027-01-01' };
    const [empty] = activitiesByMonth({ '2027-01': tally([], []) }, undefined, term);
    expect(empty).toMatchObject({
      meetsTargets: false,
      guidanceWeeks: 1,
      prorated: { days: 1, collectiveActivityDays: 1 },
    });
    const [kept] = activitiesByMonth(
      { '2027-01': tally(['2027-01-01'], ['2027-01-01']) },
      undefined,
      term,
    );
    expect(kept).toMatchObject({ meetsTargets: true });
  });
});
