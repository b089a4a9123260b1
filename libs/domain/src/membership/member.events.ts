import { ActivistDesignationMethod, ActivistReviewResult, PersonData } from './member.commands';

/**
 * Fields every member event carries. organizationId is the organization responsible for the
 * member after the event (the lead one under dual cultivation).
 */
export type MemberRef = {
  memberId: string;
  organizationId: string;
  partnerOrganizationId?: string;
};

/** A step that fulfils a deadline says when it was due and whether it was late. */
type Deadline = { dueOn: string; late: boolean };

type Ev<T extends string, D> = { type: T; data: MemberRef & D };

export type MembershipApplied = Ev<
  'MembershipApplied',
  { appliedOn: string; person: PersonData; dualCultivation: boolean; interviewDueOn: string }
>;
export type ApplicantInterviewed = Ev<
  'ApplicantInterviewed',
  { on: string; by?: string } & Deadline
>;
export type ActivistDesignated = Ev<
  'ActivistDesignated',
  { on: string; method: ActivistDesignationMethod; resolutionRef: string; nextReviewDueOn: string }
>;
export type CultivationContactsAssigned = Ev<
  'CultivationContactsAssigned',
  { on: string; contacts: string[] }
>;
export type ActivistReviewed = Ev<
  'ActivistReviewed',
  { on: string; result: ActivistReviewResult; note?: string; nextReviewDueOn: string } & Deadline
>;
export type DevelopmentTargetDesignated = Ev<
  'DevelopmentTargetDesignated',
  { on: string; resolutionRef: string; activistSince: string }
>;
export type SponsorsAssigned = Ev<'SponsorsAssigned', { on: string; sponsors: string[] }>;
export type PoliticalReviewCompleted = Ev<
  'PoliticalReviewCompleted',
  { on: string; passed: boolean }
>;
/** Follows a failed political review: the procedure ends (stage `rejected`). */
export type MembershipRejected = Ev<
  'MembershipRejected',
  { on: string; reason: 'political_review_failed' }
>;
/** totalHours: training so far in hours, a day counting 8 hours (3 days = 24 hours). */
export type TrainingCompleted = Ev<
  'TrainingCompleted',
  { on: string; days?: number; hours?: number; totalHours: number }
>;
export type PreReviewCompleted = Ev<
  'PreReviewCompleted',
  { on: string; by?: string; voteDueOn: string }
>;
export type PublicNoticePosted = Ev<
  'PublicNoticePosted',
  { from: string; to: string; workingDays: number }
>;
/** Only passing votes are recorded (a vote without majority is refused). dueOn: 1 month after pre-review. */
export type BranchVoteHeld = Ev<
  'BranchVoteHeld',
  {
    on: string;
    eligibleVoters: number;
    yesVotes: number;
    noVotes: number;
    abstentions: number;
    passed: true;
    probationEndsOn: string;
    approvalDueOn: string;
  } & Deadline
>;
/** Probation runs from the vote (probationStartsOn) for one year. */
export type AdmissionApproved = Ev<
  'AdmissionApproved',
  { on: string; by?: string; probationStartsOn: string; probationEndsOn: string } & Deadline
>;
export type OathTaken = Ev<'OathTaken', { on: string }>;
/** fullMemberSince: the end of probation (党龄 counts from it), whatever the approval date. */
export type FullMembershipGranted = Ev<
  'FullMembershipGranted',
  { on: string; voteOn?: string; fullMemberSince: string }
>;
export type ProbationExtended = Ev<
  'ProbationExtended',
  { on: string; months: number; previousProbationEndsOn: string; probationEndsOn: string }
>;
export type ProbationCancelled = Ev<'ProbationCancelled', { on: string; reason: string }>;
export type MembershipWithdrawn = Ev<
  'MembershipWithdrawn',
  { on: string; reason: string; stage: 'applicant' | 'activist' | 'development_target' }
>;
/** organizationId is the new organization; cultivation time carries over. */
export type MemberTransferred = Ev<
  'MemberTransferred',
  { on: string; fromOrganizationId: string; toOrganizationId: string }
>;

export type MemberEvent =
  | MembershipApplied
  | ApplicantInterviewed
  | ActivistDesignated
  | CultivationContactsAssigned
  | ActivistReviewed
  | DevelopmentTargetDesignated
  | SponsorsAssigned
  | PoliticalReviewCompleted
  | MembershipRejected
  | TrainingCompleted
  | PreReviewCompleted
  | PublicNoticePosted
  | BranchVoteHeld
  | AdmissionApproved
  | OathTaken
  | FullMembershipGranted
  | ProbationExtended
  | ProbationCancelled
  | MembershipWithdrawn
  | MemberTransferred;
