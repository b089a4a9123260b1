import { MemberStepCommand } from './member.commands';
import { MemberEvent } from './member.events';

/** The `step` values of `POST /members/{id}/steps` (API.md), in procedure order. */
export const MEMBER_STEPS = [
  'interview',
  'designate_activist',
  'assign_contacts',
  'review_activist',
  'designate_target',
  'record_filing',
  'assign_sponsors',
  'political_review',
  'training',
  'pre_review',
  'public_notice',
  'branch_vote',
  'approval_conversation',
  'approve_admission',
  'oath',
  'apply_full_membership',
  'full_membership_vote',
  'approve_full_membership',
  'grant_full_membership',
  'extend_probation',
  'approve_probation_extension',
  'cancel_probation',
  'withdraw',
  'transfer',
] as const;
export type MemberStep = (typeof MEMBER_STEPS)[number];

/** API step → command type. The command data is `{ memberId, ...stepFields }`. */
export const MEMBER_STEP_COMMANDS = {
  interview: 'InterviewApplicant',
  designate_activist: 'DesignateActivist',
  assign_contacts: 'AssignCultivationContacts',
  review_activist: 'ReviewActivist',
  designate_target: 'DesignateDevelopmentTarget',
  assign_sponsors: 'AssignSponsors',
  political_review: 'RecordPoliticalReview',
  training: 'RecordTraining',
  pre_review: 'PreReviewDevelopmentTarget',
  public_notice: 'PostPublicNotice',
  branch_vote: 'HoldBranchVote',
  approval_conversation: 'HoldApprovalConversation',
  approve_admission: 'ApproveAdmission',
  record_filing: 'RecordFiling',
  oath: 'TakeOath',
  apply_full_membership: 'ApplyForFullMembership',
  full_membership_vote: 'HoldFullMembershipVote',
  approve_full_membership: 'ApproveFullMembership',
  grant_full_membership: 'GrantFullMembership',
  extend_probation: 'ExtendProbation',
  approve_probation_extension: 'ApproveProbationExtension',
  cancel_probation: 'CancelProbation',
  withdraw: 'WithdrawFromDevelopment',
  transfer: 'TransferMember',
} as const satisfies Record<MemberStep, MemberStepCommand['type']>;

/** Event type → the history entry it makes (`apply` for the application, null for none). */
export const MEMBER_EVENT_STEPS = {
  MembershipApplied: 'apply',
  ApplicantInterviewed: 'interview',
  ActivistDesignated: 'designate_activist',
  CultivationContactsAssigned: 'assign_contacts',
  ActivistReviewed: 'review_activist',
  DevelopmentTargetDesignated: 'designate_target',
  SponsorsAssigned: 'assign_sponsors',
  PoliticalReviewCompleted: 'political_review',
  MembershipRejected: null,
  TrainingCompleted: 'training',
  PreReviewCompleted: 'pre_review',
  PublicNoticePosted: 'public_notice',
  BranchVoteHeld: 'branch_vote',
  BranchVoteFailed: 'branch_vote',
  ApprovalConversationHeld: 'approval_conversation',
  AdmissionApproved: 'approve_admission',
  FilingRecorded: 'record_filing',
  OathTaken: 'oath',
  FullMembershipApplied: 'apply_full_membership',
  FullMembershipVoteHeld: 'full_membership_vote',
  FullMembershipVoteFailed: 'full_membership_vote',
  FullMembershipApproved: 'approve_full_membership',
  FullMembershipGranted: 'grant_full_membership',
  ProbationExtended: 'extend_probation',
  ProbationExtensionApproved: 'approve_probation_extension',
  ProbationCancelled: 'cancel_probation',
  MembershipWithdrawn: 'withdraw',
  MemberTransferred: 'transfer',
} as const satisfies Record<MemberEvent['type'], MemberStep | 'apply' | null>;

/** The result each vote event records: a valid meeting that did not pass is a *Failed event. */
export const VOTE_PASSED: Readonly<Record<string, boolean>> = {
  BranchVoteHeld: true,
  BranchVoteFailed: false,
  FullMembershipVoteHeld: true,
  FullMembershipVoteFailed: false,
} satisfies Partial<Record<MemberEvent['type'], boolean>>;
