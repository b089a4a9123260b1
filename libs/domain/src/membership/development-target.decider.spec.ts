import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { before, cmd, ref, through, without } from './member.spec-fixtures';

const given = specFor(memberDecider);

const training = (
  days: number | undefined,
  hours: number | undefined,
  totalHours: number,
  on = '2024-05-27',
): MemberEvent => ({
  type: 'TrainingCompleted',
  data: {
    ...ref,
    on,
    ...(days !== undefined && { days }),
    ...(hours !== undefined && { hours }),
    totalHours,
  },
});
const preReview = cmd('PreReviewDevelopmentTarget', { on: '2024-06-03' });
const preReviewed: MemberEvent = {
  type: 'PreReviewCompleted',
  data: { ...ref, on: '2024-06-03', voteDueOn: '2024-07-03' },
};
const vote = (
  eligibleVoters: number,
  yesVotes: number,
  noVotes?: number,
  abstentions?: number,
  on = '2024-06-17',
) => cmd('HoldBranchVote', { on, eligibleVoters, yesVotes, noVotes, abstentions });
const voted = (
  eligibleVoters: number,
  yesVotes: number,
  noVotes = 0,
  abstentions = 0,
): MemberEvent => ({
  type: 'BranchVoteHeld',
  data: {
    ...ref,
    on: '2024-06-17',
    eligibleVoters,
    yesVotes,
    noVotes,
    abstentions,
    passed: true,
    probationEndsOn: '2025-06-17',
    approvalDueOn: '2024-09-17',
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
        .when(vote(25, 20))
        .thenRefuses('SPONSORS_REQUIRED'));
  });

  describe('political review and training before the pre-review', () => {
    const designated = through('SponsorsAssigned');
    const reviewed = through('PoliticalReviewCompleted');

    it('refuses the pre-review without a political review', () =>
      given([...designated, training(3, undefined, 24)])
        .when(preReview)
        .thenRefuses('POLITICAL_REVIEW_REQUIRED'));

    it('refuses the pre-review with less than 3 days / 24 hours of training', () =>
      given([...reviewed, training(2, undefined, 16)])
        .when(preReview)
        .thenRefuses('TRAINING_INSUFFICIENT'));

    it('refuses the pre-review with no training at all', () =>
      given(reviewed).when(preReview).thenRefuses('TRAINING_INSUFFICIENT'));

    it('accepts 24 hours of training', () =>
      given([...reviewed, training(undefined, 24, 24)])
        .when(preReview)
        .then([preReviewed]));

    it('adds training records up (2 days + 1 day)', () => {
      given([...reviewed, training(2, undefined, 16)])
        .when(cmd('RecordTraining', { on: '2024-05-28', days: 1 }))
        .then([training(1, undefined, 24, '2024-05-28')]);
      given([...reviewed, training(2, undefined, 16), training(1, undefined, 24, '2024-05-28')])
        .when(preReview)
        .then([preReviewed]);
    });

    it('counts a record given in both days and hours once', () =>
      given(reviewed)
        .when(cmd('RecordTraining', { on: '2024-05-27', days: 2, hours: 16 }))
        .then([training(2, 16, 16)]));

    it('refuses a training without duration', () =>
      given(reviewed)
        .when(cmd('RecordTraining', { on: '2024-05-27' }))
        .thenRefuses('TRAINING_DURATION_INVALID'));

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
        .when(cmd('RecordTraining', { on: '2024-05-27', days: 3 }))
        .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE');
    });
  });

  describe('public notice', () => {
    const pre = through('PreReviewCompleted');
    const notice = (from: string, to: string) => cmd('PostPublicNotice', { from, to });
    const posted = (from: string, to: string, workingDays: number): MemberEvent => ({
      type: 'PublicNoticePosted',
      data: { ...ref, from, to, workingDays },
    });

    it('refuses a notice before the pre-review (PRE_REVIEW_REQUIRED)', () =>
      given(before('PreReviewCompleted'))
        .when(notice('2024-06-04', '2024-06-11'))
        .thenRefuses('PRE_REVIEW_REQUIRED'));

    it('refuses a notice of 4 working days', () =>
      given(pre).when(notice('2024-06-04', '2024-06-07')).thenRefuses('PUBLIC_NOTICE_TOO_SHORT'));

    it('refuses a notice of 4 working days spread over 6 calendar days (Sat → Thu)', () =>
      given(pre).when(notice('2024-06-08', '2024-06-13')).thenRefuses('PUBLIC_NOTICE_TOO_SHORT'));

    it('accepts exactly 5 working days across a weekend (Fri → Thu)', () =>
      given(pre)
        .when(notice('2024-06-07', '2024-06-13'))
        .then([posted('2024-06-07', '2024-06-13', 5)]));

    it('refuses a notice that ends before it starts', () =>
      given(pre).when(notice('2024-06-11', '2024-06-04')).thenRefuses('STEP_DATE_INVALID'));

    it('refuses the vote without a public notice (PUBLIC_NOTICE_REQUIRED)', () =>
      given(pre).when(vote(25, 20)).thenRefuses('PUBLIC_NOTICE_REQUIRED'));

    it('refuses the vote while the notice still runs', () =>
      given(through('PublicNoticePosted'))
        .when(vote(25, 20, 0, 0, '2024-06-11'))
        .thenRefuses('PUBLIC_NOTICE_NOT_ENDED'));
  });

  describe('branch vote', () => {
    const noticed = through('PublicNoticePosted');

    it('refuses when yes votes are not more than half of the eligible voters', () => {
      given(noticed)
        .when(vote(25, 12, 10, 3))
        .thenRefuses('VOTE_MAJORITY_NOT_REACHED');
      given(noticed)
        .when(vote(24, 12, 12))
        .thenRefuses('VOTE_MAJORITY_NOT_REACHED');
    });

    it('passes with yes votes just over half of the eligible voters', () =>
      given(noticed)
        .when(vote(25, 13, 10, 2))
        .then([voted(25, 13, 10, 2)]));

    it('refuses inconsistent counts', () => {
      given(noticed)
        .when(vote(25, 20, 5, 1))
        .thenRefuses('VOTE_COUNTS_INVALID');
      given(noticed).when(vote(0, 0)).thenRefuses('VOTE_COUNTS_INVALID');
      given(noticed).when(vote(25, -1)).thenRefuses('VOTE_COUNTS_INVALID');
    });

    it('flags a vote later than one month after the pre-review', () =>
      given(noticed)
        .when(vote(25, 20, 0, 0, '2024-07-04'))
        .then([
          {
            ...voted(25, 20),
            data: {
              ...voted(25, 20).data,
              on: '2024-07-04',
              probationEndsOn: '2025-07-04',
              approvalDueOn: '2024-10-04',
              late: true,
            },
          } as MemberEvent,
        ]));

    it('refuses a second vote', () =>
      given(through('BranchVoteHeld')).when(vote(25, 20)).thenRefuses('STEP_ALREADY_RECORDED'));
  });

  describe('approval', () => {
    it('refuses approval before the vote (BRANCH_VOTE_REQUIRED)', () =>
      given(through('PublicNoticePosted'))
        .when(cmd('ApproveAdmission', { on: '2024-06-20' }))
        .thenRefuses('BRANCH_VOTE_REQUIRED'));

    it('refuses a transfer between the vote and the approval', () =>
      given(through('BranchVoteHeld'))
        .when(cmd('TransferMember', { on: '2024-06-20', toOrganizationId: 'br-02' }))
        .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));

    it('flags an approval later than 3 months after the vote', () =>
      given(through('BranchVoteHeld'))
        .when(cmd('ApproveAdmission', { on: '2024-09-18' }))
        .then([
          {
            type: 'AdmissionApproved',
            data: {
              ...ref,
              on: '2024-09-18',
              probationStartsOn: '2024-06-17',
              probationEndsOn: '2025-06-17',
              dueOn: '2024-09-17',
              late: true,
            },
          },
        ]));
  });
});
