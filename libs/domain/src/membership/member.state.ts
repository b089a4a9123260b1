import { ActivistReviewResult, FilingSubject, PersonData } from './member.commands';
import { MemberStep } from './member.steps';

export const MEMBER_STAGES = [
  'applicant',
  'activist',
  'development_target',
  'probationary',
  'full_member',
  'withdrawn',
  'rejected',
  'cancelled',
] as const;
export type MemberStage = (typeof MEMBER_STAGES)[number];

export type Member = {
  stage: MemberStage;
  memberId: string;
  organizationId: string;
  partnerOrganizationId?: string;
  /** The pairing that cultivates the member (结对培养), when named on application. */
  pairingId?: string;
  dualCultivation: boolean;
  person: PersonData;
  appliedOn: string;
  /** Date of the latest step; no step may be dated before it. */
  lastStepOn: string;
  history: { step: MemberStep | 'apply'; on: string }[];
  interviewedOn?: string;
  /** Kept across transfers: cultivation time carries over. */
  activistSince?: string;
  lastActivistReview?: { on: string; result: ActivistReviewResult };
  /**
   * Every half-yearly review (考察) as activist, in order. This and the other lists added with
   * the 2014 procedure are optional: a state saved before them (a read model's document) folds on.
   */
  activistReviews?: { on: string; result: ActivistReviewResult }[];
  /** 备案 with the upper committee, by subject. */
  filings?: { of: FilingSubject; on: string; by: string }[];
  contacts: string[];
  developmentTargetSince?: string;
  sponsors: string[];
  politicalReview?: { on: string; passed: boolean };
  /** Training so far, in hours (a day counts 8). */
  trainingHours: number;
  /** The first concentrated training session (≥ 3 days or ≥ 24 hours on its own). */
  concentratedTraining?: { on: string; hours: number; organizer?: string };
  preReviewOn?: string;
  publicNotice?: { from: string; to: string };
  /** The branch vote that passed. */
  vote?: { on: string; eligibleVoters: number; yesVotes: number };
  /** Valid meetings that did not pass, in order. */
  failedVotes?: { on: string }[];
  approvalConversationOn?: string;
  approvedOn?: string;
  probationEndsOn?: string;
  probationExtendedMonths?: number;
  /** The extension decided by the branch, and its approval by the committee. */
  probationExtension?: { on: string; approvedOn?: string };
  oathOn?: string;
  /** 转正 as a procedure: application, branch vote, approval (reset by an extension). */
  fullMembership?: { appliedOn: string; voteOn?: string; failedVotes: number };
  fullMemberSince?: string;
  /** Why and when the procedure ended (withdrawn, rejected, cancelled). */
  ended?: { on: string; reason: string };
};

export type MemberState = { stage: 'none' } | Member;

export const initialMemberState = (): MemberState => ({ stage: 'none' });
