import {
  approvalDueOn,
  probationEndsOn,
  PUBLIC_NOTICE_MIN_WORKING_DAYS,
  publicNoticeWorkingDays,
  SPONSORS_COUNT,
  targetPhase,
  trainingHoursOf,
  trainingSufficient,
  voteDueOn,
} from './development-rules';
import {
  AssignSponsors,
  HoldBranchVote,
  PostPublicNotice,
  PreReviewDevelopmentTarget,
  RecordPoliticalReview,
  RecordTraining,
} from './member.commands';
import { MemberEvent } from './member.events';
import {
  alreadyRecorded,
  beginStep,
  distinctNames,
  memberRef,
  notAllowed,
  requireDate,
  requireMember,
  requireStepDate,
  requireText,
} from './member.guards';
import { meetingResult } from './meeting-vote.guards';
import { MemberState } from './member.state';
import { membershipError } from './membership.errors';

export function assignSponsors(command: AssignSponsors, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'assign_sponsors', command);
  if (targetPhase(m) === 'voted') notAllowed(m, 'assign_sponsors', 'sponsors are fixed once voted');
  const { on, sponsors } = command.data;
  if (!distinctNames(sponsors) || sponsors.length !== SPONSORS_COUNT) {
    throw membershipError('SPONSORS_COUNT_INVALID', 'a development target has exactly 2 sponsors', {
      sponsors,
    });
  }
  return [{ type: 'SponsorsAssigned', data: { ...memberRef(m), on, sponsors } }];
}

/** A failed political review ends the procedure (stage `rejected`). */
export function recordPoliticalReview(
  command: RecordPoliticalReview,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'political_review', command);
  if (targetPhase(m) !== 'designated') notAllowed(m, 'political_review', 'already pre-reviewed');
  if (m.politicalReview?.passed) alreadyRecorded('political_review');
  const { on, passed } = command.data;
  if (typeof passed !== 'boolean') {
    throw membershipError('INVALID_FIELD_VALUE', 'passed must be true or false', {
      field: 'passed',
    });
  }
  const events: MemberEvent[] = [
    { type: 'PoliticalReviewCompleted', data: { ...memberRef(m), on, passed } },
  ];
  if (!passed) {
    events.push({
      type: 'MembershipRejected',
      data: { ...memberRef(m), on, reason: 'political_review_failed' },
    });
  }
  return events;
}

/**
 * One concentrated training session (集中培训, 细则 art. 21): ≥ 3 days or ≥ 24 class hours on its
 * own. Shorter sessions are recorded but never add up to one.
 */
export function recordTraining(command: RecordTraining, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'training', command);
  if (targetPhase(m) !== 'designated') notAllowed(m, 'training', 'already pre-reviewed');
  const { on, days, hours, organizer } = command.data;
  const valid = (n: number | undefined) => n === undefined || (Number.isFinite(n) && n >= 0);
  const sessionHours = valid(days) && valid(hours) ? trainingHoursOf(days, hours) : 0;
  if (sessionHours <= 0) {
    throw membershipError('TRAINING_DURATION_INVALID', 'training needs days or hours (> 0)', {
      days,
      hours,
    });
  }
  requireText('organizer', organizer);
  return [
    {
      type: 'TrainingCompleted',
      data: {
        ...memberRef(m),
        on,
        ...(days !== undefined && { days }),
        ...(hours !== undefined && { hours }),
        totalHours: m.trainingHours + sessionHours,
        organizer,
        concentrated: trainingSufficient(sessionHours),
      },
    },
  ];
}

export function preReview(command: PreReviewDevelopmentTarget, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'pre_review', command);
  if (targetPhase(m) !== 'designated') alreadyRecorded('pre_review');
  if (!m.politicalReview?.passed) {
    throw membershipError('POLITICAL_REVIEW_REQUIRED', 'a passed political review must come first');
  }
  if (!m.concentratedTraining) {
    throw membershipError(
      'TRAINING_INSUFFICIENT',
      'one concentrated training of at least 3 days or 24 class hours must come first (sessions do not add up)',
      { trainingHours: m.trainingHours },
    );
  }
  const { on, by } = command.data;
  return [
    {
      type: 'PreReviewCompleted',
      data: { ...memberRef(m), on, ...(by !== undefined && { by }), voteDueOn: voteDueOn(on) },
    },
  ];
}

export function postPublicNotice(command: PostPublicNotice, state: MemberState): MemberEvent[] {
  const m = requireMember(state, command.data.memberId);
  if (m.stage !== 'development_target') notAllowed(m, 'public_notice');
  const phase = targetPhase(m);
  if (phase === 'designated') {
    throw membershipError('PRE_REVIEW_REQUIRED', 'the public notice follows the pre-review');
  }
  if (phase !== 'pre_reviewed') alreadyRecorded('public_notice');
  const { from, to, calendar } = command.data;
  requireDate('to', to);
  requireStepDate(m, 'from', from, command.context.today);
  if (to < from) {
    throw membershipError('STEP_DATE_INVALID', 'the notice ends before it starts', { from, to });
  }
  const counted = publicNoticeWorkingDays(from, to, calendar);
  if (!counted.ok) {
    throw membershipError(
      'WORK_CALENDAR_MISSING',
      `no official working-day calendar for ${counted.missingYears.join(', ')}: working days cannot be counted`,
      { from, to, missingYears: counted.missingYears },
    );
  }
  const { workingDays } = counted;
  if (workingDays < PUBLIC_NOTICE_MIN_WORKING_DAYS) {
    throw membershipError(
      'PUBLIC_NOTICE_TOO_SHORT',
      'a public notice runs at least 5 working days on the official calendar',
      { from, to, workingDays },
    );
  }
  return [
    {
      type: 'PublicNoticePosted',
      data: { ...memberRef(m), from, to, workingDays, countedOn: 'official_calendar' },
    },
  ];
}

/**
 * 支部大会: a valid meeting (quorum) is recorded whether it passes or not; one that does not pass
 * leaves the member a development target, and a later meeting may vote again.
 */
export function holdBranchVote(command: HoldBranchVote, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'branch_vote', command);
  const phase = targetPhase(m);
  if (phase === 'voted') alreadyRecorded('branch_vote');
  if (phase !== 'noticed' || !m.publicNotice) {
    throw membershipError('PUBLIC_NOTICE_REQUIRED', 'the vote follows a public notice');
  }
  const { on } = command.data;
  if (on <= m.publicNotice.to) {
    throw membershipError(
      'PUBLIC_NOTICE_NOT_ENDED',
      `the public notice runs until ${m.publicNotice.to}`,
      { noticeEndsOn: m.publicNotice.to, on },
    );
  }
  if (m.sponsors.length !== SPONSORS_COUNT) {
    throw membershipError('SPONSORS_REQUIRED', 'two sponsors must be assigned before the vote');
  }
  const { passed, ...result } = meetingResult(command.data);
  const dueOn = voteDueOn(m.preReviewOn as string);
  const deadline = { dueOn, late: on > dueOn };
  if (!passed) {
    return [
      { type: 'BranchVoteFailed', data: { ...memberRef(m), on, ...result, passed, ...deadline } },
    ];
  }
  return [
    {
      type: 'BranchVoteHeld',
      data: {
        ...memberRef(m),
        on,
        ...result,
        passed,
        probationEndsOn: probationEndsOn(on),
        approvalDueOn: approvalDueOn(on),
        ...deadline,
      },
    },
  ];
}
