import { CountyLog, measureInputFor } from '../testing/county-log.spec-helper';
import { fundingStandardsMet, fundsSpentAsAllocated, fundsUndisbursed } from './funds.indicator';

describe('funds indicators', () => {
  it('assesses the funding standards on the year’s standing allocations', () => {
    const log = new CountyLog();
    log.village('v1');
    log.memberCount('v1', 2025, 40);
    log.allocation('a1', 'v1', 2025, 'operating_funds', 2_000_000);
    log.allocation('a2', 'v1', 2025, 'activity_funds', 150_000);
    log.allocation('a3', 'v1', 2025, 'special_benefit', 5_000_000);
    log.cancelled('a3', 'v1', 2025, 'special_benefit');
    log.allocation('a4', 'v1', 2024, 'special_benefit', 5_000_000);

    const measure = fundingStandardsMet(measureInputFor(log, 'v1'));
    // operating ≥ 2万 met; activity 40 × 50元 = 2000元 not met by 1500元; special 5万 not met.
    expect(measure).toMatchObject({ value: 1, target: 3 });
  });

  it('compares what was spent with what was allocated, never counting overspending', () => {
    const log = new CountyLog();
    log.village('v1');
    const opened = log.allocation('a1', 'v1', 2025, 'operating_funds', 2_000_000);
    const paid = log.disbursed('a1', 'v1', 2025, 'operating_funds', 2_000_000);
    const spent = log.spent('a1', 'v1', 2025, 'operating_funds', 1_500_000);
    log.allocation('a2', 'v1', 2025, 'training', 1_000_000);

    expect(fundsSpentAsAllocated(measureInputFor(log, 'v1'))).toMatchObject({
      value: 1_500_000,
      target: 3_000_000,
      evidence: expect.arrayContaining([opened, paid, spent]),
    });
  });

  it('says nothing was allocated rather than inventing a ratio', () => {
    const log = new CountyLog();
    log.village('v1');
    expect(fundsSpentAsAllocated(measureInputFor(log, 'v1'))).toMatchObject({
      target: 0,
      note: 'nothing_allocated',
    });
  });

  it('counts allocations of the period not fully disbursed at the cut-off', () => {
    const log = new CountyLog();
    log.village('v1');
    const stuck = log.allocation('a1', 'v1', 2025, 'operating_funds', 2_000_000);
    log.disbursed('a1', 'v1', 2025, 'operating_funds', 500_000);
    log.allocation('a2', 'v1', 2025, 'training', 1_000_000);
    log.disbursed('a2', 'v1', 2025, 'training', 1_000_000);
    log.allocation('a3', 'v1', 2025, 'project', 1_000_000);
    log.cancelled('a3', 'v1', 2025, 'project');

    const undisbursed = fundsUndisbursed(measureInputFor(log, 'v1'));
    expect(undisbursed.count).toBe(1);
    expect(undisbursed.evidence).toContain(stuck);
  });
});
