import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { authority, cmd, COMMITTEE, ref, through, without } from './member.spec-fixtures';

const given = specFor(memberDecider);
/** Today for steps dated after the fixtures' today. */
const LATER = '2026-06-30';
const probationary = through('OathTaken');
const applied = through('FullMembershipApplied');
const voted = through('FullMembershipVoteHeld');
const apply = (on: string) => cmd('ApplyForFullMembership', { on });
const vote = (on: string, eligibleVoters: number, present: number, yesVotes: number, noVotes = 0) =>
  cmd('HoldFullMembershipVote', { on, eligibleVoters, present, yesVotes, noVotes }, LATER);
const approve = (on: string, by = COMMITTEE) =>
  cmd('ApproveFullMembership', { on, by, ...authority }, LATER);
const extended: MemberEvent = {
  type: 'ProbationExtended',
  data: {
    ...ref,
    on: '2025-06-20',
    months: 6,
    previousProbationEndsOn: '2025-06-17',
    probationEndsOn: '2025-12-17',
    approvalDueOn: '2025-09-20',
  },
};

describe('member decider: 转正 as a procedure (细则 art. 33–35)', () => {
  it('records the written application', () =>
    given(probationary)
      .when(apply('2025-06-03'))
      .then([{ type: 'FullMembershipApplied', data: { ...ref, on: '2025-06-03' } }]));

  it('refuses an extension once the branch has voted for full membership', () =>
    given(voted)
      .when(cmd('ExtendProbation', { on: '2025-06-25', months: 6 }, LATER))
      .thenRefuses('FULL_MEMBERSHIP_ALREADY_VOTED'));

  it('refuses a second application', () =>
    given(applied).when(apply('2025-06-04')).thenRefuses('STEP_ALREADY_RECORDED'));

  it('refuses the vote without the written application', () =>
    given(probationary)
      .when(vote('2025-06-20', 26, 23, 22))
      .thenRefuses('FULL_MEMBERSHIP_APPLICATION_REQUIRED'));

  it('refuses a vote before probation ends: no early full membership', () =>
    given(applied)
      .when(vote('2025-06-16', 26, 23, 22))
      .thenRefuses('PROBATION_NOT_COMPLETED'));

  it('refuses the vote without the oath', () =>
    given(without(applied, 'OathTaken'))
      .when(vote('2025-06-20', 26, 23, 22))
      .thenRefuses('OATH_REQUIRED'));

  it('refuses a meeting without quorum (细则 art. 27)', () =>
    given(applied)
      .when(vote('2025-06-20', 26, 13, 14))
      .thenRefuses('BRANCH_MEETING_NO_QUORUM'));

  it('records a failed vote; the member stays probationary and a later vote may pass', () => {
    const failed: MemberEvent = {
      type: 'FullMembershipVoteFailed',
      data: {
        ...ref,
        on: '2025-06-20',
        eligibleVoters: 26,
        present: 23,
        yesVotes: 13,
        noVotes: 10,
        abstentions: 0,
        passed: false,
        dueOn: '2025-07-17',
        late: false,
      },
    };
    given(applied)
      .when(vote('2025-06-20', 26, 23, 13, 10))
      .then([failed]);
    given([...applied, failed])
      .when(approve('2025-07-08'))
      .thenRefuses('FULL_MEMBERSHIP_VOTE_REQUIRED');
    given([...applied, failed])
      .when(vote('2025-07-01', 26, 20, 18, 2))
      .then([
        {
          type: 'FullMembershipVoteHeld',
          data: {
            ...ref,
            on: '2025-07-01',
            eligibleVoters: 26,
            present: 20,
            yesVotes: 18,
            noVotes: 2,
            abstentions: 0,
            passed: true,
            approvalDueOn: '2025-10-01',
            dueOn: '2025-07-17',
            late: false,
          },
        },
      ]);
  });

  it('flags a 转正 vote held later than a month after probation ends', () =>
    given(applied)
      .when(vote('2025-07-18', 26, 23, 22))
      .then([
        {
          type: 'FullMembershipVoteHeld',
          data: {
            ...ref,
            on: '2025-07-18',
            eligibleVoters: 26,
            present: 23,
            yesVotes: 22,
            noVotes: 0,
            abstentions: 0,
            passed: true,
            approvalDueOn: '2025-10-18',
            dueOn: '2025-07-17',
            late: true,
          },
        },
      ]));

  it('refuses the approval by a committee without authority over the branch', () =>
    given(voted).when(approve('2025-07-08', 'town-T02')).thenRefuses('APPROVAL_AUTHORITY_INVALID'));

  it('refuses the approval later than 3 months after the vote', () =>
    given(voted).when(approve('2025-09-21')).thenRefuses('APPROVAL_TOO_LATE'));

  it('makes a full member from the end of probation on approval within 3 months', () =>
    given(voted)
      .when(approve('2025-09-20'))
      .then([
        {
          type: 'FullMembershipApproved',
          data: {
            ...ref,
            on: '2025-09-20',
            by: COMMITTEE,
            voteOn: '2025-06-20',
            fullMemberSince: '2025-06-17',
            dueOn: '2025-09-20',
            late: false,
          },
        },
      ]));

  it('keeps grant_full_membership for records entered after the fact', () =>
    given(probationary)
      .when(cmd('GrantFullMembership', { on: '2025-07-08', voteOn: '2025-06-20' }))
      .then([
        {
          type: 'FullMembershipGranted',
          data: { ...ref, on: '2025-07-08', voteOn: '2025-06-20', fullMemberSince: '2025-06-17' },
        },
      ]));
});

describe('member decider: extension of probation, approved like 转正 (细则 art. 34)', () => {
  const approveExtension = (on: string, by = COMMITTEE) =>
    cmd('ApproveProbationExtension', { on, by, ...authority }, LATER);
  const extensionApproved: MemberEvent = {
    type: 'ProbationExtensionApproved',
    data: {
      ...ref,
      on: '2025-07-10',
      by: COMMITTEE,
      probationEndsOn: '2025-12-17',
      dueOn: '2025-09-20',
      late: false,
    },
  };

  it('decides the extension at the end of probation, with the approval due in 3 months', () =>
    given(probationary)
      .when(cmd('ExtendProbation', { on: '2025-06-20', months: 6 }))
      .then([extended]));

  it('refuses an approval with no extension decided', () =>
    given(probationary).when(approveExtension('2025-07-10')).thenRefuses('EXTENSION_NOT_DECIDED'));

  it('refuses an approval by a committee without authority', () =>
    given([...probationary, extended])
      .when(approveExtension('2025-07-10', 'town-T02'))
      .thenRefuses('APPROVAL_AUTHORITY_INVALID'));

  it('refuses an approval later than 3 months after the decision', () =>
    given([...probationary, extended])
      .when(approveExtension('2025-09-21'))
      .thenRefuses('APPROVAL_TOO_LATE'));

  it('approves the extension; 转正 then waits for the extended end', () => {
    given([...probationary, extended])
      .when(approveExtension('2025-07-10'))
      .then([extensionApproved]);
    given([
      ...probationary,
      extended,
      extensionApproved,
      { type: 'FullMembershipApplied', data: { ...ref, on: '2025-12-01' } },
    ])
      .when(vote('2025-12-16', 26, 23, 22))
      .thenRefuses('PROBATION_NOT_COMPLETED');
  });

  it('refuses the 转正 vote while the extension awaits approval', () =>
    given([
      ...probationary,
      extended,
      { type: 'FullMembershipApplied', data: { ...ref, on: '2025-12-01' } },
    ])
      .when(vote('2025-12-17', 26, 23, 22))
      .thenRefuses('EXTENSION_APPROVAL_REQUIRED'));
});
