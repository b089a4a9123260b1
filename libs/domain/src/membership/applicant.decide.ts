import { isOfAgeOn, activistReviewDueOn, interviewDueOn } from './development-rules';
import {
  ApplyForMembership,
  DesignateActivist,
  InterviewApplicant,
  TransferMember,
  WithdrawFromDevelopment,
} from './member.commands';
import { MemberEvent } from './member.events';
import {
  alreadyRecorded,
  beginStep,
  memberRef,
  notAllowed,
  requireDate,
  requireText,
} from './member.guards';
import { MemberState } from './member.state';
import { membershipError } from './membership.errors';
import { requireCultivatingPairing } from './cultivating-pairing';

/** Digits-only identity numbers (15/18 chars) or phone numbers: clear personal data, refused. */
const CLEAR_PERSONAL_DATA = /^\+?[\d\s-]{7,20}[\dXx]?$/;

export function applyForMembership(command: ApplyForMembership, state: MemberState): MemberEvent[] {
  const { memberId, organizationId, appliedOn, person, partnerOrganizationId, cultivatingPairing } =
    command.data;
  if (state.stage !== 'none') {
    throw membershipError('APPLICATION_ALREADY_SUBMITTED', `member ${memberId} already applied`, {
      memberId,
    });
  }
  requireText('memberId', memberId);
  requireText('organizationId', organizationId);
  requireText('person.name', person?.name);
  requireDate('appliedOn', appliedOn);
  if (appliedOn > command.context.today) {
    throw membershipError('STEP_DATE_INVALID', `appliedOn ${appliedOn} is in the future`, {
      field: 'appliedOn',
      on: appliedOn,
      today: command.context.today,
    });
  }
  requireDate('person.birthDate', person.birthDate);
  if (!isOfAgeOn(person.birthDate, appliedOn)) {
    throw membershipError('APPLICANT_UNDER_AGE', 'an applicant must be 18 or older on applying', {
      birthDate: person.birthDate,
      appliedOn,
    });
  }
  for (const field of ['idNumberCipher', 'phoneCipher'] as const) {
    const value = person[field];
    if (value !== undefined && CLEAR_PERSONAL_DATA.test(value)) {
      throw membershipError('PERSONAL_DATA_NOT_ENCRYPTED', `person.${field} must be encrypted`, {
        field: `person.${field}`,
      });
    }
  }
  if (partnerOrganizationId !== undefined && partnerOrganizationId === organizationId) {
    throw membershipError(
      'PARTNER_ORGANIZATION_INVALID',
      'the partner organization must differ from the lead organization',
      { organizationId, partnerOrganizationId },
    );
  }
  if (cultivatingPairing !== undefined) {
    requireCultivatingPairing(cultivatingPairing, organizationId, command.context.today);
  }
  return [
    {
      type: 'MembershipApplied',
      data: {
        memberId,
        organizationId,
        ...(partnerOrganizationId !== undefined && { partnerOrganizationId }),
        ...(cultivatingPairing !== undefined && { pairingId: cultivatingPairing.id }),
        appliedOn,
        person,
        dualCultivation: person.migrantWorker === true && partnerOrganizationId !== undefined,
        interviewDueOn: interviewDueOn(appliedOn),
      },
    },
  ];
}

export function interviewApplicant(command: InterviewApplicant, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'interview', command);
  if (m.interviewedOn) alreadyRecorded('interview');
  const { on, by } = command.data;
  const dueOn = interviewDueOn(m.appliedOn);
  return [
    {
      type: 'ApplicantInterviewed',
      data: { ...memberRef(m), on, ...(by !== undefined && { by }), dueOn, late: on > dueOn },
    },
  ];
}

export function designateActivist(command: DesignateActivist, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'designate_activist', command);
  const { on, method, resolutionRef } = command.data;
  if (!m.interviewedOn) {
    throw membershipError('INTERVIEW_REQUIRED', 'the applicant must be interviewed first');
  }
  if (method !== 'member_recommendation' && method !== 'mass_org_recommendation') {
    throw membershipError('INVALID_FIELD_VALUE', `unknown designation method ${method}`, {
      field: 'method',
    });
  }
  requireText('resolutionRef', resolutionRef);
  return [
    {
      type: 'ActivistDesignated',
      data: {
        ...memberRef(m),
        on,
        method,
        resolutionRef,
        nextReviewDueOn: activistReviewDueOn(on),
        ...(m.pairingId !== undefined && { pairingId: m.pairingId }),
      },
    },
  ];
}

export function withdraw(command: WithdrawFromDevelopment, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'withdraw', command);
  requireText('reason', command.data.reason);
  const stage = m.stage as 'applicant' | 'activist' | 'development_target';
  return [
    {
      type: 'MembershipWithdrawn',
      data: { ...memberRef(m), on: command.data.on, reason: command.data.reason, stage },
    },
  ];
}

/** Cultivation carries over: activistSince and every recorded step stay as they are. */
export function transfer(command: TransferMember, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'transfer', command);
  const { on, toOrganizationId } = command.data;
  if (m.stage === 'development_target' && m.vote) {
    notAllowed(m, 'transfer', 'a member cannot be transferred between the vote and the approval');
  }
  requireText('toOrganizationId', toOrganizationId);
  if (toOrganizationId === m.organizationId) {
    throw membershipError('TRANSFER_TO_SAME_ORGANIZATION', 'the member is already there', {
      toOrganizationId,
    });
  }
  return [
    {
      type: 'MemberTransferred',
      data: {
        ...memberRef(m),
        organizationId: toOrganizationId,
        on,
        fromOrganizationId: m.organizationId,
        toOrganizationId,
      },
    },
  ];
}
