/**
 * The rules and deadlines of the 中国共产党发展党员工作细则 (2014), as pure functions on dates.
 * Time limits in one place; business dates are YYYY-MM-DD.
 */
import { addMonths, addYears } from '../shared/business-date';
import {
  OfficialCalendar,
  officialWorkingDays,
  WorkingDayCount,
} from '../shared/official-calendar';
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
/** 细则 art. 30: special cases up to 6 months, with the reason recorded; later is refused. */
export const APPROVAL_AT_MOST_MONTHS_OF_VOTE = 6;
/** 细则 art. 35: the committee approves 转正 (and an extension) within 3 months. */
export const FULL_MEMBERSHIP_APPROVAL_WITHIN_MONTHS = 3;
/** The branch discusses 转正 promptly when probation ends (tracked, not refused). */
export const FULL_MEMBERSHIP_VOTE_WITHIN_MONTHS_OF_END = 1;

/** The steps a stage admits at all; finer order within a stage is checked by the decider. */
export const STEPS_BY_STAGE: Record<MemberStage, readonly MemberStep[]> = {
  applicant: ['interview', 'designate_activist', 'withdraw', 'transfer'],
  activist: [
    'assign_contacts',
    'review_activist',
    'designate_target',
    'record_filing',
    'withdraw',
    'transfer',
  ],
  development_target: [
    'assign_sponsors',
    'political_review',
    'training',
    'pre_review',
    'public_notice',
    'branch_vote',
    'approval_conversation',
    'approve_admission',
    'record_filing',
    'withdraw',
    'transfer',
  ],
  probationary: [
    'oath',
    'apply_full_membership',
    'full_membership_vote',
    'approve_full_membership',
    'grant_full_membership',
    'extend_probation',
    'approve_probation_extension',
    'cancel_probation',
    'record_filing',
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

/**
 * 细则 art. 14: an activist is reviewed (考察) every half-year, so designation needs at least as
 * many reviews during the activist period as it has complete half-years (two for the year it
 * lasts at least). A review made late still counts for its half-year: a late review is flagged
 * (`late`) but never leaves a member stuck.
 */
export function activistReviewsRequired(activistSince: string, on: string): number {
  let halfYears = 0;
  while (addMonths(activistSince, (halfYears + 1) * ACTIVIST_REVIEW_EVERY_MONTHS) <= on)
    halfYears++;
  return halfYears;
}

/** One training record in hours: the larger of its days (× 8) and hours, never counted twice. */
export const trainingHoursOf = (days = 0, hours = 0): number =>
  Math.max(days * TRAINING_HOURS_PER_DAY, hours);

export const trainingSufficient = (totalHours: number): boolean => totalHours >= TRAINING_MIN_HOURS;

/** Working days of a notice on the official calendar (holidays off, 调休 make-up days on). */
export const publicNoticeWorkingDays = (
  from: string,
  to: string,
  calendar: OfficialCalendar | undefined,
): WorkingDayCount => officialWorkingDays(from, to, calendar);

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

/** 细则 art. 27: the meeting is valid only with more than half of those entitled present. */
export const meetingHasQuorum = (eligibleVoters: number, present: number): boolean =>
  present * 2 > eligibleVoters;

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
export const approvalLatestOn = (voteOn: string): string =>
  addMonths(voteOn, APPROVAL_AT_MOST_MONTHS_OF_VOTE);
export const fullMembershipApprovalDueOn = (voteOn: string): string =>
  addMonths(voteOn, FULL_MEMBERSHIP_APPROVAL_WITHIN_MONTHS);
export const fullMembershipVoteDueOn = (probationEndsOn: string): string =>
  addMonths(probationEndsOn, FULL_MEMBERSHIP_VOTE_WITHIN_MONTHS_OF_END);
