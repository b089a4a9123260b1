import { CountyLog, measureInputFor } from '../testing/county-log.spec-helper';
import {
  activistReserve,
  newMembers,
  overdueDevelopmentSteps,
} from './member-development.indicator';

const rule = (target: number) => ({
  key: 'k',
  label: 'k',
  part: 'basic',
  kind: 'activist_reserve' as const,
  maxPoints: 10,
  target,
});

describe('member development indicators', () => {
  it('counts activists and development targets standing at the period end as the reserve', () => {
    const log = new CountyLog();
    log.village('v1');
    log.village('v2');
    log.member('m1', 'v1', 'MembershipApplied', { appliedOn: '2024-01-01' });
    const activist = log.member('m1', 'v1', 'ActivistDesignated', { on: '2024-03-01' });
    log.member('m2', 'v1', 'ActivistDesignated', { on: '2024-03-01' });
    const target = log.member('m2', 'v1', 'DevelopmentTargetDesignated', { on: '2025-04-01' });
    log.member('m3', 'v1', 'ActivistDesignated', { on: '2024-03-01' });
    log.member('m3', 'v1', 'MembershipWithdrawn', { on: '2025-05-01', reason: '本人申请' });
    log.member('m4', 'v1', 'ActivistDesignated', { on: '2024-03-01' });
    log.member('m4', 'v1', 'AdmissionApproved', { on: '2025-06-01' });
    // Moved to another branch: counts there.
    log.member('m5', 'v1', 'ActivistDesignated', { on: '2024-03-01' });
    log.member('m5', 'v2', 'MemberTransferred', { on: '2025-02-01' });
    // Designated after the period: not yet in its reserve.
    log.member('m6', 'v1', 'ActivistDesignated', { on: '2026-01-05' });

    expect(activistReserve(measureInputFor(log, 'v1'), rule(2))).toEqual({
      value: 2,
      target: 2,
      evidence: [activist, target],
    });
    expect(activistReserve(measureInputFor(log, 'v2'), rule(2)).value).toBe(1);
  });

  it('counts admissions approved in the period as new members', () => {
    const log = new CountyLog();
    log.village('v1');
    log.member('m1', 'v1', 'AdmissionApproved', { on: '2024-12-31' });
    const admitted = log.member('m2', 'v1', 'AdmissionApproved', { on: '2025-01-01' });
    expect(newMembers(measureInputFor(log, 'v1'), rule(1))).toEqual({
      value: 1,
      target: 1,
      evidence: [admitted],
    });
  });

  it('finds every development step taken late in the period', () => {
    const log = new CountyLog();
    log.village('v1');
    const late = log.member('m1', 'v1', 'ApplicantInterviewed', {
      on: '2025-03-01',
      dueOn: '2025-02-01',
      late: true,
    });
    log.member('m2', 'v1', 'ApplicantInterviewed', {
      on: '2025-03-01',
      dueOn: '2025-04-01',
      late: false,
    });
    log.member('m3', 'v1', 'ApplicantInterviewed', {
      on: '2024-03-01',
      dueOn: '2024-02-01',
      late: true,
    });
    expect(overdueDevelopmentSteps(measureInputFor(log, 'v1'))).toEqual({
      count: 1,
      evidence: [late],
    });
  });
});
