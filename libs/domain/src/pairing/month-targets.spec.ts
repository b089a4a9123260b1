import {
  assessPairingMonth,
  COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
  GUIDANCE_DAYS_PER_MONTH,
} from './month-targets';

const done = (guidanceDays: number, collectiveActivityDays: number) => ({
  guidanceDays,
  collectiveActivityDays,
});

describe('assessPairingMonth: the targets of a pairing-month and whether it meets them', () => {
  it('measures a month the term covers whole against the full targets, 4 guidance and 3 collective days', () => {
    expect([GUIDANCE_DAYS_PER_MONTH, COLLECTIVE_ACTIVITY_DAYS_PER_MONTH]).toEqual([4, 3]);
    const term = { startsOn: '2025-01-15', endsOn: '2027-01-14' };
    expect(assessPairingMonth('2025-02', done(4, 3), term)).toEqual({
      days: 28,
      daysInMonth: 28,
      targets: { guidanceDays: 4, collectiveActivityDays: 3 },
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: true,
      meetsTargets: true,
    });
    expect(assessPairingMonth('2025-03', done(3, 3), term)).toMatchObject({
      meetsGuidanceTarget: false,
      meetsCollectiveActivityTarget: true,
      meetsTargets: false,
    });
    // Without a term every month is measured against the full targets.
    expect(assessPairingMonth('2025-01', done(2, 2))).toMatchObject({
      days: 31,
      targets: { guidanceDays: 4, collectiveActivityDays: 3 },
      meetsTargets: false,
    });
    expect(assessPairingMonth('2025-01', done(2, 2))).not.toHaveProperty('prorated');
  });

  it('prorates the month a term starts in: from the 15th of January, 17 of 31 days ask 2 and 2', () => {
    const term = { startsOn: '2025-01-15', endsOn: '2027-01-14' };
    expect(assessPairingMonth('2025-01', done(2, 2), term)).toEqual({
      days: 17,
      daysInMonth: 31,
      targets: { guidanceDays: 2, collectiveActivityDays: 2 },
      prorated: { days: 17, guidanceDays: 2, collectiveActivityDays: 2 },
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: true,
      meetsTargets: true,
    });
    expect(assessPairingMonth('2025-01', done(1, 2), term)).toMatchObject({
      meetsGuidanceTarget: false,
      meetsCollectiveActivityTarget: true,
      meetsTargets: false,
    });
    // Half of a 30-day month: 4 × 15 ÷ 30 = 2 and 3 × 15 ÷ 30 = 1.5, rounded to 2.
    expect(
      assessPairingMonth('2026-04', done(2, 2), { startsOn: '2026-04-16', endsOn: '2027-04-15' }),
    ).toMatchObject({ prorated: { days: 15, guidanceDays: 2, collectiveActivityDays: 2 } });
  });

  it('prorates the month a term ends in, and the month of a dissolution, by the days up to it', () => {
    // Ending on 4 October: 4 × 4 ÷ 31 rounds to 1, 3 × 4 ÷ 31 to 0, asked at least 1.
    const term = { startsOn: '2024-10-05', endsOn: '2026-10-04' };
    expect(assessPairingMonth('2026-10', done(1, 1), term)).toMatchObject({
      days: 4,
      prorated: { days: 4, guidanceDays: 1, collectiveActivityDays: 1 },
      meetsTargets: true,
    });
    expect(assessPairingMonth('2026-10', done(1, 0), term)).toMatchObject({
      meetsGuidanceTarget: true,
      meetsCollectiveActivityTarget: false,
      meetsTargets: false,
    });
    expect(
      assessPairingMonth('2026-10', done(0, 0), { startsOn: '2024-10-05', endsOn: '2026-10-20' }),
    ).toMatchObject({ prorated: { days: 20, guidanceDays: 3, collectiveActivityDays: 2 } });
    // A term beginning and ending in the same month: 10 of 30 days.
    expect(
      assessPairingMonth('2025-06', done(1, 1), { startsOn: '2025-06-10', endsOn: '2025-06-19' }),
    ).toMatchObject({
      prorated: { days: 10, guidanceDays: 1, collectiveActivityDays: 1 },
      meetsTargets: true,
    });
  });

  it('counts the days of a leap February: 28 of 29 days is a part, 28 of 28 the whole', () => {
    const leap = assessPairingMonth('2024-02', done(4, 3), {
      startsOn: '2024-01-10',
      endsOn: '2024-02-28',
    });
    expect(leap).toMatchObject({
      days: 28,
      daysInMonth: 29,
      prorated: { days: 28, guidanceDays: 4, collectiveActivityDays: 3 },
      meetsTargets: true,
    });
    const common = assessPairingMonth('2025-02', done(4, 3), {
      startsOn: '2025-01-10',
      endsOn: '2025-02-28',
    });
    expect(common).toMatchObject({ days: 28, daysInMonth: 28, meetsTargets: true });
    expect(common).not.toHaveProperty('prorated');
    // Whole leap February.
    expect(
      assessPairingMonth('2024-02', done(0, 0), { startsOn: '2024-02-01', endsOn: '2025-01-31' }),
    ).toMatchObject({ days: 29, daysInMonth: 29, meetsTargets: false });
  });

  it('asks a month covered for a single day (29 February) for a day of each kind: nothing done does not meet', () => {
    const term = { startsOn: '2024-02-29', endsOn: '2026-02-28' };
    expect(assessPairingMonth('2024-02', done(0, 0), term)).toEqual({
      days: 1,
      daysInMonth: 29,
      targets: { guidanceDays: 1, collectiveActivityDays: 1 },
      prorated: { days: 1, guidanceDays: 1, collectiveActivityDays: 1 },
      meetsGuidanceTarget: false,
      meetsCollectiveActivityTarget: false,
      meetsTargets: false,
    });
    expect(assessPairingMonth('2024-02', done(1, 1), term)).toMatchObject({ meetsTargets: true });
    // The last day of a term on the 1st of a month.
    expect(
      assessPairingMonth('2027-01', done(0, 0), { startsOn: '2026-01-01', endsOn: '2027-01-01' }),
    ).toMatchObject({
      prorated: { days: 1, guidanceDays: 1, collectiveActivityDays: 1 },
      meetsTargets: false,
    });
  });

  it('meets nothing in a month outside the term, where nothing is asked', () => {
    const term = { startsOn: '2024-02-29', endsOn: '2026-02-28' };
    for (const month of ['2024-01', '2026-03']) {
      expect([month, assessPairingMonth(month, done(4, 3), term)]).toEqual([
        month,
        expect.objectContaining({
          days: 0,
          targets: { guidanceDays: 0, collectiveActivityDays: 0 },
          meetsGuidanceTarget: false,
          meetsCollectiveActivityTarget: false,
          meetsTargets: false,
        }),
      ]);
    }
  });
});
