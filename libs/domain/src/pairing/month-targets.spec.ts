import {
  assessPairingMonth,
  COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
  dayNumberOf,
  GUIDANCE_DAYS_PER_WEEK,
} from './month-targets';

const done = (guidanceDates: string[], collectiveActivityDays: number) => {
  const days = new Set(guidanceDates.map(dayNumberOf));
  return { isGuidanceDay: (day: number) => days.has(day), collectiveActivityDays };
};

// February 2025 runs from Saturday the 1st to Friday the 28th: five weeks touch it, the first
// from Monday 27 January, the last to Sunday 2 March.
const FEBRUARY_WEEKLY = ['2025-01-29', '2025-02-05', '2025-02-12', '2025-02-19', '2025-02-26'];
const LONG_TERM = { startsOn: '2024-06-01', endsOn: '2027-05-31' };

describe('dayNumberOf', () => {
  it('counts days from 1 January 1970, a Thursday, across leap days', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2024-03-01') - dayNumberOf('2024-02-28')).toBe(2);
    expect(dayNumberOf('2025-03-01') - dayNumberOf('2025-02-28')).toBe(1);
    expect(new Date(dayNumberOf('2026-12-03') * 86_400_000).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    );
  });
});

describe('assessPairingMonth: the targets of a pairing-month and whether it meets them', () => {
  it('asks a guidance day of every week touching the month and 3 collective days of a whole month', () => {
    expect([GUIDANCE_DAYS_PER_WEEK, COLLECTIVE_ACTIVITY_DAYS_PER_MONTH]).toEqual([1, 3]);
    expect(assessPairingMonth('2025-02', done(FEBRUARY_WEEKLY, 3), LONG_TERM)).toEqual({
      days: 28,
      daysInMonth: 28,
      targets: { guidanceWeeks: 5, collectiveActivityDays: 3 },
      weeksWithGuidance: 5,
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: true,
      meetsTargets: true,
    });
    expect(assessPairingMonth('2025-02', done(FEBRUARY_WEEKLY, 2), LONG_TERM)).toMatchObject({
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: false,
      meetsTargets: false,
    });
  });

  it('counts weeks, not days: four guidance days in one week leave the other weeks missed', () => {
    const oneBusyWeek = ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06'];
    expect(assessPairingMonth('2025-02', done(oneBusyWeek, 3), LONG_TERM)).toMatchObject({
      weeksWithGuidance: 1,
      meetsGuidanceTarget: false,
      meetsTargets: false,
    });
    const skippedOne = FEBRUARY_WEEKLY.filter((d) => d !== '2025-02-19');
    expect(assessPairingMonth('2025-02', done(skippedOne, 3), LONG_TERM)).toMatchObject({
      weeksWithGuidance: 4,
      meetsGuidanceTarget: false,
    });
  });

  it('a week across the month end is one week: its guidance day counts in both months', () => {
    // Wednesday 29 January is the guidance day of the week that holds Saturday 1 February.
    const withoutJanuaryDay = FEBRUARY_WEEKLY.slice(1);
    expect(assessPairingMonth('2025-02', done(withoutJanuaryDay, 3), LONG_TERM)).toMatchObject({
      weeksWithGuidance: 4,
      meetsGuidanceTarget: false,
    });
    // ...and the same day answers for January's last week.
    const january = ['2025-01-01', '2025-01-08', '2025-01-15', '2025-01-22', '2025-01-29'];
    expect(assessPairingMonth('2025-01', done(january, 3), LONG_TERM)).toMatchObject({
      targets: { guidanceWeeks: 5 },
      weeksWithGuidance: 5,
      meetsTargets: true,
    });
  });

  it('measures every month whole without a term', () => {
    expect(assessPairingMonth('2025-02', done(FEBRUARY_WEEKLY, 3))).toMatchObject({
      days: 28,
      targets: { guidanceWeeks: 5, collectiveActivityDays: 3 },
      meetsTargets: true,
    });
    expect(assessPairingMonth('2025-02', done([], 3))).not.toHaveProperty('prorated');
  });

  it('a term starting on a Saturday asks its first week on that weekend, and prorates collective days', () => {
    // From Saturday 18 January: 14 of 31 days, weeks from Monday the 13th, the 20th and the 27th.
    const term = { startsOn: '2025-01-18', endsOn: '2027-01-17' };
    const weekly = ['2025-01-19', '2025-01-22', '2025-02-01'];
    expect(assessPairingMonth('2025-01', done(weekly, 1), term)).toEqual({
      days: 14,
      daysInMonth: 31,
      targets: { guidanceWeeks: 3, collectiveActivityDays: 1 },
      weeksWithGuidance: 3,
      prorated: { days: 14, collectiveActivityDays: 1 },
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: true,
      meetsTargets: true,
    });
    // Half of a 30-day month: 3 × 15 ÷ 30 = 1.5, rounded to 2.
    expect(
      assessPairingMonth('2026-04', done([], 0), { startsOn: '2026-04-16', endsOn: '2027-04-15' }),
    ).toMatchObject({ prorated: { days: 15, collectiveActivityDays: 2 } });
  });

  it('a term ending on the first Sunday of a month asks that month one week and a collective day', () => {
    // Thursday 1 to Sunday 4 October: the week from Monday 28 September.
    const term = { startsOn: '2024-10-05', endsOn: '2026-10-04' };
    expect(assessPairingMonth('2026-10', done(['2026-09-29'], 1), term)).toMatchObject({
      days: 4,
      targets: { guidanceWeeks: 1, collectiveActivityDays: 1 },
      prorated: { days: 4, collectiveActivityDays: 1 },
      meetsTargets: true,
    });
    expect(assessPairingMonth('2026-10', done([], 1), term)).toMatchObject({
      meetsGuidanceTarget: false,
      meetsCollectiveActivityTarget: true,
      meetsTargets: false,
    });
  });

  it('counts the days of a leap February: 28 of 29 days is a part, 28 of 28 the whole', () => {
    const leap = assessPairingMonth('2024-02', done([], 3), {
      startsOn: '2024-01-10',
      endsOn: '2024-02-28',
    });
    expect(leap).toMatchObject({
      days: 28,
      daysInMonth: 29,
      targets: { guidanceWeeks: 5 },
      prorated: { days: 28, collectiveActivityDays: 3 },
    });
    const common = assessPairingMonth('2025-02', done(FEBRUARY_WEEKLY, 3), {
      startsOn: '2025-01-10',
      endsOn: '2025-02-28',
    });
    expect(common).toMatchObject({ days: 28, daysInMonth: 28, meetsTargets: true });
    expect(common).not.toHaveProperty('prorated');
  });

  it('asks a month covered for a single day (29 February) for a day of each kind: nothing done does not meet', () => {
    const term = { startsOn: '2024-02-29', endsOn: '2026-02-28' };
    expect(assessPairingMonth('2024-02', done([], 0), term)).toEqual({
      days: 1,
      daysInMonth: 29,
      targets: { guidanceWeeks: 1, collectiveActivityDays: 1 },
      weeksWithGuidance: 0,
      prorated: { days: 1, collectiveActivityDays: 1 },
      meetsGuidanceTarget: false,
      meetsCollectiveActivityTarget: false,
      meetsTargets: false,
    });
    // Saturday 2 March is in the same week as Thursday 29 February.
    expect(assessPairingMonth('2024-02', done(['2024-03-02'], 1), term)).toMatchObject({
      meetsTargets: true,
    });
    // The last day of a term on Friday 1 January: the week from Monday 28 December.
    expect(
      assessPairingMonth('2027-01', done(['2026-12-28'], 0), {
        startsOn: '2026-01-01',
        endsOn: '2027-01-01',
      }),
    ).toMatchObject({
      targets: { guidanceWeeks: 1, collectiveActivityDays: 1 },
      meetsGuidanceTarget: true,
      meetsTargets: false,
    });
  });

  it('meets nothing in a month outside the term, where nothing is asked', () => {
    const term = { startsOn: '2024-02-29', endsOn: '2026-02-28' };
    for (const month of ['2024-01', '2026-03']) {
      expect([month, assessPairingMonth(month, done(FEBRUARY_WEEKLY, 3), term)]).toEqual([
        month,
        expect.objectContaining({
          days: 0,
          targets: { guidanceWeeks: 0, collectiveActivityDays: 0 },
          weeksWithGuidance: 0,
          meetsGuidanceTarget: false,
          meetsCollectiveActivityTarget: false,
          meetsTargets: false,
        }),
      ]);
    }
  });
});
