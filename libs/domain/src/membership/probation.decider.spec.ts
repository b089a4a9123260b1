import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { cmd, ref, through, without } from './member.spec-fixtures';

const given = specFor(memberDecider);
const probationary = through('OathTaken');
const grant = (on: string, voteOn?: string) =>
  cmd('GrantFullMembership', { on, ...(voteOn && { voteOn }) });
const extended = (months: number, probationEndsOn: string): MemberEvent => ({
  type: 'ProbationExtended',
  data: {
    ...ref,
    on: '2025-06-17',
    months,
    previousProbationEndsOn: '2025-06-17',
    probationEndsOn,
    approvalDueOn: '2025-09-17',
  },
});

describe('member decider: probation', () => {
  it('refuses full membership before the year of probation ends (PROBATION_NOT_COMPLETED)', () =>
    given(probationary).when(grant('2025-06-16')).thenRefuses('PROBATION_NOT_COMPLETED'));

  it('refuses a full-membership vote held before the probation ends', () =>
    given(probationary)
      .when(grant('2025-07-08', '2025-06-10'))
      .thenRefuses('PROBATION_NOT_COMPLETED'));

  it('grants full membership on the day probation ends', () =>
    given(probationary)
      .when(grant('2025-06-17'))
      .then([
        {
          type: 'FullMembershipGranted',
          data: { ...ref, on: '2025-06-17', fullMemberSince: '2025-06-17' },
        },
      ]));

  it('refuses full membership without the oath', () =>
    given(without(probationary, 'OathTaken'))
      .when(grant('2025-06-17'))
      .thenRefuses('OATH_REQUIRED'));

  it('refuses the oath before admission is approved', () =>
    given(through('BranchVoteHeld'))
      .when(cmd('TakeOath', { on: '2024-07-01' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));

  it('refuses an extension decided months before probation ends (细则 art. 34)', () =>
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2024-08-20', months: 6 }))
      .thenRefuses('EXTENSION_TOO_EARLY'));

  it('extends probation by 6 to 12 months from its end', () => {
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2025-06-17', months: 6 }))
      .then([extended(6, '2025-12-17')]);
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2025-06-17', months: 12 }))
      .then([extended(12, '2026-06-17')]);
  });

  it('refuses an extension shorter than 6 or longer than 12 months', () => {
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2025-06-17', months: 5 }))
      .thenRefuses('EXTENSION_MONTHS_INVALID');
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2025-06-17', months: 13 }))
      .thenRefuses('EXTENSION_MONTHS_INVALID');
  });

  it('refuses a second extension', () =>
    given([...probationary, extended(6, '2025-12-17')])
      .when(cmd('ExtendProbation', { on: '2025-07-01', months: 6 }))
      .thenRefuses('PROBATION_ALREADY_EXTENDED'));

  it('holds full membership until the extended probation ends', () =>
    given([...probationary, extended(6, '2025-12-17')])
      .when(grant('2025-07-08'))
      .thenRefuses('PROBATION_NOT_COMPLETED'));

  it('cancels the probation, ending the procedure', () => {
    const cancelled: MemberEvent = {
      type: 'ProbationCancelled',
      data: { ...ref, on: '2025-03-01', reason: '不履行党员义务' },
    };
    given(probationary)
      .when(cmd('CancelProbation', { on: '2025-03-01', reason: '不履行党员义务' }))
      .then([cancelled]);
    given([...probationary, cancelled])
      .when(grant('2025-06-17'))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE');
  });

  it('refuses withdrawal of a probationary member (cancel the probation instead)', () =>
    given(probationary)
      .when(cmd('WithdrawFromDevelopment', { on: '2025-03-01', reason: 'x' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));
});
