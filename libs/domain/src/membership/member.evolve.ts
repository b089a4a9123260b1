import { trainingHoursOf, trainingSufficient } from './development-rules';
import { MemberEvent, TrainingCompleted } from './member.events';
import { Member, MemberState } from './member.state';
import { MEMBER_EVENT_STEPS } from './member.steps';

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  if (event.type === 'MembershipApplied') {
    const {
      memberId,
      organizationId,
      partnerOrganizationId,
      person,
      appliedOn,
      dualCultivation,
      pairingId,
    } = event.data;
    return {
      stage: 'applicant',
      memberId,
      organizationId,
      ...(partnerOrganizationId !== undefined && { partnerOrganizationId }),
      ...(pairingId !== undefined && { pairingId }),
      dualCultivation,
      person,
      appliedOn,
      lastStepOn: appliedOn,
      history: [{ step: 'apply', on: appliedOn }],
      contacts: [],
      sponsors: [],
      trainingHours: 0,
      activistReviews: [],
      filings: [],
      failedVotes: [],
    };
  }
  if (state.stage === 'none') return state;
  const step = MEMBER_EVENT_STEPS[event.type];
  const on = 'on' in event.data ? event.data.on : event.data.from;
  const m: Member = step
    ? { ...state, lastStepOn: on, history: [...state.history, { step, on }] }
    : state;
  switch (event.type) {
    case 'ApplicantInterviewed':
      return { ...m, interviewedOn: event.data.on };
    case 'ActivistDesignated':
      return { ...m, stage: 'activist', activistSince: event.data.on };
    case 'CultivationContactsAssigned':
      return { ...m, contacts: event.data.contacts };
    case 'ActivistReviewed': {
      const review = { on: event.data.on, result: event.data.result };
      return {
        ...m,
        lastActivistReview: review,
        activistReviews: [...(m.activistReviews ?? []), review],
      };
    }
    case 'DevelopmentTargetDesignated':
      return { ...m, stage: 'development_target', developmentTargetSince: event.data.on };
    case 'SponsorsAssigned':
      return { ...m, sponsors: event.data.sponsors };
    case 'PoliticalReviewCompleted':
      return { ...m, politicalReview: { on: event.data.on, passed: event.data.passed } };
    case 'MembershipRejected':
      return { ...m, stage: 'rejected', ended: { on: event.data.on, reason: event.data.reason } };
    case 'TrainingCompleted':
      return {
        ...m,
        trainingHours: event.data.totalHours,
        concentratedTraining: m.concentratedTraining ?? concentratedSession(event),
      };
    case 'PreReviewCompleted':
      return { ...m, preReviewOn: event.data.on };
    case 'PublicNoticePosted':
      return { ...m, publicNotice: { from: event.data.from, to: event.data.to } };
    case 'BranchVoteHeld': {
      const { eligibleVoters, yesVotes, probationEndsOn } = event.data;
      return { ...m, vote: { on: event.data.on, eligibleVoters, yesVotes }, probationEndsOn };
    }
    case 'BranchVoteFailed':
      return { ...m, failedVotes: [...(m.failedVotes ?? []), { on: event.data.on }] };
    case 'ApprovalConversationHeld':
      return { ...m, approvalConversationOn: event.data.on };
    case 'FilingRecorded': {
      const { of, on, by } = event.data;
      return { ...m, filings: [...(m.filings ?? []), { of, on, by }] };
    }
    case 'FullMembershipApplied':
      return { ...m, fullMembership: { appliedOn: event.data.on, failedVotes: 0 } };
    case 'FullMembershipVoteHeld':
      return {
        ...m,
        fullMembership: { ...(m.fullMembership ?? noApplication(m)), voteOn: event.data.on },
      };
    case 'FullMembershipVoteFailed': {
      const procedure = m.fullMembership ?? noApplication(m);
      return { ...m, fullMembership: { ...procedure, failedVotes: procedure.failedVotes + 1 } };
    }
    case 'FullMembershipApproved':
      return { ...m, stage: 'full_member', fullMemberSince: event.data.fullMemberSince };
    case 'ProbationExtensionApproved':
      return {
        ...m,
        probationExtension: {
          on: m.probationExtension?.on ?? event.data.on,
          approvedOn: event.data.on,
        },
      };
    case 'AdmissionApproved':
      return {
        ...m,
        stage: 'probationary',
        approvedOn: event.data.on,
        probationEndsOn: event.data.probationEndsOn,
      };
    case 'OathTaken':
      return { ...m, oathOn: event.data.on };
    case 'FullMembershipGranted':
      return { ...m, stage: 'full_member', fullMemberSince: event.data.fullMemberSince };
    case 'ProbationExtended':
      return {
        ...m,
        probationEndsOn: event.data.probationEndsOn,
        probationExtendedMonths: event.data.months,
        probationExtension: { on: event.data.on },
        // 转正 starts again at the end of the extended probation.
        fullMembership: undefined,
      };
    case 'ProbationCancelled':
      return { ...m, stage: 'cancelled', ended: { on: event.data.on, reason: event.data.reason } };
    case 'MembershipWithdrawn':
      return { ...m, stage: 'withdrawn', ended: { on: event.data.on, reason: event.data.reason } };
    case 'MemberTransferred':
      return { ...m, organizationId: event.data.toOrganizationId };
  }
}

/** A session that is a concentrated training on its own (events before wave 2: from its size). */
function concentratedSession(event: TrainingCompleted): Member['concentratedTraining'] {
  const { on, days, hours, organizer, concentrated } = event.data;
  const sessionHours = trainingHoursOf(days, hours);
  if (!(concentrated ?? trainingSufficient(sessionHours))) return undefined;
  return { on, hours: sessionHours, ...(organizer !== undefined && { organizer }) };
}

/** A vote recorded without an application (never decided so; kept total for folding). */
const noApplication = (m: Member) => ({ appliedOn: m.lastStepOn, failedVotes: 0 });
