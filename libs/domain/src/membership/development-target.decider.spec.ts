import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import {
  authority,
  before,
  CALENDAR,
  cmd,
  COMMITTEE,
  ref,
  through,
  without,
} from './member.spec-fixtures';

const given = specFor(memberDecider);

const training = (
  days: number | undefined,
  hours: number | undefined,
  totalHours: number,
  on = '2024-05-27',
  concentrated = true,
): MemberEvent => ({
  type: 'TrainingCompleted',
  data: {
    ...ref,
    on,
    ...(days !== undefined && { days }),
    ...(hours !== undefined && { hours }),
    totalHours,
    organizer: '县委党校',
    concentrated,
  },
});
const train = (on: string, fields: { days?: number; hours?: number }) =>
  cmd('RecordTraining', { on, ...fields, organizer: '县委党校' });
const preReview = cmd('PreReviewDevelopmentTarget', { on: '2024-06-03' });
const preReviewed: MemberEvent = {
  type: 'PreReviewCompleted',
  data: { ...ref, on: '2024-06-03', voteDueOn: '2024-07-03' },
};
const vote = (
  eligibleVoters: number,
  present: number,
  yesVotes: number,
  noVotes?: number,
  abstentions?: number,
  on = '2024-06-17',
) => cmd('HoldBranchVote', { on, eligibleVoters, present, yesVotes, noVotes, abstentions });
const tallies = (
  eligibleVoters: number,
  present: number,
  yesVotes: number,
  noVotes = 0,
  abstentions = 0,
) => ({
  on: '2024-06-17',
  eligibleVoters,
  present,
  yesVotes,
  noVotes,
  abstentions,
});
const voted = (
  eligibleVoters: number,
  present: number,
  yesVotes: number,
  noVotes = 0,
  abstentions = 0,
): MemberEvent => ({
  type: 'BranchVoteHeld',
  data: {
    ...ref,
    ...tallies(eligibleVoters, present, yesVotes, noVotes, abstentions),
    passed: true,
    probationEndsOn: '2025-06-17',
    approvalDueOn: '2024-09-17',
    dueOn: '2024-07-03',
    late: false,
  },
});
const failed = (
  eligibleVoters: number,
  present: number,
  yesVotes: number,
  noVotes = 0,
  abstentions = 0,
): MemberEvent => ({
  type: 'BranchVoteFailed',
  data: {
    ...ref,
    ...tallies(eligibleVoters, present, yesVotes, noVotes, abstentions),
    passed: false,
    dueOn: '2024-07-03',
    late: false,
  },
});

describe('member decider: development target', () => {
  describe('sponsors', () => {
    it('refuses anything but exactly two different sponsors', () => {
      const g = given(through('DevelopmentTargetDesignated'));
      g.when(cmd('AssignSponsors', { on: '2024-05-06', sponsors: ['王立新'] })).thenRefuses(
        'SPONSORS_COUNT_INVALID',
      );
      g.when(cmd('AssignSponsors', { on: '2024-05-06', sponsors: ['a', 'b', 'c'] })).thenRefuses(
        'SPONSORS_COUNT_INVALID',
      );
      g.when(cmd('AssignSponsors', { on: '2024-05-06', sponsors: ['a', 'a'] })).thenRefuses(
        'SPONSORS_COUNT_INVALID',
      );
    });

    it('refuses the vote without sponsors (SPONSORS_REQUIRED)', () =>
      given(without(through('PublicNoticePosted'), 'SponsorsAssigned'))
        .when(vote(25, 22, 20))
        .thenRefuses('SPONSORS_REQUIRED'));
  });

  describe('political review and training before the pre-review', () => {
    const designated = through('SponsorsAssigned');
    const reviewed = through('PoliticalReviewCompleted');

    it('refuses the pre-review without a political review', () =>
      given([...designated, training(3, undefined, 24)])
        .when(preReview)
        .thenRefuses('POLITICAL_REVIEW_REQUIRED'));

    it('refuses the pre-review after a session of less than 3 days / 24 hours (细则 art. 21)', () =>
      given([...reviewed, training(2, undefined, 16, '2024-05-27', false)])
        .when(preReview)
        .thenRefuses('TRAINING_INSUFFICIENT'));

    it('refuses the pre-review with no training at all', () =>
      given(reviewed).when(preReview).thenRefuses('TRAINING_INSUFFICIENT'));

    it('accepts one session of 24 class hours (细则 art. 21)', () =>
      given([...reviewed, training(undefined, 24, 24)])
        .when(preReview)
        .then([preReviewed]));

    it('records a short session, which does not count as the concentrated training', () =>
      given(reviewed)
        .when(train('2024-05-27', { hours: 6 }))
        .then([training(undefined, 6, 6, '2024-05-27', false)]));

    it('refuses the pre-review after 4 sessions of 6 hours: sessions do not add up (细则 art. 21)', () => {
      const sessions = ['2024-05-21', '2024-05-22', '2024-05-23', '2024-05-24'].map((on, i) =>
        training(undefined, 6, 6 * (i + 1), on, false),
      );
      given([...reviewed, ...sessions.slice(0, 3)])
        .when(train('2024-05-24', { hours: 6 }))
        .then([sessions[3]]);
      given([...reviewed, ...sessions])
        .when(preReview)
        .thenRefuses('TRAINING_INSUFFICIENT');
    });

    it('accepts the pre-review after a concentrated session recorded before events had the flag', () => {
      const stored: MemberEvent = {
        type: 'TrainingCompleted',
        data: { ...ref, on: '2024-05-27', days: 3, totalHours: 24 },
      };
      given([...reviewed, stored])
        .when(preReview)
        .then([preReviewed]);
    });

    it('does not count old summed records of short sessions as a concentrated training', () => {
      const stored = (on: string, totalHours: number): MemberEvent => ({
        type: 'TrainingCompleted',
        data: { ...ref, on, days: 1, totalHours },
      });
      given([
        ...reviewed,
        stored('2024-05-21', 8),
        stored('2024-05-22', 16),
        stored('2024-05-23', 24),
      ])
        .when(preReview)
        .thenRefuses('TRAINING_INSUFFICIENT');
    });

    it('counts a session given in both days and hours once', () =>
      given(reviewed)
        .when(train('2024-05-27', { days: 2, hours: 16 }))
        .then([training(2, 16, 16, '2024-05-27', false)]));

    it('refuses a training without duration', () =>
      given(reviewed).when(train('2024-05-27', {})).thenRefuses('TRAINING_DURATION_INVALID'));

    it('refuses a training without its organizer', () =>
      given(reviewed)
        .when(cmd('RecordTraining', { on: '2024-05-27', days: 3, organizer: ' ' }))
        .thenRefuses('REQUIRED_FIELD_MISSING'));

    it('rejects the development target when the political review fails', () => {
      const failed: MemberEvent[] = [
        { type: 'PoliticalReviewCompleted', data: { ...ref, on: '2024-05-20', passed: false } },
        {
          type: 'MembershipRejected',
          data: { ...ref, on: '2024-05-20', reason: 'political_review_failed' },
        },
      ];
      given(designated)
        .when(cmd('RecordPoliticalReview', { on: '2024-05-20', passed: false }))
        .then(failed);
      given([...designated, ...failed])
        .when(train('2024-05-27', { days: 3 }))
        .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE');
    });
  });

  describe('public notice', () => {
    const pre = through('PreReviewCompleted');
    const notice = (from: string, to: string, calendar = CALENDAR) =>
      cmd('PostPublicNotice', { from, to, calendar });
    const posted = (from: string, to: string, workingDays: number): MemberEvent => ({
      type: 'PublicNoticePosted',
      data: { ...ref, from, to, workingDays, countedOn: 'official_calendar' },
    });
    const toNotice = (from: string) => [
      ...pre,
      { ...preReviewed, data: { ...preReviewed.data, on: from, voteDueOn: from } },
    ];

    it('refuses a notice before the pre-review: the notice follows it (细则 art. 23)', () =>
      given(before('PreReviewCompleted'))
        .when(notice('2024-06-04', '2024-06-11'))
        .thenRefuses('PRE_REVIEW_REQUIRED'));

    it('refuses a notice starting before the pre-review date', () =>
      given(pre).when(notice('2024-06-02', '2024-06-11')).thenRefuses('STEP_DATE_INVALID'));

    it('refuses 2024-09-30 → 2024-10-04: 国庆 leaves 1 working day (细则 art. 23, official calendar)', () =>
      given(toNotice('2024-09-30'))
        .when(notice('2024-09-30', '2024-10-04', CALENDAR))
        .thenRefuses('PUBLIC_NOTICE_TOO_SHORT'));

    it('counts the 调休 make-up Saturday 2024-10-12: Tue 8 → Sat 12 October is 5 working days', () =>
      given(toNotice('2024-10-08'))
        .when(notice('2024-10-08', '2024-10-12'))
        .then([posted('2024-10-08', '2024-10-12', 5)]));

    it('refuses a notice of 4 working days around 端午 (Fri 7 → Thu 13 June 2024)', () =>
      given(pre).when(notice('2024-06-07', '2024-06-13')).thenRefuses('PUBLIC_NOTICE_TOO_SHORT'));

    it('refuses a notice of 4 working days spread over 6 calendar days (Sat → Thu)', () =>
      given(pre).when(notice('2024-06-15', '2024-06-20')).thenRefuses('PUBLIC_NOTICE_TOO_SHORT'));

    it('accepts exactly 5 working days across a weekend (Fri 14 → Thu 20 June 2024)', () =>
      given(pre)
        .when(notice('2024-06-14', '2024-06-20'))
        .then([posted('2024-06-14', '2024-06-20', 5)]));

    it('refuses a notice in a year without a calendar: a clear error, never a guess', () => {
      given(toNotice('2024-12-30'))
        .when(notice('2024-12-30', '2025-01-06', { '2024': CALENDAR['2024'] }))
        .thenRefuses('WORK_CALENDAR_MISSING');
      given(pre)
        .when(cmd('PostPublicNotice', { from: '2024-06-04', to: '2024-06-11' }))
        .thenRefuses('WORK_CALENDAR_MISSING');
    });

    it('counts across the new year with both calendars (Mon 30 Dec 2024 → Mon 6 Jan 2025)', () =>
      given(toNotice('2024-12-30'))
        .when(notice('2024-12-30', '2025-01-06'))
        .then([posted('2024-12-30', '2025-01-06', 5)]));

    it('refuses a notice that ends before it starts', () =>
      given(pre).when(notice('2024-06-11', '2024-06-04')).thenRefuses('STEP_DATE_INVALID'));

    it('refuses the vote without a public notice (PUBLIC_NOTICE_REQUIRED)', () =>
      given(pre)
        .when(vote(25, 22, 20))
        .thenRefuses('PUBLIC_NOTICE_REQUIRED'));

    it('refuses the vote while the notice still runs', () =>
      given(through('PublicNoticePosted'))
        .when(vote(25, 22, 20, 0, 0, '2024-06-11'))
        .thenRefuses('PUBLIC_NOTICE_NOT_ENDED'));
  });

  describe('branch vote (细则 art. 27)', () => {
    const noticed = through('PublicNoticePosted');

    it('records a vote where yes is not more than half of those entitled: the member stays a development target', () => {
      given(noticed)
        .when(vote(25, 22, 12, 10))
        .then([failed(25, 22, 12, 10)]);
      given(noticed)
        .when(vote(24, 24, 12, 12))
        .then([failed(24, 24, 12, 12)]);
    });

    it('lets a later vote pass after a failed one', () => {
      const later = {
        ...voted(25, 20, 16),
        data: {
          ...voted(25, 20, 16).data,
          on: '2024-07-01',
          probationEndsOn: '2025-07-01',
          approvalDueOn: '2024-10-01',
        },
      } as MemberEvent;
      given([...noticed, failed(25, 22, 12, 10)])
        .when(vote(25, 20, 16, 0, 0, '2024-07-01'))
        .then([later]);
    });

    it('refuses the approval after a failed vote only (BRANCH_VOTE_REQUIRED)', () =>
      given([...noticed, failed(25, 22, 12, 10)])
        .when(cmd('ApproveAdmission', { on: '2024-06-20', by: COMMITTEE, ...authority }))
        .thenRefuses('BRANCH_VOTE_REQUIRED'));

    it('refuses a meeting with half or fewer of those entitled present: no quorum', () => {
      given(noticed)
        .when(vote(25, 12, 13))
        .thenRefuses('BRANCH_MEETING_NO_QUORUM');
      given(noticed)
        .when(vote(24, 12, 13))
        .thenRefuses('BRANCH_MEETING_NO_QUORUM');
    });

    it('accepts a meeting with just over half present, counting written votes of the absent', () =>
      given(noticed)
        .when(vote(25, 13, 16, 2))
        .then([voted(25, 13, 16, 2)]));

    it('passes with yes votes just over half of the eligible voters', () =>
      given(noticed)
        .when(vote(25, 20, 13, 10, 2))
        .then([voted(25, 20, 13, 10, 2)]));

    it('refuses a vote without the number present', () =>
      given(noticed)
        .when(
          cmd('HoldBranchVote', { on: '2024-06-17', eligibleVoters: 25, yesVotes: 20 } as never),
        )
        .thenRefuses('REQUIRED_FIELD_MISSING'));

    it('refuses inconsistent counts', () => {
      given(noticed)
        .when(vote(25, 22, 20, 5, 1))
        .thenRefuses('VOTE_COUNTS_INVALID');
      given(noticed)
        .when(vote(0, 0, 0))
        .thenRefuses('VOTE_COUNTS_INVALID');
      given(noticed)
        .when(vote(25, 22, -1))
        .thenRefuses('VOTE_COUNTS_INVALID');
      given(noticed)
        .when(vote(25, 26, 20))
        .thenRefuses('VOTE_COUNTS_INVALID');
    });

    it('flags a vote later than one month after the pre-review', () =>
      given(noticed)
        .when(vote(25, 22, 20, 0, 0, '2024-07-04'))
        .then([
          {
            ...voted(25, 22, 20),
            data: {
              ...voted(25, 22, 20).data,
              on: '2024-07-04',
              probationEndsOn: '2025-07-04',
              approvalDueOn: '2024-10-04',
              late: true,
            },
          } as MemberEvent,
        ]));

    it('refuses a second vote once one passed', () =>
      given(through('BranchVoteHeld'))
        .when(vote(25, 22, 20))
        .thenRefuses('STEP_ALREADY_RECORDED'));
  });

  describe('approval (细则 art. 30)', () => {
    const conversed = through('ApprovalConversationHeld');
    const approve = (
      on: string,
      fields: { by?: string; delayReason?: string; authorizedCommitteeId?: string } = {},
    ) => cmd('ApproveAdmission', { on, by: COMMITTEE, ...authority, ...fields });
    const approved = (on: string, late: boolean, delayReason?: string): MemberEvent => ({
      type: 'AdmissionApproved',
      data: {
        ...ref,
        on,
        by: COMMITTEE,
        ...(delayReason !== undefined && { delayReason }),
        probationStartsOn: '2024-06-17',
        probationEndsOn: '2025-06-17',
        dueOn: '2024-09-17',
        late,
      },
    });

    it('refuses approval before the vote (BRANCH_VOTE_REQUIRED)', () =>
      given(through('PublicNoticePosted'))
        .when(approve('2024-06-20'))
        .thenRefuses('BRANCH_VOTE_REQUIRED'));

    it('refuses approval without the conversation (谈话) first', () =>
      given(through('BranchVoteHeld'))
        .when(approve('2024-07-15'))
        .thenRefuses('APPROVAL_CONVERSATION_REQUIRED'));

    it('refuses the conversation before a passed vote, and a second one', () => {
      given(through('PublicNoticePosted'))
        .when(cmd('HoldApprovalConversation', { on: '2024-06-20', by: '组织员' }))
        .thenRefuses('BRANCH_VOTE_REQUIRED');
      given(conversed)
        .when(cmd('HoldApprovalConversation', { on: '2024-07-06', by: '组织员' }))
        .thenRefuses('STEP_ALREADY_RECORDED');
    });

    it('refuses approval by a committee without authority over the branch', () =>
      given(conversed)
        .when(approve('2024-07-15', { by: 'town-T02' }))
        .thenRefuses('APPROVAL_AUTHORITY_INVALID'));

    it('refuses approval when the branch has no committee above it', () =>
      given(conversed)
        .when(cmd('ApproveAdmission', { on: '2024-07-15', by: COMMITTEE }))
        .thenRefuses('APPROVAL_AUTHORITY_INVALID'));

    it('keeps a reason given for an approval within 3 months', () =>
      given(conversed)
        .when(approve('2024-09-01', { delayReason: '党委换届' }))
        .then([approved('2024-09-01', false, '党委换届')]));

    it('accepts the approval on the last day of the 3 months', () =>
      given(conversed)
        .when(approve('2024-09-17'))
        .then([approved('2024-09-17', false)]));

    it('refuses an approval after 3 months without a recorded reason', () =>
      given(conversed).when(approve('2024-09-18')).thenRefuses('APPROVAL_DELAY_REASON_REQUIRED'));

    it('accepts an approval up to 6 months after the vote with the reason recorded', () =>
      given(conversed)
        .when(approve('2024-12-17', { delayReason: '党委换届' }))
        .then([approved('2024-12-17', true, '党委换届')]));

    it('refuses an approval more than 6 months after the vote, even with a reason', () =>
      given(conversed)
        .when(approve('2024-12-18', { delayReason: '党委换届' }))
        .thenRefuses('APPROVAL_TOO_LATE'));

    it('refuses a transfer between the vote and the approval', () =>
      given(through('BranchVoteHeld'))
        .when(cmd('TransferMember', { on: '2024-06-20', toOrganizationId: 'br-02' }))
        .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));
  });
});
