import { CountyLog, measureInputFor } from '../testing/county-log.spec-helper';
import { collectiveActivityDays, guidanceDays } from './pairing-activity.indicator';

describe('pairing activity indicators', () => {
  it('counts 集体活动日 dated in the period against 3 for every month a pairing covered', () => {
    const log = new CountyLog();
    log.village('v1');
    const paired = log.pair('p1', 'v1', '2025-04-10', '2027-04-09');
    const inPeriod = [
      log.activity('p1', 'v1', 'collective_activity_day', '2025-04-20'),
      log.activity('p1', 'v1', 'collective_activity_day', '2025-12-31'),
    ];
    log.activity('p1', 'v1', 'collective_activity_day', '2026-01-02');
    log.activity('p1', 'v1', 'guidance_day', '2025-05-01');

    const measure = collectiveActivityDays(measureInputFor(log, 'v1'));

    // April to December: 9 months.
    expect(measure).toEqual({ value: 2, target: 27, evidence: [paired, ...inPeriod] });
  });

  it('ends the covered months at a dissolution and merges overlapping pairings', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31');
    log.pair('p2', 'v1', '2025-02-01', '2025-03-31');
    log.dissolve('p1', 'v1', '2025-06-15');

    expect(collectiveActivityDays(measureInputFor(log, 'v1')).target).toBe(18);
    // 2025-01-01 … Sunday 2025-06-15: the weeks from Monday 30 December to Monday 9 June.
    expect(guidanceDays(measureInputFor(log, 'v1')).target).toBe(24);
  });

  it('measures 党建指导日 weekly over a full year: the 53 weeks touching 2025', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31');
    const guidance = log.activity('p1', 'v1', 'guidance_day', '2025-03-03');
    const measure = guidanceDays(measureInputFor(log, 'v1'));
    expect(measure.value).toBe(1);
    expect(measure.target).toBe(53);
    expect(measure.evidence).toContain(guidance);
  });

  it('counts a week once however many guidance days it had, and the weeks across the year ends', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31');
    // Monday 30 December 2024 began the week of 1 January 2025; Sunday 4 January 2026 ended the
    // week of 31 December 2025. 26 December 2024 is in neither.
    const counted = [
      log.activity('p1', 'v1', 'guidance_day', '2024-12-30'),
      log.activity('p1', 'v1', 'guidance_day', '2025-03-03'),
      log.activity('p1', 'v1', 'guidance_day', '2025-03-04'),
      log.activity('p1', 'v1', 'guidance_day', '2025-03-04'),
      log.activity('p1', 'v1', 'guidance_day', '2026-01-04'),
    ];
    const outside = log.activity('p1', 'v1', 'guidance_day', '2024-12-26');
    const measure = guidanceDays(measureInputFor(log, 'v1'));
    expect([measure.value, measure.target]).toEqual([3, 53]);
    expect(measure.evidence).toEqual(expect.arrayContaining(counted));
    expect(measure.evidence).not.toContain(outside);
  });

  it('counts at most 3 distinct collective activity days a month', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31');
    for (const date of ['2025-03-03', '2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'])
      log.activity('p1', 'v1', 'collective_activity_day', date);
    log.activity('p1', 'v1', 'collective_activity_day', '2025-04-07');
    const measure = collectiveActivityDays(measureInputFor(log, 'v1'));
    // March: 4 distinct days, 3 count; April: 1.
    expect([measure.value, measure.target]).toEqual([4, 36]);
    expect(measure.evidence).toHaveLength(1 + 6);
  });

  it('has no target, and says why, for a branch without a pairing in the period', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2023-01-01', '2024-12-31');
    expect(collectiveActivityDays(measureInputFor(log, 'v1'))).toMatchObject({
      target: 0,
      note: 'no_pairing',
    });
    expect(guidanceDays(measureInputFor(log, 'v1'))).toMatchObject({
      target: 0,
      note: 'no_pairing',
    });
  });
});
