import { ActivistReviewResult, PersonData } from './member.commands';
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
  contacts: string[];
  developmentTargetSince?: string;
  sponsors: string[];
  politicalReview?: { on: string; passed: boolean };
  /** Training so far, in hours (a day counts 8). */
  trainingHours: number;
  preReviewOn?: string;
  publicNotice?: { from: string; to: string };
  vote?: { on: string; eligibleVoters: number; yesVotes: number };
  approvedOn?: string;
  probationEndsOn?: string;
  probationExtendedMonths?: number;
  oathOn?: string;
  fullMemberSince?: string;
  /** Why and when the procedure ended (withdrawn, rejected, cancelled). */
  ended?: { on: string; reason: string };
};

export type MemberState = { stage: 'none' } | Member;

export const initialMemberState = (): MemberState => ({ stage: 'none' });
