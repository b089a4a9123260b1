import { fold } from '../shared/decider';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { path, ref, through } from './member.spec-fixtures';
import { obligations } from './obligations';

const stateAfter = (events: MemberEvent[]) => fold(memberDecider, events);

describe('obligations', () => {
  it('asks for an interview within a month of applying, overdue the day after', () => {
    const applied = stateAfter(path.slice(0, 1));
    expect(obligations(applied)).toEqual([{ kind: 'interview', dueOn: '2023-04-01' }]);
    expect(obligations(applied, '2023-04-01')).toEqual([
      { kind: 'interview', dueOn: '2023-04-01', overdue: false },
    ]);
    expect(obligations(applied, '2023-04-02')).toEqual([
      { kind: 'interview', dueOn: '2023-04-01', overdue: true },
    ]);
  });

  it('asks for nothing once interviewed and not yet an activist', () =>
    expect(obligations(stateAfter(path.slice(0, 2)))).toEqual([]));

  it('asks for an activist review every 6 months', () => {
    expect(obligations(stateAfter(through('ActivistDesignated')))).toEqual([
      { kind: 'review_activist', dueOn: '2023-10-10' },
    ]);
    expect(obligations(stateAfter(path.slice(0, 6)))).toEqual([
      { kind: 'review_activist', dueOn: '2024-04-09' },
    ]);
  });

  it('asks for the vote within a month of the pre-review', () =>
    expect(obligations(stateAfter(through('PublicNoticePosted')), '2024-07-04')).toEqual([
      { kind: 'branch_vote', dueOn: '2024-07-03', overdue: true },
    ]));

  it('still asks for the vote after a failed one', () => {
    const failed: MemberEvent = {
      type: 'BranchVoteFailed',
      data: {
        ...ref,
        on: '2024-06-17',
        eligibleVoters: 25,
        present: 22,
        yesVotes: 12,
        noVotes: 10,
        abstentions: 0,
        passed: false,
        dueOn: '2024-07-03',
        late: false,
      },
    };
    expect(obligations(stateAfter([...through('PublicNoticePosted'), failed]))).toEqual([
      { kind: 'branch_vote', dueOn: '2024-07-03' },
    ]);
  });

  it('asks for the conversation and the approval within 3 months of the vote', () => {
    expect(obligations(stateAfter(through('BranchVoteHeld')))).toEqual([
      { kind: 'approval_conversation', dueOn: '2024-09-17' },
      { kind: 'approve_admission', dueOn: '2024-09-17' },
    ]);
    expect(obligations(stateAfter(through('ApprovalConversationHeld')))).toEqual([
      { kind: 'approve_admission', dueOn: '2024-09-17' },
    ]);
  });

  it('asks for the written application at the end of probation, then the vote within a month', () => {
    expect(obligations(stateAfter(through('OathTaken')))).toEqual([
      { kind: 'apply_full_membership', dueOn: '2025-06-17' },
    ]);
    expect(obligations(stateAfter(through('FullMembershipApplied')), '2025-07-18')).toEqual([
      { kind: 'full_membership_vote', dueOn: '2025-07-17', overdue: true },
    ]);
  });

  it('asks for the committee approval of 转正 within 3 months of the vote', () =>
    expect(obligations(stateAfter(through('FullMembershipVoteHeld')))).toEqual([
      { kind: 'approve_full_membership', dueOn: '2025-09-20' },
    ]));

  it('asks for the approval of an extension, then the application at the extended end', () => {
    const probationary = through('OathTaken');
    const extended: MemberEvent = {
      type: 'ProbationExtended',
      data: {
        ...ref,
        on: '2025-06-17',
        months: 6,
        previousProbationEndsOn: '2025-06-17',
        probationEndsOn: '2025-12-17',
        approvalDueOn: '2025-09-17',
      },
    };
    const approved: MemberEvent = {
      type: 'ProbationExtensionApproved',
      data: {
        ...ref,
        on: '2025-07-01',
        by: 'town-T01',
        probationEndsOn: '2025-12-17',
        dueOn: '2025-09-17',
        late: false,
      },
    };
    expect(obligations(stateAfter([...probationary, extended]))).toEqual([
      { kind: 'approve_probation_extension', dueOn: '2025-09-17' },
    ]);
    expect(obligations(stateAfter([...probationary, extended, approved]))).toEqual([
      { kind: 'apply_full_membership', dueOn: '2025-12-17' },
    ]);
  });

  it('asks for nothing of a full member or before any application', () => {
    expect(obligations(stateAfter(path), '2030-01-01')).toEqual([]);
    expect(obligations(memberDecider.initialState())).toEqual([]);
  });
});
