import type { PairingSummary } from '../pairing/pairing.summary';
import { Command } from '../shared/decider';
import { OfficialCalendar } from '../shared/official-calendar';

/**
 * Personal data as the decider sees it: identity number and phone arrive ALREADY ENCRYPTED
 * (opaque strings); the domain never handles them in clear.
 */
export type PersonData = {
  name: string;
  gender: string;
  birthDate: string;
  education: string;
  idNumberCipher?: string;
  phoneCipher?: string;
  occupation?: string;
  migrantWorker?: boolean;
};

export type ActivistDesignationMethod = 'member_recommendation' | 'mass_org_recommendation';
export type ActivistReviewResult = 'satisfactory' | 'unsatisfactory';

/** What a filing (备案) reports to the upper committee. */
export type FilingSubject = 'activist' | 'development_target';
export const FILING_SUBJECTS = [
  'activist',
  'development_target',
] as const satisfies readonly FilingSubject[];

/**
 * The Party committee with authority over the member's branch (its parent 党委 in the
 * organization tree), as the handler found it; absent when the branch has none registered.
 * Approvals and filings name it in `by` (an organization id).
 */
export type ApprovalAuthority = { authorizedCommitteeId?: string };

/** A branch meeting's vote (支部大会): written votes of absent members count in the tallies. */
export type MeetingVote = {
  /** Members entitled to vote (有表决权的正式党员). */
  eligibleVoters: number;
  /** Of them, present at the meeting: the meeting is valid only with more than half. */
  present: number;
  yesVotes: number;
  noVotes?: number;
  abstentions?: number;
};

/** A step of the procedure on an existing member, on a business date. */
type Step<Fields = unknown> = { memberId: string; on: string } & Fields;

export type ApplyForMembership = Command<
  'ApplyForMembership',
  {
    memberId: string;
    organizationId: string;
    appliedOn: string;
    person: PersonData;
    /** With person.migrantWorker: dual cultivation, organizationId leads, this one partners. */
    partnerOrganizationId?: string;
    /** The pairing that cultivates the member (its village is organizationId), as loaded. */
    cultivatingPairing?: PairingSummary;
  }
>;
export type InterviewApplicant = Command<'InterviewApplicant', Step<{ by?: string }>>;
export type DesignateActivist = Command<
  'DesignateActivist',
  Step<{ method: ActivistDesignationMethod; resolutionRef: string }>
>;
export type AssignCultivationContacts = Command<
  'AssignCultivationContacts',
  Step<{ contacts: string[] }>
>;
export type ReviewActivist = Command<
  'ReviewActivist',
  Step<{ result: ActivistReviewResult; note?: string }>
>;
export type DesignateDevelopmentTarget = Command<
  'DesignateDevelopmentTarget',
  Step<{ resolutionRef: string }>
>;
export type AssignSponsors = Command<'AssignSponsors', Step<{ sponsors: string[] }>>;
export type RecordPoliticalReview = Command<'RecordPoliticalReview', Step<{ passed: boolean }>>;
/** One concentrated training (集中培训) session: days or class hours, and who organized it. */
export type RecordTraining = Command<
  'RecordTraining',
  Step<{ days?: number; hours?: number; organizer: string }>
>;
export type PreReviewDevelopmentTarget = Command<
  'PreReviewDevelopmentTarget',
  Step<{ by?: string }>
>;
/**
 * The only step without `on`: the notice runs from `from` to `to`, both inclusive. `calendar`
 * holds the official calendar of (at least) the years the notice touches; the handler resolves
 * it, the decider never guesses a missing year.
 */
export type PostPublicNotice = Command<
  'PostPublicNotice',
  { memberId: string; from: string; to: string; calendar?: OfficialCalendar }
>;
export type HoldBranchVote = Command<'HoldBranchVote', Step<MeetingVote>>;
/** 谈话: a committee member or organizer talks with the candidate before the approval. */
export type HoldApprovalConversation = Command<'HoldApprovalConversation', Step<{ by: string }>>;
/** `by`: the approving committee's organization id; `delayReason` past 3 months (up to 6). */
export type ApproveAdmission = Command<
  'ApproveAdmission',
  Step<{ by: string; delayReason?: string } & ApprovalAuthority>
>;
/** 备案: the designation as activist or development target filed with the upper committee. */
export type RecordFiling = Command<
  'RecordFiling',
  Step<{ of: FilingSubject; by: string } & ApprovalAuthority>
>;
/** 转正申请: the probationary member's written application. */
export type ApplyForFullMembership = Command<'ApplyForFullMembership', Step>;
export type HoldFullMembershipVote = Command<'HoldFullMembershipVote', Step<MeetingVote>>;
export type ApproveFullMembership = Command<
  'ApproveFullMembership',
  Step<{ by: string } & ApprovalAuthority>
>;
export type ApproveProbationExtension = Command<
  'ApproveProbationExtension',
  Step<{ by: string } & ApprovalAuthority>
>;
export type TakeOath = Command<'TakeOath', Step>;
export type GrantFullMembership = Command<'GrantFullMembership', Step<{ voteOn?: string }>>;
export type ExtendProbation = Command<'ExtendProbation', Step<{ months: number }>>;
export type CancelProbation = Command<'CancelProbation', Step<{ reason: string }>>;
export type WithdrawFromDevelopment = Command<'WithdrawFromDevelopment', Step<{ reason: string }>>;
export type TransferMember = Command<'TransferMember', Step<{ toOrganizationId: string }>>;

export type MemberStepCommand =
  | InterviewApplicant
  | DesignateActivist
  | AssignCultivationContacts
  | ReviewActivist
  | DesignateDevelopmentTarget
  | AssignSponsors
  | RecordPoliticalReview
  | RecordTraining
  | PreReviewDevelopmentTarget
  | PostPublicNotice
  | HoldBranchVote
  | HoldApprovalConversation
  | ApproveAdmission
  | RecordFiling
  | TakeOath
  | ApplyForFullMembership
  | HoldFullMembershipVote
  | ApproveFullMembership
  | GrantFullMembership
  | ExtendProbation
  | ApproveProbationExtension
  | CancelProbation
  | WithdrawFromDevelopment
  | TransferMember;

export type MemberCommand = ApplyForMembership | MemberStepCommand;
