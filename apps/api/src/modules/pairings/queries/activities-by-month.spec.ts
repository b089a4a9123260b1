import type { MonthTally } from '@gongjian/projections';
import { activitiesByMonth } from './activities-by-month';

const tally = (guidance: string[], collective: string[], other = 0): MonthTally => ({
  guidanceDates: guidance,
  collectiveDates: collective,
  otherActivities: other,
});

describe('activitiesByMonth', () => {
  it('meets the targets with 4 guidance days and 3 collective activity days in a month', () => {
    const result = activitiesByMonth({
      '2026-03': tally(
        ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'],
        ['2026-03-05', '2026-03-12', '2026-03-19'],
        2,
      ),
    });
    expect(result).toEqual([
      {
        month: '2026-03',
        guidanceDays: 4,
        collectiveActivityDays: 3,
        otherActivities: 2,
        meetsTargets: true,
      },
    ]);
  });

  it('misses the targets with too few guidance or collective activity days', () => {
    const [march, april] = activitiesByMonth({
      '2026-03': tally(['2026-03-02', '2026-03-09', '2026-03-16'], ['a', 'b', 'c']),
      '2026-04': tally(['a', 'b', 'c', 'd', 'e'], ['a', 'b'], 3),
    });
    expect(march).toMatchObject({
      guidanceDays: 3,
      collectiveActivityDays: 3,
      meetsTargets: false,
    });
    expect(april).toMatchObject({
      guidanceDays: 5,
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

  it('issue 13: a pairing starting on the 16th of a 30-day month is measured against half the targets', () => {
    const [april, may] = activitiesByMonth(
      {
        '2026-04': tally(['2026-04-16', '2026-04-23'], ['2026-04-17', '2026-04-24']),
        '2026-05': tally(['2026-05-04', '2026-05-11'], ['a', 'b', 'c']),
      },
      undefined,
      { startsOn: '2026-04-16', endsOn: '2027-04-15' },
    );
    expect(april).toMatchObject({
      meetsTargets: true,
      prorated: { days: 15, guidanceDays: 2, collectiveActivityDays: 2 },
    });
    expect(may).toMatchObject({ meetsTargets: false });
    expect(may).not.toHaveProperty('prorated');
  });

  it('asks a month the term covers for a single day for a day of each kind: nothing done does not meet', () => {
    const term = { startsOn: '2026-01-01', endsOn: '2027-01-01' };
    const [empty] = activitiesByMonth({ '2027-01': tally([], []) }, undefined, term);
    expect(empty).toMatchObject({
      meetsTargets: false,
      prorated: { days: 1, guidanceDays: 1, collectiveActivityDays: 1 },
    });
    const [kept] = activitiesByMonth(
      { '2027-01': tally(['2027-01-01'], ['2027-01-01']) },
      undefined,
      term,
    );
    expect(kept).toMatchObject({ meetsTargets: true });
  });
});
