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
    // 2025-01-01 … 2025-06-15 is 166 days: 23 whole weeks.
    expect(guidanceDays(measureInputFor(log, 'v1')).target).toBe(23);
  });

  it('measures 党建指导日 weekly over a full year', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31');
    const guidance = log.activity('p1', 'v1', 'guidance_day', '2025-03-03');
    const measure = guidanceDays(measureInputFor(log, 'v1'));
    expect(measure.value).toBe(1);
    expect(measure.target).toBe(52);
    expect(measure.evidence).toContain(guidance);
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
