import {
  ActivistDesignationMethod,
  ActivistReviewResult,
  FilingSubject,
  PersonData,
} from './member.commands';

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
  {
    appliedOn: string;
    person: PersonData;
    dualCultivation: boolean;
    interviewDueOn: string;
    /** The pairing that cultivates the member (结对培养), when one was named. */
    pairingId?: string;
  }
>;
export type ApplicantInterviewed = Ev<
  'ApplicantInterviewed',
  { on: string; by?: string } & Deadline
>;
export type ActivistDesignated = Ev<
  'ActivistDesignated',
  {
    on: string;
    method: ActivistDesignationMethod;
    resolutionRef: string;
    nextReviewDueOn: string;
    /** The cultivating pairing named on application: this activist is its delivery. */
    pairingId?: string;
  }
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
/**
 * totalHours: training so far in hours, a day counting 8 hours (3 days = 24 hours).
 * concentrated (wave 2): this one session is a concentrated training of ≥ 3 days or ≥ 24 hours,
 * the only kind that counts for the pre-review (sessions do not add up). Events stored before
 * it lack the field; the fold derives it from the session's own days and hours.
 */
export type TrainingCompleted = Ev<
  'TrainingCompleted',
  {
    on: string;
    days?: number;
    hours?: number;
    totalHours: number;
    organizer?: string;
    concentrated?: boolean;
  }
>;
export type PreReviewCompleted = Ev<
  'PreReviewCompleted',
  { on: string; by?: string; voteDueOn: string }
>;
/**
 * workingDays: counted on the official calendar when countedOn is `official_calendar` (wave 2);
 * events stored before it counted Monday to Friday.
 */
export type PublicNoticePosted = Ev<
  'PublicNoticePosted',
  { from: string; to: string; workingDays: number; countedOn?: 'official_calendar' }
>;
/** A vote that passed (a failed one is BranchVoteFailed). dueOn: 1 month after pre-review. */
export type BranchVoteHeld = Ev<
  'BranchVoteHeld',
  {
    on: string;
    eligibleVoters: number;
    /** Members present (wave 2; absent on events stored before). */
    present?: number;
    yesVotes: number;
    noVotes: number;
    abstentions: number;
    passed: true;
    probationEndsOn: string;
    approvalDueOn: string;
  } & Deadline
>;
/** The tallies of a branch meeting that was valid (quorum) but did not pass. */
type FailedVote = {
  on: string;
  eligibleVoters: number;
  present: number;
  yesVotes: number;
  noVotes: number;
  abstentions: number;
  passed: false;
};
/** A valid branch meeting that did not admit: recorded, the member stays a development target. */
export type BranchVoteFailed = Ev<'BranchVoteFailed', FailedVote & Deadline>;
/** 谈话 before the approval; `by` names who held it. */
export type ApprovalConversationHeld = Ev<'ApprovalConversationHeld', { on: string; by: string }>;
/**
 * Probation runs from the vote (probationStartsOn) for one year. `by`: the approving committee's
 * organization id (wave 2; free text on events stored before). `delayReason`: why later than 3
 * months after the vote.
 */
export type AdmissionApproved = Ev<
  'AdmissionApproved',
  {
    on: string;
    by?: string;
    delayReason?: string;
    probationStartsOn: string;
    probationEndsOn: string;
  } & Deadline
>;
/** 备案: `by` is the upper committee's organization id. */
export type FilingRecorded = Ev<'FilingRecorded', { on: string; of: FilingSubject; by: string }>;
export type FullMembershipApplied = Ev<'FullMembershipApplied', { on: string }>;
/**
 * The branch meeting on 转正 passed; approvalDueOn: 3 months later. dueOn: 1 month after the
 * end of probation.
 */
export type FullMembershipVoteHeld = Ev<
  'FullMembershipVoteHeld',
  Omit<FailedVote, 'passed'> & { passed: true; approvalDueOn: string } & Deadline
>;
export type FullMembershipVoteFailed = Ev<'FullMembershipVoteFailed', FailedVote & Deadline>;
/**
 * The committee approved 转正 (`by`: its organization id); fullMemberSince is the end of
 * probation, whatever the approval date.
 */
export type FullMembershipApproved = Ev<
  'FullMembershipApproved',
  { on: string; by: string; voteOn: string; fullMemberSince: string } & Deadline
>;
export type ProbationExtensionApproved = Ev<
  'ProbationExtensionApproved',
  { on: string; by: string; probationEndsOn: string } & Deadline
>;
export type OathTaken = Ev<'OathTaken', { on: string }>;
/** fullMemberSince: the end of probation (党龄 counts from it), whatever the approval date. */
export type FullMembershipGranted = Ev<
  'FullMembershipGranted',
  { on: string; voteOn?: string; fullMemberSince: string }
>;
/** The branch's decision; approvalDueOn (wave 2): the committee approves it within 3 months. */
export type ProbationExtended = Ev<
  'ProbationExtended',
  {
    on: string;
    months: number;
    previousProbationEndsOn: string;
    probationEndsOn: string;
    approvalDueOn?: string;
  }
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
  | BranchVoteFailed
  | ApprovalConversationHeld
  | AdmissionApproved
  | FilingRecorded
  | OathTaken
  | FullMembershipApplied
  | FullMembershipVoteHeld
  | FullMembershipVoteFailed
  | FullMembershipApproved
  | FullMembershipGranted
  | ProbationExtended
  | ProbationExtensionApproved
  | ProbationCancelled
  | MembershipWithdrawn
  | MemberTransferred;
