import { addMonths } from '../shared/business-date';
import {
  extensionMonthsValid,
  fullMembershipApprovalDueOn,
  PROBATION_EXTENSION_MONTHS,
} from './development-rules';
import { CancelProbation, ExtendProbation, GrantFullMembership, TakeOath } from './member.commands';
import { MemberEvent } from './member.events';
import { alreadyRecorded, beginStep, memberRef, requireDate, requireText } from './member.guards';
import { MemberState } from './member.state';
import { membershipError } from './membership.errors';

export function takeOath(command: TakeOath, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'oath', command);
  if (m.oathOn) alreadyRecorded('oath');
  return [{ type: 'OathTaken', data: { ...memberRef(m), on: command.data.on } }];
}

/** No early full membership: neither the branch's vote nor the grant before probation ends. */
export function grantFullMembership(
  command: GrantFullMembership,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'grant_full_membership', command);
  const { on, voteOn } = command.data;
  const endsOn = m.probationEndsOn as string;
  if (!m.oathOn) throw membershipError('OATH_REQUIRED', 'the oath comes before full membership');
  for (const [field, date] of [
    ['on', on],
    ['voteOn', voteOn],
  ] as const) {
    if (date !== undefined && requireDate(field, date) < endsOn) {
      throw membershipError('PROBATION_NOT_COMPLETED', `probation runs until ${endsOn}`, {
        field,
        on: date,
        probationEndsOn: endsOn,
      });
    }
  }
  if (voteOn !== undefined && voteOn > on) {
    throw membershipError(
      'STEP_DATE_INVALID',
      'the vote on full membership comes before the grant',
      {
        voteOn,
        on,
      },
    );
  }
  return [
    {
      type: 'FullMembershipGranted',
      data: {
        ...memberRef(m),
        on,
        ...(voteOn !== undefined && { voteOn }),
        fullMemberSince: endsOn,
      },
    },
  ];
}

/**
 * 细则 art. 34: the branch decides an extension when probation ends (not months before), once,
 * for 6 to 12 months; the committee approves it like 转正 (approve_probation_extension).
 */
export function extendProbation(command: ExtendProbation, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'extend_probation', command);
  const { on, months } = command.data;
  if (m.probationExtendedMonths !== undefined) {
    throw membershipError('PROBATION_ALREADY_EXTENDED', 'probation may be extended only once', {
      extendedMonths: m.probationExtendedMonths,
    });
  }
  if (m.fullMembership?.voteOn !== undefined) {
    // The branch has already voted the member in: an extension would undo that vote.
    throw membershipError(
      'FULL_MEMBERSHIP_ALREADY_VOTED',
      `the branch voted for full membership on ${m.fullMembership.voteOn}; probation can no longer be extended`,
      { voteOn: m.fullMembership.voteOn },
    );
  }
  if (on < (m.probationEndsOn as string)) {
    throw membershipError(
      'EXTENSION_TOO_EARLY',
      `an extension is decided when probation ends (${m.probationEndsOn}), not before`,
      { on, probationEndsOn: m.probationEndsOn },
    );
  }
  if (!extensionMonthsValid(months)) {
    throw membershipError('EXTENSION_MONTHS_INVALID', 'an extension is 6 to 12 months', {
      months,
      ...PROBATION_EXTENSION_MONTHS,
    });
  }
  const previous = m.probationEndsOn as string;
  return [
    {
      type: 'ProbationExtended',
      data: {
        ...memberRef(m),
        on,
        months,
        previousProbationEndsOn: previous,
        probationEndsOn: addMonths(previous, months),
        approvalDueOn: fullMembershipApprovalDueOn(on),
      },
    },
  ];
}

export function cancelProbation(command: CancelProbation, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'cancel_probation', command);
  requireText('reason', command.data.reason);
  return [
    {
      type: 'ProbationCancelled',
      data: { ...memberRef(m), on: command.data.on, reason: command.data.reason },
    },
  ];
}
