import {
  approvalDueOn,
  probationEndsOn,
  PUBLIC_NOTICE_MIN_WORKING_DAYS,
  publicNoticeWorkingDays,
  SPONSORS_COUNT,
  targetPhase,
  trainingHoursOf,
  trainingSufficient,
  voteCountsValid,
  voteDueOn,
  voteHasMajority,
} from './development-rules';
import {
  ApproveAdmission,
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
} from './member.guards';
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

export function recordTraining(command: RecordTraining, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'training', command);
  if (targetPhase(m) !== 'designated') notAllowed(m, 'training', 'already pre-reviewed');
  const { on, days, hours } = command.data;
  const valid = (n: number | undefined) => n === undefined || (Number.isFinite(n) && n >= 0);
  const added = valid(days) && valid(hours) ? trainingHoursOf(days, hours) : 0;
  if (added <= 0) {
    throw membershipError('TRAINING_DURATION_INVALID', 'training needs days or hours (> 0)', {
      days,
      hours,
    });
  }
  return [
    {
      type: 'TrainingCompleted',
      data: {
        ...memberRef(m),
        on,
        ...(days !== undefined && { days }),
        ...(hours !== undefined && { hours }),
        totalHours: m.trainingHours + added,
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
  if (!trainingSufficient(m.trainingHours)) {
    throw membershipError(
      'TRAINING_INSUFFICIENT',
      'training of at least 3 days or 24 hours must come first',
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
  const { from, to } = command.data;
  requireDate('to', to);
  requireStepDate(m, 'from', from, command.context.today);
  if (to < from) {
    throw membershipError('STEP_DATE_INVALID', 'the notice ends before it starts', { from, to });
  }
  const workingDays = publicNoticeWorkingDays(from, to);
  if (workingDays < PUBLIC_NOTICE_MIN_WORKING_DAYS) {
    throw membershipError(
      'PUBLIC_NOTICE_TOO_SHORT',
      'a public notice runs at least 5 working days',
      {
        from,
        to,
        workingDays,
      },
    );
  }
  return [{ type: 'PublicNoticePosted', data: { ...memberRef(m), from, to, workingDays } }];
}

export function holdBranchVote(command: HoldBranchVote, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'branch_vote', command);
  const phase = targetPhase(m);
  if (phase === 'voted') alreadyRecorded('branch_vote');
  if (phase !== 'noticed' || !m.publicNotice) {
    throw membershipError('PUBLIC_NOTICE_REQUIRED', 'the vote follows a public notice');
  }
  const { on, eligibleVoters, yesVotes } = command.data;
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
  const count = {
    eligibleVoters,
    yesVotes,
    noVotes: command.data.noVotes ?? 0,
    abstentions: command.data.abstentions ?? 0,
  };
  if (!voteCountsValid(count)) {
    throw membershipError(
      'VOTE_COUNTS_INVALID',
      'yes + no + abstentions exceed the eligible voters',
      count,
    );
  }
  if (!voteHasMajority(count)) {
    throw membershipError(
      'VOTE_MAJORITY_NOT_REACHED',
      'yes votes must exceed half of the members entitled to vote',
      count,
    );
  }
  const dueOn = voteDueOn(m.preReviewOn as string);
  return [
    {
      type: 'BranchVoteHeld',
      data: {
        ...memberRef(m),
        on,
        ...count,
        passed: true,
        probationEndsOn: probationEndsOn(on),
        approvalDueOn: approvalDueOn(on),
        dueOn,
        late: on > dueOn,
      },
    },
  ];
}

export function approveAdmission(command: ApproveAdmission, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'approve_admission', command);
  if (!m.vote) {
    throw membershipError('BRANCH_VOTE_REQUIRED', 'admission is approved after the branch vote');
  }
  const { on, by } = command.data;
  const dueOn = approvalDueOn(m.vote.on);
  return [
    {
      type: 'AdmissionApproved',
      data: {
        ...memberRef(m),
        on,
        ...(by !== undefined && { by }),
        probationStartsOn: m.vote.on,
        probationEndsOn: probationEndsOn(m.vote.on),
        dueOn,
        late: on > dueOn,
      },
    },
  ];
}
