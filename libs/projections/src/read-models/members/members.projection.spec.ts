import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { MEMBERS, membersProjection, NOTHING_DUE } from './members.projection';

const ref = { memberId: 'm-1', organizationId: 'v-01' };

function memberLog() {
  const log = eventLog();
  for (const [id, township] of [
    ['v-01', 'T01'],
    ['v-02', 'T02'],
  ]) {
    log.add(`organization-${id}`, 'OrganizationRegistered', {
      organizationId: id,
      name: id,
      level: 'branch',
      sector: 'village',
      township,
    });
  }
  log.add('member-m-1', 'MembershipApplied', {
    ...ref,
    appliedOn: '2025-01-10',
    person: {
      name: '李梅',
      gender: 'female',
      birthDate: '1995-03-15',
      education: '大专',
      idNumberCipher: 'sealed-id',
      phoneCipher: 'sealed-phone',
    },
    dualCultivation: false,
    interviewDueOn: '2025-02-10',
  });
  return log;
}

describe('the members read model', () => {
  it('keeps stage, history, the obligation due and the township of the lead organization', () => {
    const [doc] = documentsOf(projectInMemory(membersProjection, memberLog().events), MEMBERS);
    expect(doc).toMatchObject({
      _id: 'm-1',
      revision: 0,
      organizationId: 'v-01',
      township: 'T01',
      stage: 'applicant',
      history: [{ step: 'apply', on: '2025-01-10' }],
      obligations: [{ kind: 'interview', dueOn: '2025-02-10' }],
      nextDueOn: '2025-02-10',
    });
    expect(doc.state).toMatchObject({ person: { idNumberCipher: 'sealed-id' } });
  });

  it('follows the procedure: the next obligation replaces the one fulfilled', () => {
    const log = memberLog();
    log.add('member-m-1', 'ApplicantInterviewed', {
      ...ref,
      on: '2025-01-20',
      dueOn: '2025-02-10',
      late: false,
    });
    log.add('member-m-1', 'ActivistDesignated', {
      ...ref,
      on: '2025-03-01',
      method: 'member_recommendation',
      resolutionRef: 'r',
      nextReviewDueOn: '2025-09-01',
    });
    const [doc] = documentsOf(projectInMemory(membersProjection, log.events), MEMBERS);
    expect(doc).toMatchObject({
      stage: 'activist',
      revision: 2,
      obligations: [{ kind: 'review_activist', dueOn: '2025-09-01' }],
      nextDueOn: '2025-09-01',
    });
  });

  it('a transfer moves the member to the new organization and its township', () => {
    const log = memberLog();
    log.add('member-m-1', 'MemberTransferred', {
      memberId: 'm-1',
      organizationId: 'v-02',
      on: '2025-01-15',
      fromOrganizationId: 'v-01',
      toOrganizationId: 'v-02',
    });
    const [doc] = documentsOf(projectInMemory(membersProjection, log.events), MEMBERS);
    expect(doc).toMatchObject({ organizationId: 'v-02', township: 'T02' });
  });

  it('nothing is due once the procedure has ended', () => {
    const log = memberLog();
    log.add('member-m-1', 'MembershipWithdrawn', {
      ...ref,
      on: '2025-01-12',
      reason: '本人申请',
      stage: 'applicant',
    });
    const [doc] = documentsOf(projectInMemory(membersProjection, log.events), MEMBERS);
    expect(doc).toMatchObject({ stage: 'withdrawn', obligations: [], nextDueOn: NOTHING_DUE });
  });

  it('shows on each vote of the history whether it passed, in the document and its state', () => {
    const log = memberLog();
    const tallies = (yesVotes: number) => ({
      eligibleVoters: 12,
      present: 10,
      yesVotes,
      noVotes: 10 - yesVotes,
      abstentions: 0,
    });
    const deadline = { dueOn: '2025-12-31', late: false };
    log.add('member-m-1', 'BranchVoteFailed', {
      ...ref,
      on: '2025-02-01',
      ...tallies(5),
      passed: false,
      ...deadline,
    });
    log.add('member-m-1', 'BranchVoteHeld', {
      ...ref,
      on: '2025-02-10',
      ...tallies(9),
      passed: true,
      probationEndsOn: '2026-02-09',
      approvalDueOn: '2025-05-10',
      ...deadline,
    });
    log.add('member-m-1', 'OathTaken', { ...ref, on: '2025-03-01' });
    log.add('member-m-1', 'FullMembershipApplied', { ...ref, on: '2026-01-20' });
    log.add('member-m-1', 'FullMembershipVoteFailed', {
      ...ref,
      on: '2026-02-10',
      ...tallies(6),
      passed: false,
      ...deadline,
    });
    log.add('member-m-1', 'FullMembershipVoteHeld', {
      ...ref,
      on: '2026-02-20',
      ...tallies(10),
      passed: true,
      approvalDueOn: '2026-05-20',
      ...deadline,
    });
    const [doc] = documentsOf(projectInMemory(membersProjection, log.events), MEMBERS);
    const history = [
      { step: 'apply', on: '2025-01-10' },
      { step: 'branch_vote', on: '2025-02-01', passed: false },
      { step: 'branch_vote', on: '2025-02-10', passed: true },
      { step: 'oath', on: '2025-03-01' },
      { step: 'apply_full_membership', on: '2026-01-20' },
      { step: 'full_membership_vote', on: '2026-02-10', passed: false },
      { step: 'full_membership_vote', on: '2026-02-20', passed: true },
    ];
    expect(doc.history).toEqual(history);
    expect((doc.state as { history: unknown }).history).toEqual(history);
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = memberLog();
    expect(
      documentsOf(projectInMemory(membersProjection, [...events, ...events]), MEMBERS),
    ).toEqual(documentsOf(projectInMemory(membersProjection, events), MEMBERS));
  });
});
