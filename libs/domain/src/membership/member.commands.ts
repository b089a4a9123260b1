import { Command } from '../shared/decider';

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
export type RecordTraining = Command<'RecordTraining', Step<{ days?: number; hours?: number }>>;
export type PreReviewDevelopmentTarget = Command<
  'PreReviewDevelopmentTarget',
  Step<{ by?: string }>
>;
/** The only step without `on`: the notice runs from `from` to `to`, both inclusive. */
export type PostPublicNotice = Command<
  'PostPublicNotice',
  { memberId: string; from: string; to: string }
>;
export type HoldBranchVote = Command<
  'HoldBranchVote',
  Step<{ eligibleVoters: number; yesVotes: number; noVotes?: number; abstentions?: number }>
>;
export type ApproveAdmission = Command<'ApproveAdmission', Step<{ by?: string }>>;
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
  | ApproveAdmission
  | TakeOath
  | GrantFullMembership
  | ExtendProbation
  | CancelProbation
  | WithdrawFromDevelopment
  | TransferMember;

export type MemberCommand = ApplyForMembership | MemberStepCommand;
