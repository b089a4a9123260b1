/**
 * The rules and deadlines of the 中国共产党发展党员工作细则 (2014), as pure functions on dates.
 * Time limits in one place; business dates are YYYY-MM-DD.
 */
import { addMonths, addYears, workingDaysInclusive } from '../shared/business-date';
import { Member, MemberStage } from './member.state';
import { MemberStep } from './member.steps';

export const MIN_APPLICANT_AGE_YEARS = 18;
export const ACTIVIST_MIN_YEARS = 1;
export const TRAINING_MIN_DAYS = 3;
export const TRAINING_MIN_HOURS = 24;
export const TRAINING_HOURS_PER_DAY = TRAINING_MIN_HOURS / TRAINING_MIN_DAYS;
export const PUBLIC_NOTICE_MIN_WORKING_DAYS = 5;
export const PROBATION_YEARS = 1;
export const PROBATION_EXTENSION_MONTHS = { min: 6, max: 12 } as const;
export const CONTACTS_COUNT = { min: 1, max: 2 } as const;
export const SPONSORS_COUNT = 2;

/** Deadlines, tracked as data (see obligations.ts), never refusals. */
export const INTERVIEW_WITHIN_MONTHS = 1;
export const ACTIVIST_REVIEW_EVERY_MONTHS = 6;
export const VOTE_WITHIN_MONTHS_OF_PRE_REVIEW = 1;
export const APPROVAL_WITHIN_MONTHS_OF_VOTE = 3;

/** The steps a stage admits at all; finer order within a stage is checked by the decider. */
export const STEPS_BY_STAGE: Record<MemberStage, readonly MemberStep[]> = {
  applicant: ['interview', 'designate_activist', 'withdraw', 'transfer'],
  activist: ['assign_contacts', 'review_activist', 'designate_target', 'withdraw', 'transfer'],
  development_target: [
    'assign_sponsors',
    'political_review',
    'training',
    'pre_review',
    'public_notice',
    'branch_vote',
    'approve_admission',
    'withdraw',
    'transfer',
  ],
  probationary: [
    'oath',
    'grant_full_membership',
    'extend_probation',
    'cancel_probation',
    'transfer',
  ],
  full_member: [],
  withdrawn: [],
  rejected: [],
  cancelled: [],
};

/** Where a development target is between designation and approval. */
export type TargetPhase = 'designated' | 'pre_reviewed' | 'noticed' | 'voted';

export function targetPhase(member: Member): TargetPhase {
  if (member.vote) return 'voted';
  if (member.publicNotice) return 'noticed';
  if (member.preReviewOn) return 'pre_reviewed';
  return 'designated';
}

export const isOfAgeOn = (birthDate: string, on: string): boolean =>
  addYears(birthDate, MIN_APPLICANT_AGE_YEARS) <= on;

/** Earliest date the activist may become a development target (≥ 1 year of cultivation). */
export const activistPeriodEndsOn = (activistSince: string): string =>
  addYears(activistSince, ACTIVIST_MIN_YEARS);

/** One training record in hours: the larger of its days (× 8) and hours, never counted twice. */
export const trainingHoursOf = (days = 0, hours = 0): number =>
  Math.max(days * TRAINING_HOURS_PER_DAY, hours);

export const trainingSufficient = (totalHours: number): boolean => totalHours >= TRAINING_MIN_HOURS;

export const publicNoticeWorkingDays = (from: string, to: string): number =>
  workingDaysInclusive(from, to);

export type VoteCount = {
  eligibleVoters: number;
  yesVotes: number;
  noVotes: number;
  abstentions: number;
};

export function voteCountsValid(v: VoteCount): boolean {
  const counts = [v.eligibleVoters, v.yesVotes, v.noVotes, v.abstentions];
  return (
    counts.every((n) => Number.isInteger(n) && n >= 0) &&
    v.eligibleVoters > 0 &&
    v.yesVotes + v.noVotes + v.abstentions <= v.eligibleVoters
  );
}

/** Passes only with more yes votes than half of the members entitled to vote. */
export const voteHasMajority = (v: VoteCount): boolean => v.yesVotes * 2 > v.eligibleVoters;

export const probationEndsOn = (voteOn: string): string => addYears(voteOn, PROBATION_YEARS);

export const extensionMonthsValid = (months: number): boolean =>
  Number.isInteger(months) &&
  months >= PROBATION_EXTENSION_MONTHS.min &&
  months <= PROBATION_EXTENSION_MONTHS.max;

export const interviewDueOn = (appliedOn: string): string =>
  addMonths(appliedOn, INTERVIEW_WITHIN_MONTHS);
export const activistReviewDueOn = (since: string): string =>
  addMonths(since, ACTIVIST_REVIEW_EVERY_MONTHS);
export const voteDueOn = (preReviewOn: string): string =>
  addMonths(preReviewOn, VOTE_WITHIN_MONTHS_OF_PRE_REVIEW);
export const approvalDueOn = (voteOn: string): string =>
  addMonths(voteOn, APPROVAL_WITHIN_MONTHS_OF_VOTE);
