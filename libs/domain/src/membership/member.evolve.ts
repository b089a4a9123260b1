import { MemberEvent } from './member.events';
import { Member, MemberState } from './member.state';
import { MEMBER_EVENT_STEPS } from './member.steps';

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  if (event.type === 'MembershipApplied') {
    const { memberId, organizationId, partnerOrganizationId, person, appliedOn, dualCultivation } =
      event.data;
    return {
      stage: 'applicant',
      memberId,
      organizationId,
      ...(partnerOrganizationId !== undefined && { partnerOrganizationId }),
      dualCultivation,
      person,
      appliedOn,
      lastStepOn: appliedOn,
      history: [{ step: 'apply', on: appliedOn }],
      contacts: [],
      sponsors: [],
      trainingHours: 0,
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
    case 'ActivistReviewed':
      return { ...m, lastActivistReview: { on: event.data.on, result: event.data.result } };
    case 'DevelopmentTargetDesignated':
      return { ...m, stage: 'development_target', developmentTargetSince: event.data.on };
    case 'SponsorsAssigned':
      return { ...m, sponsors: event.data.sponsors };
    case 'PoliticalReviewCompleted':
      return { ...m, politicalReview: { on: event.data.on, passed: event.data.passed } };
    case 'MembershipRejected':
      return { ...m, stage: 'rejected', ended: { on: event.data.on, reason: event.data.reason } };
    case 'TrainingCompleted':
      return { ...m, trainingHours: event.data.totalHours };
    case 'PreReviewCompleted':
      return { ...m, preReviewOn: event.data.on };
    case 'PublicNoticePosted':
      return { ...m, publicNotice: { from: event.data.from, to: event.data.to } };
    case 'BranchVoteHeld': {
      const { eligibleVoters, yesVotes, probationEndsOn } = event.data;
      return { ...m, vote: { on: event.data.on, eligibleVoters, yesVotes }, probationEndsOn };
    }
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
      };
    case 'ProbationCancelled':
      return { ...m, stage: 'cancelled', ended: { on: event.data.on, reason: event.data.reason } };
    case 'MembershipWithdrawn':
      return { ...m, stage: 'withdrawn', ended: { on: event.data.on, reason: event.data.reason } };
    case 'MemberTransferred':
      return { ...m, organizationId: event.data.toOrganizationId };
  }
}
