import { ActivityType } from '@gongjian/domain';
import { activitiesByMonth } from './activities-by-month';

const on = (type: ActivityType, ...dates: string[]) => dates.map((date) => ({ type, date }));

describe('activitiesByMonth', () => {
  it('meets the targets with 4 guidance days and 3 collective activity days in a month', () => {
    const result = activitiesByMonth([
      ...on('guidance_day', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'),
      ...on('collective_activity_day', '2026-03-05', '2026-03-12', '2026-03-19'),
      ...on('training', '2026-03-20'),
      ...on('visit', '2026-03-28'),
    ]);
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

  it('counts a day once however many activities of its kind fall on it', () => {
    const [march] = activitiesByMonth([
      ...on('guidance_day', '2026-03-02', '2026-03-02', '2026-03-09', '2026-03-16'),
      ...on('collective_activity_day', '2026-03-05', '2026-03-05', '2026-03-12', '2026-03-19'),
    ]);
    expect(march).toMatchObject({
      guidanceDays: 3,
      collectiveActivityDays: 3,
      meetsTargets: false,
    });
  });

  it('misses the targets with too few collective activity days', () => {
    const [march] = activitiesByMonth([
      ...on('guidance_day', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'),
      ...on('collective_activity_day', '2026-03-05', '2026-03-12'),
      ...on('fellowship', '2026-03-13', '2026-03-14', '2026-03-15'),
    ]);
    expect(march).toMatchObject({
      guidanceDays: 5,
      collectiveActivityDays: 2,
      otherActivities: 3,
      meetsTargets: false,
    });
  });

  it('groups by calendar month, ascending, whatever the input order', () => {
    const result = activitiesByMonth([
      ...on('visit', '2026-02-01'),
      ...on('guidance_day', '2025-12-31'),
      ...on('guidance_day', '2026-01-01'),
    ]);
    expect(result.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('lists every month of a period, empty ones included, across a year end', () => {
    const result = activitiesByMonth(on('training', '2026-01-15'), {
      from: '2025-11-20',
      to: '2026-02-03',
    });
    expect(result).toEqual([
      {
        month: '2025-11',
        guidanceDays: 0,
        collectiveActivityDays: 0,
        otherActivities: 0,
        meetsTargets: false,
      },
      {
        month: '2025-12',
        guidanceDays: 0,
        collectiveActivityDays: 0,
        otherActivities: 0,
        meetsTargets: false,
      },
      {
        month: '2026-01',
        guidanceDays: 0,
        collectiveActivityDays: 0,
        otherActivities: 1,
        meetsTargets: false,
      },
      {
        month: '2026-02',
        guidanceDays: 0,
        collectiveActivityDays: 0,
        otherActivities: 0,
        meetsTargets: false,
      },
    ]);
  });

  it('lists no month for an empty period (a term that has not started) and no activities', () => {
    expect(activitiesByMonth([], { from: '2026-05-01', to: '2026-04-30' })).toEqual([]);
    expect(activitiesByMonth([])).toEqual([]);
  });
});
